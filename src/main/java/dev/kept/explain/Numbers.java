package dev.kept.explain;

import dev.kept.model.Interval;
import dev.kept.model.Share;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Every number a reader sees, as text: counts with thousands separators (H4), rates rounded by H5,
 * and ranges rounded outward by H6.
 *
 * <p>H5, in short: round half-to-even once, with at least one decimal and at least as many as the
 * target has; if the rounded figure lands on the other side of the target, or reads 100% with a
 * case missed, or 0% with a case kept, add a decimal (up to two more); failing that, use words
 * ("just under 95%", "more than 99.999%", "less than 0.001%").
 *
 * <p>Thread-safe: it holds the language and a concurrent cache of targets as displayed.
 */
public final class Numbers {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int EXTRA_DECIMALS = 2;

  private final Language language;
  private final char grouping;
  private final char decimalSeparator;

  public Numbers(Language language) {
    this.language = language;
    this.grouping = language.get("number.grouping").charAt(0);
    this.decimalSeparator = language.get("number.decimal").charAt(0);
  }

  /** A count with thousands separators: {@code 10,000}. */
  public String count(long n) {
    if (n >= 0 && n < 1000) {
      return Long.toString(n);
    }
    String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) {
      out.append('-');
    }
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(grouping);
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /** A target as a percentage: {@code 95%}, {@code 99.9%}. */
  public String target(Share target) {
    // Keyed by the target as written: 95% and 95.0% are equal shares but display differently.
    return targets.computeIfAbsent(
        target.written(), w -> percent(target.value().multiply(HUNDRED), target.percentDecimals()));
  }

  /** Targets as displayed: a charter has few, and every period shows one. */
  private final java.util.concurrent.ConcurrentHashMap<String, String> targets =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The rate {@code k / n} as displayed by H5, against {@code target}.
   *
   * @throws IllegalArgumentException when {@code n = 0} (H9: no cases is not a rate)
   */
  public String rate(long k, long n, Share target) {
    return display(k, n, baseDecimals(target), target);
  }

  /**
   * A share that is not judged against a target (such as the share of cases excluded): rounded
   * half-to-even to one decimal, with up to two more, then words, so that it never reads 0% or
   * 100% unless it is.
   */
  public String share(long part, long whole) {
    return display(part, whole, 1, null);
  }

  /** H5. {@code target} may be null, for a share that is not judged. */
  private String display(long k, long n, int base, Share target) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("a rate needs 0 <= k <= n and n > 0");
    }
    boolean reached = target != null && target.isReachedBy(k, n);
    BigDecimal targetPercent = target == null ? null : target.value().multiply(HUNDRED);
    boolean crosses = false;
    boolean reads100 = false;
    for (int d = base; d <= base + EXTRA_DECIMALS; d++) {
      BigDecimal rounded = percentOf(k, n, d, RoundingMode.HALF_EVEN);
      crosses = target != null && (rounded.compareTo(targetPercent) >= 0) != reached;
      reads100 = rounded.compareTo(HUNDRED) == 0 && k < n;
      boolean reads0 = rounded.signum() == 0 && k > 0;
      if (!crosses && !reads100 && !reads0) {
        return percent(rounded, d);
      }
    }
    int last = base + EXTRA_DECIMALS;
    BigDecimal step = BigDecimal.ONE.movePointLeft(last);
    if (crosses) {
      // Exact below the target, rounded onto it: say so in words rather than show a met figure.
      return language.format("rate.just_under", Map.of("value", target(target)));
    }
    if (reads100) {
      return language.format(
          "rate.more_than", Map.of("value", percent(HUNDRED.subtract(step), last)));
    }
    return language.format("rate.less_than", Map.of("value", percent(step, last)));
  }

  /**
   * The likely range as displayed (H6): both ends at the same decimals, the target's (at least
   * one), the low end rounded down and the high end rounded up, so the shown range always contains
   * the computed one. Where an end would read 100% (or 0%) without being exactly that, a decimal is
   * added, up to two more, so the range says as much as it can; past that, outward rounding wins.
   *
   * @return the low and high ends, in that order
   */
  public String[] range(Interval interval, Share target) {
    return range(interval, target, false);
  }

  /**
   * The likely range as displayed, as {@link #range(Interval, Share)}; when the verdict is {@code
   * clear} (the target lies outside the computed range), decimals are also added, up to two, until
   * the shown range leaves the target outside too, so the range never seems to contradict the
   * verdict.
   *
   * <p>H6, consistent decimals: both ends always share one number of decimals, and a range has no
   * more decimals than it needs. A decimal is added only where it makes the range say something it
   * could not say without it: of the decimals from the target's to two more, the fewest that meet
   * as many of the conditions above as any of them can. So a range whose low end sits on the target
   * at every number of decimals ({@code 90.0003%} against 90%) keeps the target's decimals, "90.0%
   * to 91.8%", rather than three that do not help, "90.000% to 91.705%".
   */
  public String[] range(Interval interval, Share target, boolean clear) {
    return range(interval, target.value().multiply(HUNDRED), baseDecimals(target), clear);
  }

  /**
   * The likely range of a share that is not judged against a target (such as the share of remedies
   * given), as {@link #range(Interval, Share)} at one decimal: rounded outward (H6), with up to two
   * more decimals where an end would read 0% or 100% without being exactly that.
   */
  public String[] shareRange(Interval interval) {
    return range(interval, null, 1, false);
  }

  private String[] range(Interval interval, BigDecimal t, int base, boolean clear) {
    BigDecimal low = interval.low().multiply(HUNDRED);
    BigDecimal high = interval.high().multiply(HUNDRED);
    int d = base;
    int bestFailures = Integer.MAX_VALUE;
    for (int candidate = base; candidate <= base + EXTRA_DECIMALS; candidate++) {
      int failures = rangeFailures(low, high, t, candidate, clear);
      if (failures < bestFailures) {
        bestFailures = failures;
        d = candidate;
      }
      if (failures == 0) {
        break;
      }
    }
    BigDecimal shownLow = low.setScale(d, RoundingMode.FLOOR);
    BigDecimal shownHigh = high.setScale(d, RoundingMode.CEILING);
    return new String[] {percent(shownLow, d), percent(shownHigh, d)};
  }

  /**
   * How many of the range's conditions fail at {@code d} decimals: the high end reads 100% while the
   * computed one is below it; the low end reads 0% while the computed one is above it; for a clear
   * verdict, the shown range holds the target.
   */
  private static int rangeFailures(BigDecimal low, BigDecimal high, BigDecimal t, int d, boolean clear) {
    BigDecimal shownLow = low.setScale(d, RoundingMode.FLOOR);
    BigDecimal shownHigh = high.setScale(d, RoundingMode.CEILING);
    int failures = 0;
    if (high.compareTo(HUNDRED) < 0 && shownHigh.compareTo(HUNDRED) >= 0) {
      failures++;
    }
    if (low.signum() > 0 && shownLow.signum() == 0) {
      failures++;
    }
    if (clear && shownLow.compareTo(t) <= 0 && shownHigh.compareTo(t) >= 0) {
      failures++;
    }
    return failures;
  }

  /** H5's starting decimals: at least one, and at least as many as the target has. */
  static int baseDecimals(Share target) {
    return Math.max(1, target.percentDecimals());
  }

  private static BigDecimal percentOf(long k, long n, int decimals, RoundingMode mode) {
    return BigDecimal.valueOf(k).multiply(HUNDRED).divide(BigDecimal.valueOf(n), decimals, mode);
  }

  private String percent(BigDecimal value, int decimals) {
    return language.format("percent", Map.of("value", decimal(value, decimals)));
  }

  /**
   * {@code value} at exactly {@code decimals} decimals, with the language's grouping and decimal
   * separators: {@code 10,000}, {@code 94.96}. Written out digit by digit rather than with a {@link
   * java.text.DecimalFormat}, which is slow to build and not thread-safe.
   *
   * @throws ArithmeticException when {@code value} has more decimals than that
   */
  private String decimal(BigDecimal value, int decimals) {
    BigDecimal scaled = value.setScale(decimals, RoundingMode.UNNECESSARY);
    String digits = scaled.unscaledValue().abs().toString();
    if (digits.length() <= decimals) {
      digits = "0".repeat(decimals - digits.length() + 1) + digits;
    }
    int whole = digits.length() - decimals;
    StringBuilder out = new StringBuilder(digits.length() + whole / 3 + 2);
    if (scaled.signum() < 0) {
      out.append('-');
    }
    for (int i = 0; i < whole; i++) {
      if (i > 0 && (whole - i) % 3 == 0) {
        out.append(grouping);
      }
      out.append(digits.charAt(i));
    }
    if (decimals > 0) {
      out.append(decimalSeparator).append(digits, whole, digits.length());
    }
    return out.toString();
  }
}
