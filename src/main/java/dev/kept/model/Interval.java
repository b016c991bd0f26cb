package dev.kept.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A 95% Wilson score interval for a kept rate, as exact-enough decimals in [0, 1] (H6). */
public record Interval(BigDecimal low, BigDecimal high) {
  public Interval {
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    if (low.signum() < 0 || high.compareTo(BigDecimal.ONE) > 0 || low.compareTo(high) > 0) {
      throw new IllegalArgumentException("an interval lies in [0, 1] with low <= high");
    }
  }

  /** Whether {@code value} lies in the interval, ends included. */
  public boolean contains(BigDecimal value) {
    return low.compareTo(value) <= 0 && value.compareTo(high) <= 0;
  }
}
