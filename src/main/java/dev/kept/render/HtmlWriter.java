package dev.kept.render;

import freemarker.core.TemplateHTMLOutputModel;

/**
 * Writes HTML that is escaped by construction: text goes in only through {@link #text}, which
 * escapes it exactly as a theme's {@code .ftlh} template escapes {@code ${value}} (FreeMarker's HTML
 * output format: {@code & < > " '}), and markup only as one of the fixed pieces of {@link Tag},
 * each a constant written in this file. No method appends a caller's string as it is, so nothing a
 * charter, an explain sentence or a theme's words hold can become markup here.
 *
 * <p>The promise page's period table ({@link PeriodTable}) is written with it, the bulk of every
 * page, without a template directive per cell. Not thread-safe: one writer per page.
 */
final class HtmlWriter {
  /**
   * Every piece of markup the writer may write. Each is a whole number of tags and attribute
   * openings, closed by the pieces that follow it in {@link PeriodTable}; none holds a script or an
   * event handler, and the only links are to a place on the same page, their {@code href} opened
   * with a fixed {@code #} ({@code PeriodTableTest.theWritersMarkupHasNoScriptNoHandlerAndNoLink}
   * parses each and checks).
   */
  enum Tag {
    ROW_ID("<tbody id=\""),
    ROW_CLASS("\" class=\""),
    GAP("gap"),
    PROVISIONAL(" provisional"),
    FLAGGED(" flagged"),
    QUOTE("\""),
    PERIOD_CELL("><tr><th scope=\"row\""),
    ROWSPAN(" rowspan=\"2\""),
    PERIOD_TIME("><time datetime=\""),
    PERIOD_WHEN("\">"),
    PERIOD_END("</time></th><td>"),
    VERDICT("<span class=\"verdict verdict-"),
    VERDICT_LABEL("\">"),
    VERDICT_END("</span>\n</td>"),
    GAP_CELL("<td colspan=\"5\">"),
    NUMBER_CELL("<td class=\"num\">"),
    CELL_END("</td>"),
    NUMBER_NEXT("</td><td class=\"num\">"),
    LABEL("<span>"),
    LABEL_END(" </span>"),
    DASH("\u2013"),
    OPEN_PAREN(" ("),
    CLOSE_PAREN(")"),
    FIGURES_END("</tr>"),
    MORE("<tr class=\"more\"><td colspan=\"6\">"),
    STRONG("<strong>"),
    STRONG_END("</strong> "),
    FLAGGED_LINK("<strong><a href=\"#flagged-note\">"),
    ACCOUNT_LINK("<strong><a href=\"#account-"),
    LINK_TEXT("\">"),
    LINK_END("</a></strong> "),
    BREAK("<br>"),
    MORE_END("</td></tr>"),
    ROW_END("</tbody>\n");

    private final String markup;

    Tag(String markup) {
      this.markup = markup;
    }

    /** The markup, for tests. */
    String markup() {
      return markup;
    }
  }

  private final StringBuilder out;

  HtmlWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /** Appends one fixed piece of markup. */
  HtmlWriter tag(Tag tag) {
    out.append(tag.markup);
    return this;
  }

  /** Appends text, escaped for HTML text and quoted attribute values alike. */
  HtmlWriter text(String text) {
    int n = text.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      String entity =
          switch (text.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null) {
        out.append(text, from, i).append(entity);
        from = i + 1;
      }
    }
    out.append(text, from, n);
    return this;
  }

  /** What was written, as markup a template prints as it is. */
  TemplateHTMLOutputModel toMarkup() {
    return Views.markup(out.toString());
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
