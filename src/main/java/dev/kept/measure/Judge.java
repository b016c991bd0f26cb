package dev.kept.measure;

import dev.kept.model.Counts;
import dev.kept.model.Example;
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
 *       MISSED, with its H7 qualifier and the few-cases note.
 *   <li>H9: {@code n = 0} is NO_CASES.
 *   <li>H12: exclusions are stress-tested by counting them as not kept; any change of verdict is
 *       flagged.
 * </ul>
 *
 * <p>Thread-safe: instances hold two settings and a concurrent cache of {@code n_min} per target.
 */
public final class Judge {
  /** Shares published beside a figure (H12) carry 17 significant digits: all a double holds. */
  private static final java.math.MathContext SHARES = new java.math.MathContext(17);

  private final int floor;
  private final Share exclusionWarning;
  /** {@code 1 − exclusion_warning}: the share of cases counted at the threshold. */
  private final Share keptAtWarning;
  private final java.util.concurrent.ConcurrentHashMap<Share, Long> minimums =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param floor the charter's {@code minimum_cases}
   * @param exclusionWarning the charter's {@code exclusion_warning}
   */
  public Judge(int floor, Share exclusionWarning) {
    this.floor = floor;
    this.exclusionWarning = exclusionWarning;
    this.keptAtWarning = complement(exclusionWarning);
  }

  /** H8: {@code max(floor, ⌈z²·t / (1 − t)⌉)}, or the floor alone for a 100% target. */
  public long minimumCases(Share target) {
    return minimums.computeIfAbsent(target, this::computeMinimumCases);
  }

  private long computeMinimumCases(Share target) {
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
    return target.isReachedBy(k, n);
  }

  /** H7: whether the target lies outside the Wilson interval, decided exactly. */
  public static boolean clear(long k, long n, Share target) {
    return compareGap(k, n, target) >= 0;
  }

  /**
   * The sign of {@code (k − n·t)² − z²·n·t·(1 − t)} (H7). With {@code t = a / 10^s}, the gap
   * {@code g = k·10^s − n·a} is computed exactly in {@code long}; then {@code g²} and {@code
   * z²·n·a·(10^s − a)} are compared in {@code double}, each within a few parts in 10<sup>16</sup> of
   * its exact value, and decided there only when they differ by more than a part in 10<sup>9</sup>.
   * Anything closer, or too large for a {@code long}, is decided in exact arithmetic.
   */
  static int compareGap(long k, long n, Share target) {
    BigDecimal t = target.value();
    int scale = t.scale();
    if (scale >= 0 && scale < POW10.length && t.unscaledValue().bitLength() < 63) {
      long a = t.unscaledValue().longValue();
      long p = POW10[scale];
      try {
        long gap = Math.subtractExact(Math.multiplyExact(k, p), Math.multiplyExact(n, a));
        double left = (double) gap * (double) gap;
        double right = Z2 * n * a * (double) (p - a);
        double difference = left - right;
        if (Math.abs(difference) > 1e-9 * Math.max(left, right)) {
          return difference > 0 ? 1 : -1;
        }
      } catch (ArithmeticException tooLarge) {
        // decided exactly below
      }
    }
    BigDecimal bn = BigDecimal.valueOf(n);
    BigDecimal exactGap = BigDecimal.valueOf(k).subtract(bn.multiply(t));
    BigDecimal variation = Wilson.Z2.multiply(bn).multiply(t).multiply(BigDecimal.ONE.subtract(t));
    return exactGap.multiply(exactGap).compareTo(variation);
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private static final double Z2 = Wilson.Z2.doubleValue();

  /**
   * Judges a period's (or a pooled window's) counts against the target in force.
   *
   * <p>At the boundary of H7's test (the target exactly at an end of the interval) the reading
   * harder on the organisation wins: a met target is then <em>within normal variation</em>, a
   * missed one <em>clear</em>. So a 100% target kept in full is never a "clear" success on a
   * handful of cases.
   */
  public Result judge(Counts counts, Share target) {
    long k = counts.kept();
    long n = counts.cases();
    long x = counts.excluded();
    long nMin = minimumCases(target);
    Verdict verdict = verdict(k, n, target, nMin);
    Optional<Exclusions> exclusions = Optional.empty();
    if (x > 0) {
      long all = n + x;
      BigDecimal share = BigDecimal.valueOf(x).divide(BigDecimal.valueOf(all), SHARES);
      BigDecimal stressed = BigDecimal.valueOf(k).divide(BigDecimal.valueOf(all), SHARES);
      Verdict ifNotKept = verdict(k, all, target, nMin);
      boolean change = ifNotKept != verdict;
      // over the threshold: x / all > w, that is, not (all - x) / all >= 1 - w
      boolean over = !reached(all - x, all, keptAtWarning);
      exclusions = Optional.of(new Exclusions(share, stressed, ifNotKept, change, over || change));
    }
    if (n == 0) {
      return new Result(
          Optional.of(counts), target, Verdict.NO_CASES, Optional.empty(), Optional.empty(), nMin,
          exclusions, false);
    }
    boolean few = n < nMin;
    Qualifier qualifier = qualifier(k, n, target, verdict);
    return new Result(
        Optional.of(counts), target, verdict, Optional.of(qualifier),
        Optional.of(Wilson.interval(k, n)), nMin, exclusions, few);
  }

  /** The status alone (H2, H8, H9), without the qualifier. */
  private static Verdict verdict(long k, long n, Share target, long nMin) {
    if (n == 0) {
      return Verdict.NO_CASES;
    }
    boolean reached = reached(k, n, target);
    if (n < nMin) {
      return reached ? Verdict.TOO_FEW_TO_TELL : Verdict.MISSED;
    }
    return reached ? Verdict.MET : Verdict.MISSED;
  }

  /** H7 with the boundary read against the organisation: strict for a success, not for a miss. */
  static boolean clear(long k, long n, Share target, boolean met) {
    int cmp = compareGap(k, n, target);
    return met ? cmp > 0 : cmp >= 0;
  }

  private static Share complement(Share share) {
    return new Share(BigDecimal.ONE.subtract(share.value()), "100% - " + share.written());
  }

  /** H7 and H8: how sure a verdict on cases is. */
  private static Qualifier qualifier(long k, long n, Share target, Verdict verdict) {
    if (verdict == Verdict.TOO_FEW_TO_TELL) {
      return Qualifier.FEW_CASES;
    }
    return clear(k, n, target, verdict == Verdict.MET) ? Qualifier.CLEAR : Qualifier.WITHIN_NORMAL_VARIATION;
  }

  /**
   * The kind of result counts show against a target, for the method page's examples: decided as
   * {@link #judge} decides it, without the interval and the exclusions' stress test.
   */
  public Example.Kind kind(Counts counts, Share target) {
    long k = counts.kept();
    long n = counts.cases();
    long nMin = minimumCases(target);
    Verdict verdict = verdict(k, n, target, nMin);
    Qualifier qualifier = n == 0 ? null : qualifier(k, n, target, verdict);
    return Example.Kind.of(verdict, qualifier, n > 0 && n < nMin);
  }

  /** A declared gap: no figures, so no verdict beyond NO_DATA (H11). */
  public Result gap(Share target) {
    return new Result(
        Optional.empty(), target, Verdict.NO_DATA, Optional.empty(), Optional.empty(),
        minimumCases(target), Optional.empty(), false);
  }
}
