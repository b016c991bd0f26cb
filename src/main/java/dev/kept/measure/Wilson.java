package dev.kept.measure;

import dev.kept.model.Interval;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The 95% Wilson score interval without continuity correction (H6), computed in {@link BigDecimal}
 * with 40 significant digits, clamped to [0, 1], exactly 0 at the bottom when {@code k = 0} and
 * exactly 1 at the top when {@code k = n}.
 *
 * <p>Thread-safe: a pure function.
 */
public final class Wilson {
  /** z for 95%, exactly as the honesty rules give it. */
  public static final BigDecimal Z = new BigDecimal("1.959963984540054");

  /** z², exact. */
  public static final BigDecimal Z2 = Z.multiply(Z);

  static final MathContext MC = new MathContext(40);

  private Wilson() {}

  /**
   * The interval for {@code k} kept of {@code n}.
   *
   * @throws IllegalArgumentException when {@code n = 0} (no rate, H9) or the counts are impossible
   */
  public static Interval interval(long k, long n) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("the interval needs 0 <= k <= n and n > 0");
    }
    BigDecimal bk = BigDecimal.valueOf(k);
    BigDecimal bn = BigDecimal.valueOf(n);
    BigDecimal denominator = bn.add(Z2);
    BigDecimal centre = bk.add(Z2.divide(BigDecimal.valueOf(2))).divide(denominator, MC);
    BigDecimal spread =
        bk.multiply(bn.subtract(bk))
            .divide(bn, MC)
            .add(Z2.divide(BigDecimal.valueOf(4)))
            .sqrt(MC);
    BigDecimal half = Z.multiply(spread).divide(denominator, MC);
    BigDecimal low = k == 0 ? BigDecimal.ZERO : centre.subtract(half, MC).max(BigDecimal.ZERO);
    BigDecimal high = k == n ? BigDecimal.ONE : centre.add(half, MC).min(BigDecimal.ONE);
    return new Interval(low, high);
  }
}
