package dev.kept.model;

import java.util.Locale;
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

  /** Whether this finding is an error, which stops a build, rather than a warning. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Whether this finding is a warning, which {@code --strict} makes an error (a notice is not). */
  public boolean isWarning() {
    return severity == Severity.WARNING;
  }

  /** The one-line form: {@code path:line:column: severity: message}. */
  public String headline() {
    return visible(pos + ": " + severity.word() + ": " + message);
  }

  /**
   * Text as a terminal may show it: a finding stays on its line, and text from a file cannot
   * steer the terminal or reorder what is shown. Line breaks become {@code \n} and {@code \r};
   * every other C0 or C1 control, DEL, bidirectional mark, embedding, override or isolate, and
   * line or paragraph separator becomes {@code \u001B}-style.
   */
  public static String visible(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          c == '\n' ? "\\n" : c == '\r' ? "\\r" : invisible(c) ? String.format(Locale.ROOT, "\\u%04X", (int) c) : null;
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether a character could steer a terminal or reorder text, rather than show. */
  public static boolean invisible(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
  }

  /** The headline, then the hint indented on its own line if there is one. */
  @Override
  public String toString() {
    return hint.map(h -> headline() + "\n  hint: " + visible(h)).orElse(headline());
  }
}
