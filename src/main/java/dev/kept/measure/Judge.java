package dev.kept.measure;

import dev.kept.model.Counts;
import dev.kept.model.Exclusions;
import dev.kept.model.Qualifier;
import dev.kept.model.Result;
import dev.kept.model.Share;
import dev.kept.model.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Judges one figure against one target, by the honesty rules, in exact arithmetic.
 *
 * <ul>
 *   <li>H2: the target is reached when {@code k ≥ n·t}, compared exactly.
 *   <li>H7: the qualifier is <em>clear</em> when {@code (k − n·t)² ≥ z²·n·t·(1 − t)}.
 *   <li>H8: below {@code n_min(t)} cases a reached target is TOO_FEW_TO_TELL; a missed one stays
 *       MISSED.
 *   <li>H9: {@code n = 0} is NO_CASES.
 *   <li>H12: exclusions are stress-tested by counting them as not kept.
 * </ul>
 *
 * <p>Thread-safe: instances hold only two settings.
 */
public final class Judge {
  private final int floor;
  private final Share exclusionWarning;

  /**
   * @param floor the charter's {@code minimum_cases}
   * @param exclusionWarning the charter's {@code exclusion_warning}
   */
  public Judge(int floor, Share exclusionWarning) {
    this.floor = floor;
    this.exclusionWarning = exclusionWarning;
  }

  /** H8: {@code max(floor, ⌈z²·t / (1 − t)⌉)}, or the floor alone for a 100% target. */
  public long minimumCases(Share target) {
    BigDecimal t = target.value();
    if (t.compareTo(BigDecimal.ONE) >= 0) {
      return floor;
    }
    BigDecimal needed =
        Wilson.Z2.multiply(t).divide(BigDecimal.ONE.subtract(t), 0, RoundingMode.CEILING);
    return Math.max(floor, needed.longValueExact());
  }

  /** H2: whether {@code k / n ≥ t}, exactly. */
  public static boolean reached(long k, long n, Share target) {
    return BigDecimal.valueOf(k).compareTo(BigDecimal.valueOf(n).multiply(target.value())) >= 0;
  }

  /** H7: whether the target lies outside the Wilson interval, decided exactly. */
  public static boolean clear(long k, long n, Share target) {
    BigDecimal t = target.value();
    BigDecimal bn = BigDecimal.valueOf(n);
    BigDecimal gap = BigDecimal.valueOf(k).subtract(bn.multiply(t));
    BigDecimal variation = Wilson.Z2.multiply(bn).multiply(t).multiply(BigDecimal.ONE.subtract(t));
    return gap.multiply(gap).compareTo(variation) >= 0;
  }

  /** Judges a period's (or a pooled window's) counts against the target in force. */
  public Result judge(Counts counts, Share target) {
    long k = counts.kept();
    long n = counts.cases();
    long x = counts.excluded();
    long nMin = minimumCases(target);
    Optional<Exclusions> exclusions = Optional.empty();
    if (x > 0) {
      long all = n + x;
      BigDecimal share = BigDecimal.valueOf(x).divide(BigDecimal.valueOf(all), Wilson.MC);
      BigDecimal stressed = BigDecimal.valueOf(k).divide(BigDecimal.valueOf(all), Wilson.MC);
      boolean change = n > 0 && reached(k, n, target) && !reached(k, all, target);
      boolean over =
          BigDecimal.valueOf(x)
                  .compareTo(BigDecimal.valueOf(all).multiply(exclusionWarning.value()))
              > 0;
      exclusions = Optional.of(new Exclusions(share, stressed, change, over || change));
    }
    if (n == 0) {
      return new Result(
          Optional.of(counts), target, Verdict.NO_CASES, Optional.empty(), Optional.empty(), nMin,
          exclusions);
    }
    boolean reached = reached(k, n, target);
    Verdict verdict;
    Qualifier qualifier;
    if (n < nMin) {
      verdict = reached ? Verdict.TOO_FEW_TO_TELL : Verdict.MISSED;
      qualifier = Qualifier.FEW_CASES;
    } else {
      verdict = reached ? Verdict.MET : Verdict.MISSED;
      qualifier = clear(k, n, target) ? Qualifier.CLEAR : Qualifier.WITHIN_NORMAL_VARIATION;
    }
    return new Result(
        Optional.of(counts), target, verdict, Optional.of(qualifier),
        Optional.of(Wilson.interval(k, n)), nMin, exclusions);
  }

  /** A declared gap: no figures, so no verdict beyond NO_DATA (H11). */
  public Result gap(Share target) {
    return new Result(
        Optional.empty(), target, Verdict.NO_DATA, Optional.empty(), Optional.empty(),
        minimumCases(target), Optional.empty());
  }
}
