package dev.kept.model;

import java.util.Objects;

/**
 * A figure in words, in the charter's language: the displayed rate (H5), its range (H6), the
 * plain sentence (H10) and the exclusion disclosure (H12).
 *
 * @param figure the rate as displayed ("94.96%", "just under 95%"); empty when there is no rate
 * @param low the displayed low end of the likely range, rounded down; empty when there is no rate
 * @param high the displayed high end, rounded up; empty when there is no rate
 * @param sentence the generated sentence that states the figure, the target and the verdict
 * @param exclusions the generated sentence on excluded cases; empty when none were excluded
 */
public record Words(String figure, String low, String high, String sentence, String exclusions) {
  public Words {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(exclusions, "exclusions");
  }
}
