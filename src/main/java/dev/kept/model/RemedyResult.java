package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often the remedy was given, measured like any figure: the counts (H4), and the 95% Wilson
 * interval of {@code given / owed} (H6). There is no target and no verdict: every remedy owed is
 * due.
 *
 * @param remedies the counts, pooled over a headline's window (H3) or of one period
 * @param interval the likely range of the share given; empty when nothing was owed (H9: no rate)
 * @param without for a headline, the complete periods in its window that have figures but no remedy
 *     figures, oldest first (they are not pooled); empty for a period
 */
public record RemedyResult(Remedies remedies, Optional<Interval> interval, List<Period> without) {
  public RemedyResult {
    Objects.requireNonNull(remedies, "remedies");
    Objects.requireNonNull(interval, "interval");
    without = List.copyOf(without);
    if (interval.isPresent() != (remedies.owed() > 0)) {
      throw new IllegalArgumentException("a range exactly when something was owed (H9)");
    }
  }
}
