package dev.kept.measure;

import dev.kept.model.Interval;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The 95% Wilson score interval without continuity correction (H6), clamped to [0, 1], exactly 0
 * at the bottom when {@code k = 0} and exactly 1 at the top when {@code k = n}.
 *
 * <p>{@link #interval} computes in {@code double}, then widens each bound outward by a few units in
 * the last place (more than the error of the few operations, and of writing the bound as its
 * shortest decimal), so the interval it returns always contains the exact one while differing
 * from it by less than 10<sup>-14</sup>: every figure displayed from it, rounded outward, is what the exact
 * bounds would display or one step wider, never narrower. {@link #exact} computes the same bounds in
 * 40-digit {@link BigDecimal}, for checking.
 *
 * <p>Thread-safe: pure functions.
 */
public final class Wilson {
  /** z for 95%, exactly as the honesty rules give it. */
  public static final BigDecimal Z = new BigDecimal("1.959963984540054");

  /** z², exact. */
  public static final BigDecimal Z2 = Z.multiply(Z);

  static final MathContext MC = new MathContext(40);

  private static final double Z_D = 1.959963984540054;
  private static final double Z2_D = Z_D * Z_D;
  /**
   * How many units in the last place each bound is widened by: several times the error of the few
   * operations below, each off by at most half a unit, and of z and z² as doubles.
   */
  private static final int WIDEN = 16;

  /** The largest count a double holds exactly: 2<sup>53</sup>. */
  private static final long EXACT_IN_DOUBLE = 1L << 53;

  private Wilson() {}

  /**
   * The interval for {@code k} kept of {@code n}, containing the exact one (see above).
   *
   * @throws IllegalArgumentException when {@code n = 0} (no rate, H9) or the counts are impossible
   */
  public static Interval interval(long k, long n) {
    check(k, n);
    if (n > EXACT_IN_DOUBLE) {
      return exact(k, n);
    }
    double dk = k;
    double dn = n;
    double denominator = dn + Z2_D;
    double centre = (dk + Z2_D / 2) / denominator;
    double half = Z_D * Math.sqrt(dk * (dn - dk) / dn + Z2_D / 4) / denominator;
    // Each of centre and half is within a few units in the last place of its exact value; their
    // difference can cancel, so the margin is taken from the larger of them, not from the result.
    double margin = Math.ulp(centre + half) * WIDEN;
    double low = centre - half - margin;
    double high = centre + half + margin;
    // H6 keeps exactly 0 and 1 for k = 0 and k = n; where widening reaches them otherwise (a
    // single miss in a hundred trillion cases), the exact bounds decide.
    if ((k > 0 && low <= 0) || (k < n && high >= 1)) {
      return exact(k, n);
    }
    return new Interval(
        k == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(low),
        k == n ? BigDecimal.ONE : BigDecimal.valueOf(high));
  }

  /** The interval for {@code k} kept of {@code n} in 40-digit arithmetic. */
  public static Interval exact(long k, long n) {
    check(k, n);
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

  private static void check(long k, long n) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("the interval needs 0 <= k <= n and n > 0");
    }
  }
}
