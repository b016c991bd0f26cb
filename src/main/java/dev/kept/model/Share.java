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
