package dev.kept.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.model.Finding;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fuzz tests' shared property: every finding says where the problem is, a place that exists.
 * A finding about a file's content names a 1-based line and column inside that file (or just past
 * its end). Only findings about a file as a whole (missing, misnamed, an orphan) may have no line,
 * and only those whose message is one of {@link #WHOLE_FILE}.
 */
final class Located {
  /** Findings that are about a file or folder as a whole, so have no line to point at. */
  static final List<Pattern> WHOLE_FILE =
      List.of(
          Pattern.compile("charter\\.yaml is missing"),
          Pattern.compile("the (promises|figures) folder is missing"),
          Pattern.compile("unexpected (file|folder) in (promises|figures)/"),
          Pattern.compile("'.*' is not a valid promise id"),
          Pattern.compile("'.*' is a reserved file name on Windows"),
          Pattern.compile("there is no promise '.*' for these figures"),
          Pattern.compile("the promise '.*' says 'measure: none' but has a figures file"),
          Pattern.compile("the charter has no promises yet"),
          Pattern.compile("the promise has no figures file, .*"));

  private Located() {}

  /**
   * The file's lines as its parser counts them, and as editors show them: CRLF, a lone CR and LF
   * each end a line; in YAML (1.1, as SnakeYAML reads it) so do NEL, LS and PS.
   */
  static String[] lines(String file, String text) {
    String breaks = file.endsWith(".yaml") ? "\r\n|[\r\n\u0085\u2028\u2029]" : "\r\n|[\r\n]";
    return text.split(breaks, -1);
  }

  /**
   * Checks every finding against the files' texts.
   *
   * @param texts each file as findings name it, mapped to the text Kept read (or null when the
   *     file's bytes were not text, so only a line of 1 or more can be checked)
   * @param wholeFileAllowed whether file-level findings may appear at all (not for one reader)
   */
  static void assertLocated(List<Finding> findings, Map<String, String> texts, boolean wholeFileAllowed) {
    for (Finding f : findings) {
      String where = f.toString();
      assertThat(f.pos().file()).as("file of %s", where).isNotBlank();
      if (f.pos().line() == 0) {
        assertThat(wholeFileAllowed).as("a content finding with no line: %s", where).isTrue();
        assertThat(WHOLE_FILE)
            .as("a finding with no line whose message is not a whole-file one: %s", where)
            .anyMatch(p -> p.matcher(f.message()).matches());
        continue;
      }
      assertThat(f.pos().line()).as("line of %s", where).isPositive();
      assertThat(f.pos().column()).as("column of %s", where).isPositive();
      String text = texts.get(f.pos().file());
      if (text == null) {
        assertThat(texts).as("the file of %s is one of the files", where).containsKey(f.pos().file());
        continue;
      }
      String[] lines = lines(f.pos().file(), text);
      assertThat(f.pos().line()).as("line of %s in a file of %d lines", where, lines.length)
          .isLessThanOrEqualTo(lines.length + 1);
      if (f.pos().line() <= lines.length) {
        String line = lines[f.pos().line() - 1];
        assertThat(f.pos().column())
            .as("column of %s on a line of %d characters", where, line.length())
            .isLessThanOrEqualTo(line.length() + 1);
      } else {
        assertThat(f.pos().column()).as("column of %s past the end", where).isEqualTo(1);
      }
    }
  }
}
