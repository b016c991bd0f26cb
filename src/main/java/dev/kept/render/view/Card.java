package dev.kept.render.view;

import freemarker.core.TemplateHTMLOutputModel;

/**
 * A promise as listed on the index: its headline figure with the denominator and range beside it
 * (H4, H6) and its verdict in words (H14).
 *
 * @param href the promise page, relative to the site root ("promises/answer-calls/")
 * @param label the verdict in words ("Missed narrowly")
 * @param verdictClass a CSS class for the verdict: met, missed, unclear, none
 * @param figure the displayed rate, or empty when there is none
 * @param denominator "114,868 of 120,978 calls", or empty
 * @param range "likely range 94.8% to 95.1%", or empty
 * @param when the headline's window in words
 * @param trend a small SVG trend, or empty markup
 * @param notes facts that change how the headline reads: exclusions flagged, a lowered target,
 *     periods without figures
 * @param retiredSentence when and why it was retired, or empty
 * @param latest the latest complete period's figure in one line (H13: the headline is the latest
 *     complete period and the pooled window), or empty
 * @param inShort what is promised, in one line of plain text
 * @param remedy the remedy in a few words ("A £30 credit, paid without asking", "No remedy")
 * @param remedyFigure how often it was given over the headline's window, in a few words ("Paid to
 *     398 of 404 customers owed it (98.5%)"), or empty when not published
 */
public record Card(
    String id,
    String title,
    String href,
    String status,
    String label,
    String verdictClass,
    String figure,
    String denominator,
    String range,
    String target,
    String when,
    String sentence,
    TemplateHTMLOutputModel trend,
    boolean measured,
    boolean retired,
    String latest,
    java.util.List<String> notes,
    String retiredSentence,
    String inShort,
    String remedy,
    String remedyFigure) {}
