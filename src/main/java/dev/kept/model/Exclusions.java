package dev.kept.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The H12 stress test of a figure's exclusions.
 *
 * @param share {@code x / (n + x)}: the share of all cases that were left out
 * @param rateIfNotKept {@code k / (n + x)}: the rate if every excluded case had counted as not kept
 * @param verdictIfNotKept the verdict if every excluded case had counted as not kept
 * @param wouldChangeVerdict whether that verdict differs from the figure's own
 * @param flagged whether readers are warned: the share is above the charter's threshold, or the
 *     verdict would change
 */
public record Exclusions(
    BigDecimal share,
    BigDecimal rateIfNotKept,
    Verdict verdictIfNotKept,
    boolean wouldChangeVerdict,
    boolean flagged) {
  public Exclusions {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(rateIfNotKept, "rateIfNotKept");
    Objects.requireNonNull(verdictIfNotKept, "verdictIfNotKept");
  }
}
