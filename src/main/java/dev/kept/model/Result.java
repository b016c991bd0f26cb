package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A figure judged against its target: the counts, the verdict and how sure it is.
 *
 * @param counts the counts; empty for a declared gap ({@link Verdict#NO_DATA})
 * @param target the target the figure is judged against (H15: the one in force)
 * @param verdict the status (H7, H8, H9, H11)
 * @param qualifier how sure the verdict is; empty for NO_CASES and NO_DATA
 * @param interval the 95% Wilson interval of {@code k / n} (H6); empty when there are no cases
 * @param minimumCases {@code n_min(t)}: the fewest cases that can tell a result (H8)
 * @param exclusions the H12 stress test; empty when nothing was excluded
 * @param fewCases whether there were fewer than {@code minimumCases} cases (H8): a reached target
 *     is then TOO_FEW_TO_TELL, and a missed one stays MISSED with the note "based on only N cases"
 */
public record Result(
    Optional<Counts> counts,
    Share target,
    Verdict verdict,
    Optional<Qualifier> qualifier,
    Optional<Interval> interval,
    long minimumCases,
    Optional<Exclusions> exclusions,
    boolean fewCases) {
  public Result {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(exclusions, "exclusions");
  }

  /**
   * A clear miss: missed, outside normal variation, on enough cases to tell (H7, H8); the misses
   * that need an account (H22).
   */
  public boolean clearMiss() {
    return verdict == Verdict.MISSED && qualifier.equals(Optional.of(Qualifier.CLEAR)) && !fewCases;
  }

  /** Whether readers should be warned about this figure's exclusions (H12). */
  public boolean exclusionFlag() {
    return exclusions.map(Exclusions::flagged).orElse(false);
  }
}
