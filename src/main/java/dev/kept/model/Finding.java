package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a charter: where it is, how bad, what is wrong, and (where one helps) how to
 * fix it.
 *
 * <p>Printed as {@code path:line:column: error: message}, with the hint on the next line.
 *
 * @param rule the honesty rule or check this finding enforces (for example {@code H1}), or empty
 */
public record Finding(
    Severity severity, SourcePos pos, String message, Optional<String> hint, Optional<String> rule) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(rule, "rule");
  }

  /** The one-line form: {@code path:line:column: severity: message}. */
  public String headline() {
    return pos + ": " + severity.word() + ": " + oneLine(message);
  }

  /** Text from a file may hold line breaks; a finding stays on its line. */
  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** The headline, then the hint indented on its own line if there is one. */
  @Override
  public String toString() {
    return hint.map(h -> headline() + "\n  hint: " + h).orElse(headline());
  }
}
