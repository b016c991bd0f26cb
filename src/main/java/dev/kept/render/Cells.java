package dev.kept.render;

/** Makes text safe to put in a spreadsheet cell. */
final class Cells {
  private Cells() {}

  /**
   * Text that a spreadsheet will show as text, never run as a formula: a cell that starts with
   * {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice for CSV
   * injection).
   */
  static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      return "'" + text;
    }
    return text;
  }
}
