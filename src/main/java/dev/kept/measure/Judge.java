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
 *       MISSED, with its H7 qualifier and the few-cases note.
 *   <li>H9: {@code n = 0} is NO_CASES.
 *   <li>H12: exclusions are stress-tested by counting them as not kept; any change of verdict is
 *       flagged.
 * </ul>
 *
 * <p>Thread-safe: instances hold only two settings.
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
   * The sign of {@code (k − n·t)² − z²·n·t·(1 − t)}. Computed in {@code double} first, where the
   * two sides differ by far more than its error; decided in exact arithmetic otherwise (H2, H7).
   */
  static int compareGap(long k, long n, Share target) {
    double t = target.value().doubleValue();
    double gap = k - n * t;
    double left = gap * gap;
    double right = Z2 * n * t * (1 - t);
    double difference = left - right;
    if (Math.abs(difference) > 1e-9 * Math.max(1, Math.max(left, right))) {
      return difference > 0 ? 1 : -1;
    }
    BigDecimal tExact = target.value();
    BigDecimal bn = BigDecimal.valueOf(n);
    BigDecimal exactGap = BigDecimal.valueOf(k).subtract(bn.multiply(tExact));
    BigDecimal variation =
        Wilson.Z2.multiply(bn).multiply(tExact).multiply(BigDecimal.ONE.subtract(tExact));
    return exactGap.multiply(exactGap).compareTo(variation);
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
    Qualifier qualifier;
    if (verdict == Verdict.TOO_FEW_TO_TELL) {
      qualifier = Qualifier.FEW_CASES;
    } else {
      qualifier = clear(k, n, target, verdict == Verdict.MET) ? Qualifier.CLEAR : Qualifier.WITHIN_NORMAL_VARIATION;
    }
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

  /**
   * The kinds of result counts show against a target (for the method page's examples), decided
   * as {@link #judge} decides them but without the interval.
   */
  public java.util.EnumSet<dev.kept.model.Example.Kind> kinds(Counts counts, Share target) {
    long k = counts.kept();
    long n = counts.cases();
    long nMin = minimumCases(target);
    Verdict verdict = verdict(k, n, target, nMin);
    java.util.EnumSet<dev.kept.model.Example.Kind> kinds =
        java.util.EnumSet.noneOf(dev.kept.model.Example.Kind.class);
    switch (verdict) {
      case NO_CASES -> kinds.add(dev.kept.model.Example.Kind.NO_CASES);
      case TOO_FEW_TO_TELL -> kinds.add(dev.kept.model.Example.Kind.TOO_FEW);
      case MET -> kinds.add(clear(k, n, target, true) ? dev.kept.model.Example.Kind.MET_CLEAR : dev.kept.model.Example.Kind.MET_NARROW);
      default -> kinds.add(
          n < nMin ? dev.kept.model.Example.Kind.MISSED_FEW
              : clear(k, n, target, false) ? dev.kept.model.Example.Kind.MISSED_CLEAR : dev.kept.model.Example.Kind.MISSED_NARROW);
    }
    return kinds;
  }

  /** A declared gap: no figures, so no verdict beyond NO_DATA (H11). */
  public Result gap(Share target) {
    return new Result(
        Optional.empty(), target, Verdict.NO_DATA, Optional.empty(), Optional.empty(),
        minimumCases(target), Optional.empty(), false);
  }
}
