package dev.kept.render.view;

import freemarker.core.TemplateHTMLOutputModel;
import java.util.List;

/**
 * A promise's accounts of its misses, as its page shows them (H22): the organisation's words,
 * newest first, beside the miss each explains. A template reads it as {@code misses}.
 *
 * @param headline the accounts of the current headline, for the "How we did" box
 * @param headlineUnexplained whether the headline is a clear miss with no account: "Not yet
 *     explained"
 * @param periods the accounts of periods, for the list under the table
 */
public record MissesView(List<AccountView> headline, boolean headlineUnexplained, List<AccountView> periods) {
  public MissesView {
    headline = List.copyOf(headline);
    periods = List.copyOf(periods);
  }

  /**
   * One account.
   *
   * @param id its id on the page, which the "Explained" mark on its period's row links to
   * @param explains what it explains, in words ("April 2026")
   * @param href the link to its period's row ({@code #p-2026-04}); empty for a headline
   * @param written the day it was written, in words
   * @param followUp when the organisation will report back, in words; empty when it gives no date
   * @param happened what happened, from checked Markdown
   * @param doing what the organisation is doing about it, from checked Markdown
   * @param overdue "Report-back overdue since ..." when that date has passed with no later account;
   *     empty otherwise
   */
  public record AccountView(
      String id,
      String explains,
      String href,
      String written,
      String followUp,
      TemplateHTMLOutputModel happened,
      TemplateHTMLOutputModel doing,
      String overdue) {}
}
