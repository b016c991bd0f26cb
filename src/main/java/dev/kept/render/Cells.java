package dev.kept.render;

/** Makes text safe to put in a spreadsheet cell. */
final class Cells {
  private Cells() {}

  /**
   * Characters a spreadsheet may read as the start of a formula: {@code = + - @}, a tab, a carriage
   * return or a line feed (OWASP's list for CSV injection), their fullwidth forms ({@code ＝ ＋ －
   * ＠}, which some spreadsheets in East Asian locales read as the ASCII ones), their small forms
   * (U+FE62, U+FE63, U+FE66, U+FE6B) and the minus sign U+2212.
   */
  private static final String FORMULA =
      "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212";

  /**
   * Text that a spreadsheet will show as text, never run as a formula: a cell whose first visible
   * character starts a formula (see {@link #FORMULA}) gets a leading apostrophe. What may stand
   * before it unseen, and is skipped to find it: any Unicode space (U+0020, the no-break spaces
   * U+00A0 and U+202F, U+1680, U+2000 to U+200A, U+205F, U+3000), the zero-width characters
   * U+200B to U+200D, U+2060 and U+180E, the direction marks U+200E, U+200F and U+061C, and a
   * byte-order mark U+FEFF, since a spreadsheet may drop any of them before it reads the cell.
   * A cell that already starts with an apostrophe is text to a spreadsheet, and is left as it is.
   */
  static String neutralise(String text) {
    int i = 0;
    while (i < text.length() && unseen(text.charAt(i))) {
      i++;
    }
    if (i < text.length() && FORMULA.indexOf(text.charAt(i)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  /** Whether {@code c} shows nothing, or only a space, before the first character of a cell. */
  private static boolean unseen(char c) {
    return Character.getType(c) == Character.SPACE_SEPARATOR
        || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\u180E'
        || c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\uFEFF';
  }
}
