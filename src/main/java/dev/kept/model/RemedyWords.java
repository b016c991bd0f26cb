package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How often a remedy was given, in words, displayed like any figure: the share given by H5 (never
 * 100% unless every remedy owed was given), its likely range rounded outward by H6, and its
 * denominator beside it (H4). When nothing was owed there is no share and no range (H9).
 *
 * @param sentence "In October 2026, we owed a £30 credit to 55 customers and paid it to 54 of 55
 *     customers without being asked (98.2%, likely range 90.3% to 99.7%)."
 * @param denominator "398 of 404 customers" (H4)
 * @param figure the share given, as displayed; empty when nothing was owed
 * @param low the likely range's low end, rounded down; empty when nothing was owed
 * @param high the likely range's high end, rounded up; empty when nothing was owed
 * @param inShort the same in a few words, for a card: "Paid to 398 of 404 customers owed it
 *     (98.5%)"
 */
public record RemedyWords(
    String sentence,
    String denominator,
    Optional<String> figure,
    Optional<String> low,
    Optional<String> high,
    String inShort) {
  public RemedyWords {
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(denominator, "denominator");
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(inShort, "inShort");
  }
}
