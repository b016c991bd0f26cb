package dev.kept.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A share written as a percentage in a charter ({@code 95%}, {@code 99.9%}), kept exactly.
 *
 * @param value the share as an exact decimal fraction, {@code 0.95} for {@code 95%}
 * @param written the text as the charter wrote it, for display
 */
public record Share(BigDecimal value, String written) implements Comparable<Share> {
  private static final Pattern PERCENT = Pattern.compile("(0|[1-9]\\d{0,2})(?:\\.(\\d{1,6}))?%");

  public Share {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(written, "written");
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("a share is between 0% and 100%: " + written);
    }
  }

  /**
   * Reads {@code 95%} or {@code 99.9%}; empty when the text is not a percentage between 0% and
   * 100% (inclusive) with at most six decimals.
   */
  public static Optional<Share> parse(String text) {
    Matcher m = PERCENT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal percent = new BigDecimal(m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2));
    if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      return Optional.empty();
    }
    return Optional.of(new Share(percent.movePointLeft(2), text.strip()));
  }

  /** How many decimals the percentage was written with: 0 for {@code 95%}, 1 for {@code 99.9%}. */
  public int percentDecimals() {
    String number = written.substring(0, written.length() - 1);
    int dot = number.indexOf('.');
    return dot < 0 ? 0 : number.length() - dot - 1;
  }

  /**
   * H2: whether {@code k / n ≥} this share, exactly: {@code k·10^s ≥ n·a} for the share {@code a /
   * 10^s}, in {@code long} arithmetic where it cannot overflow and in {@link BigDecimal} where it
   * could.
   */
  public boolean isReachedBy(long k, long n) {
    int scale = value.scale();
    if (scale >= 0 && scale < POWERS.length && value.unscaledValue().bitLength() < 63) {
      long kScaled = multiply(k, POWERS[scale]);
      long nScaled = multiply(n, value.unscaledValue().longValue());
      if (kScaled >= 0 && nScaled >= 0) {
        return kScaled >= nScaled;
      }
    }
    return BigDecimal.valueOf(k).compareTo(BigDecimal.valueOf(n).multiply(value)) >= 0;
  }

  /** {@code a·b} for non-negative {@code a} and {@code b}, or -1 when it does not fit in a long. */
  private static long multiply(long a, long b) {
    if (a < 0 || b < 0) {
      return -1;
    }
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high == 0 && low >= 0 ? low : -1;
  }

  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public boolean isWhole() {
    return value.compareTo(BigDecimal.ONE) == 0;
  }

  @Override
  public int compareTo(Share other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Share s && s.value.compareTo(value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return written;
  }
}
