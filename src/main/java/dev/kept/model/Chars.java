package dev.kept.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The characters no text in a charter may hold, whatever their spelling (a raw byte, a YAML escape
 * such as {@code \0}, {@code \x01}, {@code \e}, {@code \}{@code u0085} or {@code \U0000202E}, a CSV cell, a
 * file name), and a way to show any text with them made visible.
 *
 * <p>Refused everywhere:
 *
 * <ul>
 *   <li>C0 controls (U+0000 to U+001F) and DEL (U+007F), except tab and line feed in multi-line
 *       text (and a carriage return just before a line feed, as a spreadsheet ends a line inside a
 *       quoted cell). They are invisible, XML 1.0 forbids most of them, so one in a title made the
 *       feed ill-formed, and an ESC printed by {@code kept check} drives the terminal;
 *   <li>C1 controls (U+0080 to U+009F, NEL among them): invisible, and read as controls by
 *       terminals and some XML readers;
 *   <li>the line and paragraph separators U+2028 and U+2029: a browser shows them as spaces, and
 *       JavaScript and JSON readers break lines at them; a text needing a new line writes one;
 *   <li>bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): they
 *       make text show in another order than it reads ("Trojan source"), so a page could say one
 *       thing and mean another. The marks U+200E, U+200F and U+061C stay allowed: they change no
 *       order of their own, and right-to-left text needs nothing else on a page that sets its
 *       direction;
 *   <li>the noncharacters U+FDD0 to U+FDEF and U+nFFFE, U+nFFFF (XML forbids U+FFFE and U+FFFF),
 *       and a surrogate without its pair (from an escape such as {@code \}{@code uD800}): none is
 *       text, and each makes a page or the feed ill-formed.
 * </ul>
 *
 * <p>U+FEFF inside a text is allowed (a byte-order mark at the start of a file is dropped before
 * this): XML and HTML accept it, it hides no order and drives no terminal, and text pasted from
 * another file often carries one. The CSV downloads skip it, like a space, when they look for a
 * formula.
 *
 * <p>Stateless and thread-safe.
 */
public final class Chars {
  private Chars() {}

  /** One character refused in a text: where it is (a {@code char} index) and what it is. */
  public record Bad(int index, int codePoint) {
    /** What the character is, in words: "a control character (U+001B)". */
    public String what() {
      return describe(codePoint);
    }

    /** How to get rid of it. */
    public String hint() {
      return Chars.hint(codePoint);
    }
  }

  /**
   * The first refused character in {@code text}, or empty.
   *
   * @param multiLine whether tab and line feed are allowed (values), or refused too (keys, names)
   */
  public static Optional<Bad> first(CharSequence text, boolean multiLine) {
    return first(text, 0, multiLine);
  }

  /** The first refused character in {@code text} at or after the index {@code from}, or empty. */
  public static Optional<Bad> first(CharSequence text, int from, boolean multiLine) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      // The fast path: printable ASCII and most of the BMP are never refused.
      if (c >= 0x20 && c < 0x7F) {
        continue;
      }
      if (c == '\t' || c == '\n') {
        if (multiLine) {
          continue;
        }
        return Optional.of(new Bad(i, c));
      }
      if (c == '\r') {
        if (multiLine && i + 1 < n && text.charAt(i + 1) == '\n') {
          continue;
        }
        return Optional.of(new Bad(i, c));
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, text.charAt(i + 1));
          if ((cp & 0xFFFE) == 0xFFFE) {
            return Optional.of(new Bad(i, cp));
          }
          i++;
          continue;
        }
        return Optional.of(new Bad(i, c));
      }
      if (refused(c)) {
        return Optional.of(new Bad(i, c));
      }
    }
    return Optional.empty();
  }

  /** Whether the BMP character {@code c} (not a tab, line feed or carriage return) is refused. */
  private static boolean refused(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || (c >= 0xFDD0 && c <= 0xFDEF)
        || c == 0xFFFE
        || c == 0xFFFF
        || Character.isLowSurrogate(c);
  }

  /** What the refused character {@code codePoint} is, in words, with its code. */
  public static String describe(int codePoint) {
    String code = String.format(Locale.ROOT, "U+%04X", codePoint);
    if (codePoint == 0x2028 || codePoint == 0x2029) {
      return "a " + (codePoint == 0x2028 ? "line" : "paragraph") + " separator (" + code + ")";
    }
    if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
      return "a bidirectional " + (codePoint >= 0x2066 ? "isolate" : "override") + " (" + code + ")";
    }
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
      return "half of a character (" + code + ", a surrogate without its pair)";
    }
    if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE) {
      return "a noncharacter (" + code + ")";
    }
    return "a control character (" + code + ")";
  }

  /** How to get rid of the refused character {@code codePoint}. */
  public static String hint(int codePoint) {
    if (codePoint == 0x2028 || codePoint == 0x2029) {
      return "Start a new line instead (in a | block), or use a space.";
    }
    if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
      return "Delete it: it makes text show in another order than it reads. Pages set the text's"
          + " direction themselves; if a word still shows in the wrong order, a U+200E or U+200F mark"
          + " is allowed.";
    }
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
      return "Write the whole character, or its escape with all 8 digits (\\U0001F600).";
    }
    if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE) {
      return "Delete it: it is no character of any text, and XML forbids it, so the site's feed"
          + " would be ill-formed.";
    }
    return "Delete it: it is invisible, and it breaks the site's pages and feed. (A quoted value may"
        + " write it as an escape such as \\0, \\x01, \\e or \\u0085, and Markdown as an entity such"
        + " as &#x1b;.)";
  }

  /**
   * {@code text} with every refused character, tab, line feed and carriage return written as
   * {@code \}{@code u001B} (or {@code \}{@code U0001FFFF}), so a message can quote text from a
   * file without a control character reaching the terminal.
   */
  public static String visible(String text) {
    if (first(text, false).isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    int i = 0;
    Optional<Bad> bad;
    while ((bad = first(text, i, false)).isPresent()) {
      b.append(text, i, bad.get().index());
      int cp = bad.get().codePoint();
      b.append(cp > 0xFFFF ? String.format(Locale.ROOT, "\\U%08X", cp) : String.format(Locale.ROOT, "\\u%04X", cp));
      i = bad.get().index() + Character.charCount(cp);
    }
    b.append(text, i, text.length());
    return b.toString();
  }
}
