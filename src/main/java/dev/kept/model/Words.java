package dev.kept.model;

import java.util.Objects;

/**
 * A figure in words, in the charter's language: the displayed rate (H5), its range (H6), the
 * plain sentence (H10), the exclusion disclosure (H12), and the pieces a table shows.
 *
 * @param label the verdict in a few words ("Missed narrowly"), never only a colour (H14)
 * @param figure the rate as displayed ("94.96%", "just under 95%"); empty when there is no rate
 * @param low the displayed low end of the likely range, rounded down; empty when there is no rate
 * @param high the displayed high end, rounded up; empty when there is no rate
 * @param kept the kept count, formatted ("9,496"); empty for a gap
 * @param cases the counted cases, formatted ("10,000"); empty for a gap
 * @param denominator the figure's denominator phrase, "9,496 of 10,000 calls" (H4); empty for a gap
 * @param excluded the excluded count, formatted; empty for a gap
 * @param excludedDenominator "98 of 10,098 calls": the excluded count with all cases as its
 *     denominator (H4); empty when none were excluded
 * @param excludedShare the share of all cases excluded, displayed; empty when none were excluded
 * @param stressedFigure the rate with exclusions counted as not kept, displayed; empty when none
 * @param stressedDenominator its denominator, "9,496 of 10,098 calls" (H4); empty when none
 * @param excludedByReason each exclusion reason's count, formatted, in the promise's order
 * @param sentence the generated sentence that states the figure, the target and the verdict
 * @param exclusions the generated sentence on excluded cases; empty when none were excluded
 */
public record Words(
    String label,
    String figure,
    String low,
    String high,
    String kept,
    String cases,
    String denominator,
    String excluded,
    String excludedDenominator,
    String excludedShare,
    String stressedFigure,
    String stressedDenominator,
    java.util.Map<String, String> excludedByReason,
    String sentence,
    String exclusions) {
  public Words {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(denominator, "denominator");
    Objects.requireNonNull(excluded, "excluded");
    Objects.requireNonNull(excludedDenominator, "excludedDenominator");
    Objects.requireNonNull(excludedShare, "excludedShare");
    Objects.requireNonNull(stressedFigure, "stressedFigure");
    Objects.requireNonNull(stressedDenominator, "stressedDenominator");
    excludedByReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excludedByReason));
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(exclusions, "exclusions");
  }

  /** The same words with another sentence (used to add a prefix such as "Provisional"). */
  public Words withSentence(String newSentence) {
    return new Words(
        label, figure, low, high, kept, cases, denominator, excluded, excludedDenominator,
        excludedShare, stressedFigure, stressedDenominator, excludedByReason, newSentence, exclusions);
  }
}
