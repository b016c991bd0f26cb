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
 * @param changes one sentence per change of target or definition (H15)
 * @param lowered whether the target was ever lowered, so the page can call it out
 * @param retiredSentence when and why it was retired (H16), or empty
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
    List<Row> rows,
    List<String> changes,
    boolean lowered,
    List<Reason> exclusions,
    String exclusionSentence,
    String csv,
    String badge,
    String retiredSentence,
    String owner,
    String promiseUrl,
    String resultsUrl) {}
