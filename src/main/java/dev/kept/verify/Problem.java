package dev.kept.verify;

import java.util.List;
import java.util.Objects;

/**
 * One thing a written page or XML file must not have, with where it is in that file and the text
 * to find it by in a theme's templates.
 *
 * @param path the file in the site, such as {@code promises/calls/index.html}
 * @param kind what sort of problem it is; its {@link Kind#summary} is the short line a build's
 *     log gives
 * @param detail what exactly is wrong, in words for a theme's author
 * @param line 1-based line in the written file, or 0 when the problem is the whole file's
 * @param column 1-based column in the written file, or 0
 * @param clues text of the written file at the problem, most specific first, to look for in the
 *     theme's own files (see {@link ThemeBlame}); empty when there is none
 */
public record Problem(String path, Kind kind, String detail, int line, int column, List<String> clues) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    detail = printable(detail);
    clues = List.copyOf(clues);
  }

  /** Text with its control characters spelt out ({@code \u0000}), so that it prints safely on a terminal. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** The sorts of problem, in the order a file's are listed. */
  public enum Kind {
    /** A script element, in any namespace. */
    SCRIPT("contains a script"),
    /** An event handler, or a link, refresh, frame or animation that runs script. */
    UNSAFE("contains an event handler or a script link"),
    /** Markup that browsers may read otherwise than this check: parse errors and the like. */
    UNCLEAR("has markup a browser may read otherwise than Kept's check"),
    /** The page has no Content-Security-Policy {@code <meta>} a browser applies. */
    NO_POLICY("has no Content-Security-Policy"),
    /** The policy is not Kept's, is not first in {@code <head>}, or there is more than one. */
    POLICY("has a Content-Security-Policy other than Kept's, or not first in its head"),
    /** A file that must be well-formed XML is not. */
    XML("is not well-formed XML");

    private final String summary;

    Kind(String summary) {
      this.summary = summary;
    }

    /** The short line for a log, after the file's path. */
    public String summary() {
      return summary;
    }
  }

  /** {@code path summary}, as a build's log lists it: {@code index.html contains a script}. */
  @Override
  public String toString() {
    return path + " " + kind.summary();
  }
}
