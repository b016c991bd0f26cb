package dev.kept.load;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a decimal number from untrusted text, with a bounded size: no text can make a number that
 * takes unbounded memory or time to compare, scale or print. ({@code 1e999999999} is a valid
 * {@link BigDecimal}, and printing it in full, as {@link BigDecimal#toPlainString()} does, takes a
 * billion characters.) Every number Kept reads from a charter, a figures file or an import goes
 * through here or through a pattern with as few digits.
 *
 * <pre>{@code
 * Decimals.parse("99.5")        // Optional[99.5]
 * Decimals.parse("1e999999999") // Optional.empty: too large
 * }</pre>
 *
 * <p>A number is an optional sign, digits with an optional fraction, and an optional exponent of
 * at most four digits, in at most {@value #MAX_CHARS} characters; once read, its scale must be
 * within ±{@value #MAX_SCALE} and it must be below 10^41, so its plain form is at most about 80
 * characters.
 */
public final class Decimals {
  /** The longest text read as a number. */
  public static final int MAX_CHARS = 40;

  /** The largest scale, either way: 10^40 and 10^-40 are the largest and smallest magnitudes. */
  public static final int MAX_SCALE = 40;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,4})?");

  /** A number of any length, for {@link #isTooLarge}: matched in time linear in its length. */
  private static final Pattern ANY_NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private Decimals() {}

  /** The number the text writes, stripped of surrounding space; empty when it is not one, or too large. */
  public static Optional<BigDecimal> parse(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_CHARS || !NUMBER.matcher(t).matches()) {
      return Optional.empty();
    }
    BigDecimal v = new BigDecimal(t);
    if (Math.abs((long) v.scale()) > MAX_SCALE
        || (long) v.precision() - v.scale() > MAX_SCALE + 1) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  /**
   * Whether the text is written as a number but {@link #parse} refuses it as too long or too large:
   * for a message that says so rather than "not a number".
   */
  public static boolean isTooLarge(String text) {
    String t = text.strip();
    return parse(t).isEmpty() && ANY_NUMBER.matcher(t).matches();
  }
}
