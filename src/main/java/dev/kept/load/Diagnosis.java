package dev.kept.load;

import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.util.Objects;

/**
 * A plainer account of a YAML mistake than the parser's own words: where it is in the file (1-based
 * line and column), what is wrong and how to fix it. {@link YamlReader} makes one from the lines
 * around where the parser stopped, and reports it as an error finding.
 *
 * @param line the 1-based line the mistake is on
 * @param column the 1-based column it starts at
 * @param message what is wrong, in words that follow the position
 * @param hint what to do about it
 */
record Diagnosis(int line, int column, String message, String hint) {
  Diagnosis {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("a diagnosis is at line and column 1 or later: " + line + ":" + column);
    }
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** Reports this diagnosis as an error in {@code file}. */
  void reportIn(String file, Findings findings) {
    findings.error(new SourcePos(file, line, column), message, hint);
  }
}
