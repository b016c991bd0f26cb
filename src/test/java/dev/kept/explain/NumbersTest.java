package dev.kept.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.measure.Wilson;
import dev.kept.model.Interval;
import dev.kept.model.Share;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  private final Numbers numbers = new Numbers(Language.load("en"));

  private static Share share(String text) {
    return Share.parse(text).orElseThrow();
  }

  @ParameterizedTest(name = "H5 {0} of {1} against {2} reads \"{3}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        // The examples in the honesty rules.
        "9496 | 10000 | 95% | 94.96%",
        "18999 | 20000 | 95% | 94.995%",
        "999999 | 1000000 | 95% | more than 99.999%",
        "9500 | 10000 | 95% | 95.0%",
        // At least as many decimals as the target.
        "51948 | 52000 | 99.9% | 99.9%",
        "51947 | 52000 | 99.9% | 99.898%",
        // Never 100% with a case missed, never 0% with a case kept.
        "3460 | 3461 | 100% | 99.97%",
        "1 | 1000000 | 50% | less than 0.001%",
        "1000 | 1000 | 100% | 100.0%",
        "0 | 5 | 95% | 0.0%",
        // Just under the target even at three more decimals: words.
        "94999999 | 100000000 | 95% | just under 95%",
        "9999999 | 10000000 | 100% | just under 100%",
        // Half-to-even, once.
        "1 | 8 | 50% | 12.5%",
        "1 | 16 | 5% | 6.2%",
        "3 | 16 | 5% | 18.8%",
      })
  void h5_displayedRates(long k, long n, String target, String expected) {
    assertThat(numbers.rate(k, n, share(target))).isEqualTo(expected);
  }

  @Test
  void h5_aDisplayedRateNeverCrossesTheTarget() {
    Random random = new Random(7);
    String[] targets = {"95%", "99%", "99.9%", "90%", "97.5%", "100%", "80%"};
    for (int i = 0; i < 20_000; i++) {
      Share t = share(targets[i % targets.length]);
      long n = 1 + random.nextInt(i % 2 == 0 ? 5_000 : 5_000_000);
      // Bias towards rates near the target, where rounding bites.
      long k = Math.min(n, Math.max(0, t.value().multiply(BigDecimal.valueOf(n)).longValue() + random.nextInt(11) - 5));
      String shown = numbers.rate(k, n, t);
      boolean met = BigDecimal.valueOf(k).compareTo(t.value().multiply(BigDecimal.valueOf(n))) >= 0;
      if (shown.startsWith("just under")) {
        assertThat(met).as("%d of %d against %s", k, n, t).isFalse();
        continue;
      }
      if (shown.startsWith("more than") || shown.startsWith("less than")) {
        continue;
      }
      BigDecimal value = new BigDecimal(shown.replace("%", "").replace(",", ""));
      assertThat(value.compareTo(t.value().movePointRight(2)) >= 0)
          .as("H5: %d of %d against %s shown as %s", k, n, t, shown)
          .isEqualTo(met);
      if (k < n) {
        assertThat(value).as("H5: never 100%% with a miss: %s", shown).isLessThan(BigDecimal.valueOf(100));
      }
      if (k > 0) {
        assertThat(value.signum()).as("H5: never 0%% with a kept case: %s", shown).isPositive();
      }
    }
  }

  @Test
  void aTargetIsShownAsWrittenEvenWhenAnEqualOneWasShownFirst() {
    assertThat(numbers.target(Share.parse("95%").orElseThrow())).isEqualTo("95%");
    assertThat(numbers.target(Share.parse("95.0%").orElseThrow())).isEqualTo("95.0%");
  }

  @Test
  void h4_countsHaveThousandsSeparators() {
    assertThat(numbers.count(9496)).isEqualTo("9,496");
    assertThat(numbers.count(1_000_000)).isEqualTo("1,000,000");
    assertThat(numbers.count(0)).isEqualTo("0");
    assertThat(numbers.count(999)).isEqualTo("999");
    assertThat(numbers.count(1000)).isEqualTo("1,000");
    assertThat(numbers.count(100_000)).isEqualTo("100,000");
    assertThat(numbers.count(1_000_000_000_000L)).isEqualTo("1,000,000,000,000");
    assertThat(numbers.count(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
  }

  @Test
  void h5_ratesHaveALeadingZeroAndAPercentSign() {
    assertThat(numbers.rate(1, 200, share("50%"))).isEqualTo("0.5%");
  }

  @Test
  void h6_theShownRangeContainsTheComputedOne() {
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      long n = 1 + random.nextInt(100_000);
      long k = random.nextInt((int) n + 1);
      Share t = share(i % 2 == 0 ? "95%" : "99.9%");
      var interval = Wilson.interval(k, n);
      String[] range = numbers.range(interval, t);
      BigDecimal low = new BigDecimal(range[0].replace("%", "").replace(",", ""));
      BigDecimal high = new BigDecimal(range[1].replace("%", "").replace(",", ""));
      assertThat(low).isLessThanOrEqualTo(interval.low().movePointRight(2));
      assertThat(high).isGreaterThanOrEqualTo(interval.high().movePointRight(2));
    }
  }

  @Test
  void h6_rangesRoundOutwardAtTheTargetsDecimals() {
    // 9,496 of 10,000: Wilson 94.5176% to 95.3701%; shown 94.5% to 95.4% (the H10 example).
    String[] range = numbers.range(Wilson.interval(9496, 10000), share("95%"));
    assertThat(range).containsExactly("94.5%", "95.4%");
  }

  @Test
  void h6_aRangeEndOnlyReads100WhenItIs() {
    String[] range = numbers.range(Wilson.interval(3460, 3461), share("100%"));
    assertThat(range[1]).isEqualTo("99.995%");
    assertThat(numbers.range(Wilson.interval(50, 50), share("95%"))[1]).isEqualTo("100.0%");
  }

  @Test
  void sharesThatAreNotJudgedNeverRead0Or100() {
    assertThat(numbers.share(1, 1_000_000)).isEqualTo("less than 0.001%");
    assertThat(numbers.share(1, 100_000)).isEqualTo("0.001%");
    assertThat(numbers.share(60, 1060)).isEqualTo("5.7%");
    assertThat(numbers.share(99_999, 100_000)).isEqualTo("99.999%");
  }

  /**
   * H6, consistent decimals: a clear verdict's range whose low end sits on the target at every
   * number of decimals gains nothing from more of them, so it keeps the target's ("90.0% to
   * 91.8%", not "90.000% to 91.705%"), still rounded outward.
   */
  @Test
  void h6_aRangeHasNoMoreDecimalsThanItNeeds() {
    Interval interval = new Interval(new BigDecimal("0.900003"), new BigDecimal("0.917041"));
    assertThat(numbers.range(interval, share("90%"), true)).containsExactly("90.0%", "91.8%");
  }

  /** H6: where a decimal does help (the target then lies outside), both ends gain it together. */
  @Test
  void h6_bothEndsOfARangeShareTheirDecimals() {
    Interval interval = new Interval(new BigDecimal("0.90041"), new BigDecimal("0.917041"));
    assertThat(numbers.range(interval, share("90%"), true)).containsExactly("90.04%", "91.71%");
    Interval twoMore = new Interval(new BigDecimal("0.900041"), new BigDecimal("0.917041"));
    assertThat(numbers.range(twoMore, share("90%"), true)).containsExactly("90.004%", "91.705%");
  }

  /** H6: over many ranges, both ends show the same decimals and the shown range holds the computed one. */
  @Test
  void h6_rangesAlwaysShareDecimalsAndContainTheComputedOne() {
    Random random = new Random(14);
    for (int i = 0; i < 5_000; i++) {
      long n = 1 + random.nextInt(20_000);
      long k = random.nextInt((int) n + 1);
      Share t = share(new String[] {"90%", "95%", "99.9%", "100%", "50%"}[random.nextInt(5)]);
      Interval interval = Wilson.interval(k, n);
      boolean clear = random.nextBoolean();
      String[] range = numbers.range(interval, t, clear);
      BigDecimal low = new BigDecimal(range[0].replace("%", "").replace(",", ""));
      BigDecimal high = new BigDecimal(range[1].replace("%", "").replace(",", ""));
      assertThat(low.scale()).as("%d of %d: %s to %s", k, n, range[0], range[1]).isEqualTo(high.scale());
      assertThat(low.movePointLeft(2)).isLessThanOrEqualTo(interval.low());
      assertThat(high.movePointLeft(2)).isGreaterThanOrEqualTo(interval.high());
      // No more decimals than needed: one fewer (down to the target's) would show the same range.
      int base = Numbers.baseDecimals(t);
      if (low.scale() > base) {
        BigDecimal fewerLow = interval.low().multiply(BigDecimal.valueOf(100)).setScale(low.scale() - 1, java.math.RoundingMode.FLOOR);
        BigDecimal fewerHigh = interval.high().multiply(BigDecimal.valueOf(100)).setScale(low.scale() - 1, java.math.RoundingMode.CEILING);
        assertThat(fewerLow.compareTo(low) != 0 || fewerHigh.compareTo(high) != 0)
            .as("%d of %d: %s to %s needs its last decimal", k, n, range[0], range[1])
            .isTrue();
      }
    }
  }
}
