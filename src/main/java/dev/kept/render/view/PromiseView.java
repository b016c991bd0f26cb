package dev.kept.render.view;

import freemarker.core.TemplateHTMLOutputModel;
import java.util.List;

/**
 * Everything a promise page shows, in the order H19 asks: what we promise, what counts as kept,
 * what is not covered, how we measure it, what you get if we break it, how we did, what changed.
 *
 * @param hasMeasured whether the charter says how the promise is measured
 * @param hasRemedy false when the charter says the customer gets nothing ({@code remedy: none})
 * @param chart the inline SVG chart, or empty markup when there is nothing to draw
 * @param hasRows whether the promise has any period to show in its chart and table
 * @param rowsHtml every period's table row, newest first, as the built-in {@code
 *     partials/period-table.ftlh} shows it; empty markup when the theme has its own {@code verdict}
 *     macro ({@code layout.ftlh} or {@code partials/verdict.ftlh}), so that its table lists {@code
 *     rows} through the theme's macro instead. Made only when a template reads it.
 * @param rows every period's values (oldest first), for a theme that writes its own rows; made only
 *     when a template reads it
 * @param anyFlagged whether any period's exclusions are flagged (H12), for the note under the table
 * @param anyProvisional whether any period is provisional (H13), for the note under the table
 * @param changes one sentence per change of target or definition (H15)
 * @param lowered whether the target was ever lowered, so the page can call it out
 * @param retiredSentence when and why it was retired (H16), or empty
 * @param remedySentence how often the remedy was given over the headline's window; "We do not
 *     publish how often we paid it." for a remedy without figures; empty for {@code remedy: none}
 * @param remedyRows how often the remedy was given in each period that says, newest first; empty
 *     when none says
 */
public record PromiseView(
    Card card,
    TemplateHTMLOutputModel promise,
    String keptWhen,
    List<TemplateHTMLOutputModel> notCovered,
    boolean hasMeasured,
    TemplateHTMLOutputModel measured,
    boolean hasRemedy,
    TemplateHTMLOutputModel remedy,
    String unit,
    TemplateHTMLOutputModel chart,
    boolean hasRows,
    Lazy<TemplateHTMLOutputModel> rowsHtml,
    Lazy<List<Row>> rows,
    boolean anyFlagged,
    boolean anyProvisional,
    List<String> changes,
    boolean lowered,
    List<Reason> exclusions,
    String exclusionSentence,
    String csv,
    String badge,
    String retiredSentence,
    String owner,
    String promiseUrl,
    String resultsUrl,
    String remedySentence,
    List<RemedyRow> remedyRows) {}
