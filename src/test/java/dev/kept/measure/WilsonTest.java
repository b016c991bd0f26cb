package dev.kept.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kept.model.Interval;
import java.math.BigDecimal;
import java.util.Random;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** H6: the 95% Wilson score interval, checked against Apache Commons Math. */
class WilsonTest {
  private static final WilsonScoreInterval INDEPENDENT = new WilsonScoreInterval();

  @ParameterizedTest(name = "H6 {0} of {1} agrees with Commons Math")
  @CsvSource({
    "9496, 10000", "19, 20", "1, 1", "0, 99", "1, 100", "50, 100", "999999, 1000000",
    "18999, 20000", "3, 7", "148, 149", "618958, 619554", "1, 2"
  })
  void h6_agreesWithAnIndependentImplementation(int k, int n) {
    assertAgrees(k, n);
  }

  @Test
  void h6_agreesOnManyRandomCounts() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      int n = 1 + random.nextInt(i < 1000 ? 200 : 2_000_000);
      int k = random.nextInt(n + 1);
      assertAgrees(k, n);
    }
  }

  @Test
  void h6_theDoubleIntervalContainsTheExactOneAndIsWithin1e14OfIt() {
    Random random = new Random(7);
    BigDecimal tolerance = new BigDecimal("1e-14");
    for (int i = 0; i < 20_000; i++) {
      long n = 1 + (i % 4 == 0 ? random.nextInt(100) : (long) (random.nextDouble() * (i % 3 == 0 ? 1e12 : 1e6)));
      long k = i % 5 == 0 ? n - random.nextInt((int) Math.min(n, 3)) : (long) (random.nextDouble() * (n + 1));
      k = Math.min(k, n);
      Interval fast = Wilson.interval(k, n);
      Interval exact = Wilson.exact(k, n);
      assertThat(fast.low()).as("low for %d of %d", k, n).isLessThanOrEqualTo(exact.low());
      assertThat(fast.high()).as("high for %d of %d", k, n).isGreaterThanOrEqualTo(exact.high());
      assertThat(exact.low().subtract(fast.low())).as("low for %d of %d", k, n).isLessThan(tolerance);
      assertThat(fast.high().subtract(exact.high())).as("high for %d of %d", k, n).isLessThan(tolerance);
    }
  }

  @Test
  void h6_aMissAmongAHundredTrillionCasesNeverReadsAsExactlyOne() {
    for (long n : new long[] {100_000_000_000_000L, 1L << 53, 999_999_999_999L}) {
      Interval i = Wilson.interval(n - 1, n);
      assertThat(i.high()).as("high for %d of %d", n - 1, n).isLessThan(BigDecimal.ONE);
      assertThat(i.high()).isGreaterThanOrEqualTo(Wilson.exact(n - 1, n).high());
      Interval j = Wilson.interval(1, n);
      assertThat(j.low()).as("low for 1 of %d", n).isGreaterThan(BigDecimal.ZERO);
      assertThat(j.low()).isLessThanOrEqualTo(Wilson.exact(1, n).low());
    }
  }

  @Test
  void h6_isExactlyZeroAtTheBottomWhenNothingWasKept() {
    Interval i = Wilson.interval(0, 50);
    assertThat(i.low()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(i.high()).isGreaterThan(BigDecimal.ZERO);
  }

  @Test
  void h6_isExactlyOneAtTheTopWhenEverythingWasKept() {
    Interval i = Wilson.interval(50, 50);
    assertThat(i.high()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(i.low()).isLessThan(BigDecimal.ONE);
  }

  @Test
  void h9_noCasesHasNoInterval() {
    assertThatThrownBy(() -> Wilson.interval(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void h6_usesTheZGivenByTheRules() {
    assertThat(Wilson.Z).isEqualByComparingTo("1.959963984540054");
  }

  private static void assertAgrees(int k, int n) {
    Interval ours = Wilson.interval(k, n);
    ConfidenceInterval theirs = INDEPENDENT.createInterval(n, k, 0.95);
    assertThat(ours.low().doubleValue())
        .as("low for %d of %d", k, n)
        .isCloseTo(Math.max(0, theirs.getLowerBound()), within(1e-9));
    assertThat(ours.high().doubleValue())
        .as("high for %d of %d", k, n)
        .isCloseTo(Math.min(1, theirs.getUpperBound()), within(1e-9));
  }
}
