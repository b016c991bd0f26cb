package dev.kept.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.model.Counts;
import dev.kept.model.Qualifier;
import dev.kept.model.Result;
import dev.kept.model.Share;
import dev.kept.model.Verdict;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {
  private final Judge judge = new Judge(30, share("5%"));

  static Share share(String text) {
    return Share.parse(text).orElseThrow();
  }

  @Test
  void h2_9496of10000against95IsMissed() {
    assertThat(judge.judge(Counts.of(9496, 10000), share("95%")).verdict()).isEqualTo(Verdict.MISSED);
  }

  @Test
  void h2_19of20against95MeetsTheTargetExactly() {
    assertThat(Judge.reached(19, 20, share("95%"))).isTrue();
    // 20 cases are below n_min, so H8 makes the verdict TOO_FEW_TO_TELL, not MET.
    assertThat(judge.judge(Counts.of(19, 20), share("95%")).verdict())
        .isEqualTo(Verdict.TOO_FEW_TO_TELL);
  }

  @Test
  void h2_comparesExactlyWhereFloatingPointWouldNot() {
    // 0.1 + 0.2 style trap: 3 of 10 against 30% is exactly met.
    assertThat(Judge.reached(3, 10, share("30%"))).isTrue();
    // 999 of 1000 against 99.9% is exactly met; 9989 of 10000 is not.
    assertThat(Judge.reached(999, 1000, share("99.9%"))).isTrue();
    assertThat(Judge.reached(9989, 10000, share("99.9%"))).isFalse();
    // A huge denominator: one case short of the target is missed.
    assertThat(Judge.reached(949_999_999, 1_000_000_000, share("95%"))).isFalse();
    assertThat(Judge.reached(950_000_000, 1_000_000_000, share("95%"))).isTrue();
  }

  @ParameterizedTest(name = "H8 n_min({0}) = {1}")
  @CsvSource({"95%, 73", "99%, 381", "99.9%, 3838", "100%, 30", "50%, 30", "90%, 35", "97.5%, 150"})
  void h8_minimumCases(String target, long expected) {
    assertThat(judge.minimumCases(share(target))).isEqualTo(expected);
  }

  @Test
  void h8_theFloorComesFromTheCharter() {
    assertThat(new Judge(500, share("5%")).minimumCases(share("95%"))).isEqualTo(500);
  }

  @Test
  void h8_fewCasesSoftenASuccessIntoTooFewToTell() {
    Result r = judge.judge(Counts.of(72, 72), share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.TOO_FEW_TO_TELL);
    assertThat(r.qualifier()).contains(Qualifier.FEW_CASES);
  }

  @Test
  void h8_fewCasesNeverSoftenAFailure() {
    Result r = judge.judge(Counts.of(60, 72), share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(r.qualifier()).contains(Qualifier.CLEAR);
    assertThat(r.fewCases()).isTrue();
    Result narrow = judge.judge(Counts.of(66, 72), share("95%"));
    assertThat(narrow.verdict()).isEqualTo(Verdict.MISSED);
    assertThat(narrow.qualifier()).contains(Qualifier.WITHIN_NORMAL_VARIATION);
  }

  @Test
  void h8_enoughCasesGiveMet() {
    assertThat(judge.judge(Counts.of(73, 73), share("95%")).verdict()).isEqualTo(Verdict.MET);
  }

  @Test
  void h7_qualifierIsClearWhenTheTargetIsOutsideTheInterval() {
    Result clear = judge.judge(Counts.of(9900, 10000), share("95%"));
    assertThat(clear.verdict()).isEqualTo(Verdict.MET);
    assertThat(clear.qualifier()).contains(Qualifier.CLEAR);
    assertThat(clear.interval().orElseThrow().contains(new BigDecimal("0.95"))).isFalse();

    Result narrow = judge.judge(Counts.of(9496, 10000), share("95%"));
    assertThat(narrow.qualifier()).contains(Qualifier.WITHIN_NORMAL_VARIATION);
    assertThat(narrow.interval().orElseThrow().contains(new BigDecimal("0.95"))).isTrue();
  }

  @Test
  void h7_exactTestAgreesWithTheIntervalAcrossManyCounts() {
    Share t = share("90%");
    for (int n = 73; n <= 400; n += 7) {
      for (int k = 0; k <= n; k++) {
        boolean clear = Judge.clear(k, n, t);
        boolean outside = !Wilson.interval(k, n).contains(t.value());
        assertThat(clear).as("%d of %d", k, n).isEqualTo(outside);
      }
    }
  }

  @Test
  void h7_aHundredPercentTargetKeptInFullIsNeverAClearSuccess() {
    // 100% is the top of the interval itself, not outside it: read against the organisation.
    Result r = judge.judge(Counts.of(50, 50), share("100%"));
    assertThat(r.verdict()).isEqualTo(Verdict.MET);
    assertThat(r.qualifier()).contains(Qualifier.WITHIN_NORMAL_VARIATION);
    assertThat(judge.judge(Counts.of(49, 50), share("100%")).qualifier()).contains(Qualifier.CLEAR);
  }

  @Test
  void h12_everyCaseExcludedIsFlagged() {
    Result r = new Judge(30, share("100%")).judge(new Counts(0, 0, Map.of("x", 5000L)), share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.NO_CASES);
    assertThat(r.exclusions().orElseThrow().verdictIfNotKept()).isEqualTo(Verdict.MISSED);
    assertThat(r.exclusionFlag()).isTrue();
  }

  @Test
  void h12_anyChangeOfVerdictIsFlagged() {
    // 60 of 60 is too few to tell at 95%; with 20 excluded counted as not kept, 60 of 80 is missed.
    Result r = judge.judge(new Counts(60, 60, Map.of("x", 20L)), share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.TOO_FEW_TO_TELL);
    assertThat(r.exclusions().orElseThrow().wouldChangeVerdict()).isTrue();
  }

  @Test
  void h9_noCasesIsNotAResult() {
    Result r = judge.judge(Counts.of(0, 0), share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.NO_CASES);
    assertThat(r.interval()).isEmpty();
    assertThat(r.qualifier()).isEmpty();
  }

  @Test
  void h11_aGapIsNoData() {
    Result r = judge.gap(share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(r.counts()).isEmpty();
  }

  @Test
  void h12_exclusionsAboveTheThresholdAreFlagged() {
    Result r = judge.judge(new Counts(990, 1000, Map.of("no-access", 60L)), share("90%"));
    assertThat(r.exclusions().orElseThrow().share()).isEqualByComparingTo(new BigDecimal(60).divide(new BigDecimal(1060), new java.math.MathContext(17)));
    assertThat(r.exclusionFlag()).isTrue();
    assertThat(r.exclusions().get().wouldChangeVerdict()).isFalse();
  }

  @Test
  void h12_exclusionsThatWouldChangeTheVerdictAreFlagged() {
    // 960 of 1,000 meets 95%; counting 20 excluded as not kept gives 960 of 1,020 = 94.1%.
    Result r = judge.judge(new Counts(960, 1000, Map.of("x", 20L)), share("95%"));
    assertThat(r.verdict()).isEqualTo(Verdict.MET);
    assertThat(r.exclusions().orElseThrow().wouldChangeVerdict()).isTrue();
    assertThat(r.exclusionFlag()).isTrue();
  }

  @Test
  void h12_aSmallShareThatChangesNothingIsNotFlagged() {
    Result r = judge.judge(new Counts(990, 1000, Map.of("x", 10L)), share("95%"));
    assertThat(r.exclusionFlag()).isFalse();
  }

  @Test
  void h12_theThresholdIsExclusive() {
    // exactly 5% excluded is not "more than" 5%
    Result r = new Judge(30, share("5%")).judge(new Counts(950, 950, Map.of("x", 50L)), share("50%"));
    assertThat(r.exclusionFlag()).isFalse();
    assertThat(r.exclusions()).isPresent();
  }

  @Test
  void h12_nothingExcludedHasNoStressTest() {
    assertThat(judge.judge(Counts.of(5, 10), share("50%")).exclusions()).isEqualTo(Optional.empty());
  }

  @Test
  void h2_h7_theQuickComparisonsAgreeWithExactArithmeticEverywhere() {
    java.util.Random random = new java.util.Random(11);
    String[] targets = {"95%", "90%", "99.9%", "80.5%", "99.99%", "100%", "50%", "1%", "99.999999%"};
    for (int i = 0; i < 50_000; i++) {
      dev.kept.model.Share t = share(targets[i % targets.length]);
      long n = 1 + (i % 2 == 0 ? random.nextInt(2000) : (long) (random.nextDouble() * 1e13));
      // Half the time, counts at or right beside the target and the edges of the interval.
      long k;
      if (i % 2 == 0) {
        long atTarget = t.value().multiply(BigDecimal.valueOf(n)).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        k = Math.max(0, Math.min(n, atTarget + random.nextInt(5) - 2));
      } else {
        k = (long) (random.nextDouble() * (n + 1));
      }
      k = Math.min(k, n);
      boolean reachedExactly = BigDecimal.valueOf(k).compareTo(BigDecimal.valueOf(n).multiply(t.value())) >= 0;
      assertThat(Judge.reached(k, n, t)).as("H2 %d of %d against %s", k, n, t).isEqualTo(reachedExactly);
      BigDecimal gap = BigDecimal.valueOf(k).subtract(BigDecimal.valueOf(n).multiply(t.value()));
      BigDecimal variation = Wilson.Z2.multiply(BigDecimal.valueOf(n)).multiply(t.value()).multiply(BigDecimal.ONE.subtract(t.value()));
      int exact = Integer.signum(gap.multiply(gap).compareTo(variation));
      assertThat(Integer.signum(Judge.compareGap(k, n, t))).as("H7 %d of %d against %s", k, n, t).isEqualTo(exact);
    }
    // The edge itself, where only exact arithmetic can tell: k = n·t exactly gives a zero gap.
    assertThat(Judge.compareGap(95, 100, share("95%"))).isNegative();
    assertThat(Judge.reached(9_500_000_000_000L, 10_000_000_000_000L, share("95%"))).isTrue();
    assertThat(Judge.reached(9_499_999_999_999L, 10_000_000_000_000L, share("95%"))).isFalse();
    assertThat(Judge.reached(Long.MAX_VALUE - 1, Long.MAX_VALUE, share("99.999999%"))).as("beyond long arithmetic").isTrue();
  }

  @Test
  void h7_h8_theQualifierIsExactAtTheEdgeOfTheIntervalForLargeCounts() {
    // Found in review: a double gap k − n·t loses the difference at tens of billions of cases.
    long[][] cases = {
      {41_393_197_294L, 41_393_239_086L}, {320_608_900_847L, 320_609_222_566L},
      {9_439_110_650_469L, 9_935_904_530_519L}, {183_628_971_945L, 183_647_328_279L}
    };
    String[] targets = {"99.9999%", "99.9999%", "95%", "99.99%"};
    for (int i = 0; i < cases.length; i++) {
      assertThat(Integer.signum(Judge.compareGap(cases[i][0], cases[i][1], share(targets[i]))))
          .as("H7 %d of %d against %s", cases[i][0], cases[i][1], targets[i])
          .isEqualTo(exactGapSign(cases[i][0], cases[i][1], share(targets[i])));
    }
    // And all around the edge of the interval, where the qualifier changes, at every size.
    java.util.Random random = new java.util.Random(5);
    String[] all = {"95%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%", "80%", "50%"};
    for (int i = 0; i < 200_000; i++) {
      Share t = share(all[i % all.length]);
      long n = (long) Math.pow(10, 2 + random.nextDouble() * 10);
      double p = t.value().doubleValue();
      double edge = n * p + (random.nextBoolean() ? 1 : -1) * 1.959963984540054 * Math.sqrt(n * p * (1 - p));
      long k = Math.max(0, Math.min(n, Math.round(edge) + random.nextInt(5) - 2));
      assertThat(Integer.signum(Judge.compareGap(k, n, t))).as("H7 %d of %d against %s", k, n, t).isEqualTo(exactGapSign(k, n, t));
    }
  }

  private static int exactGapSign(long k, long n, Share t) {
    BigDecimal gap = BigDecimal.valueOf(k).subtract(BigDecimal.valueOf(n).multiply(t.value()));
    BigDecimal variation = Wilson.Z2.multiply(BigDecimal.valueOf(n)).multiply(t.value()).multiply(BigDecimal.ONE.subtract(t.value()));
    return Integer.signum(gap.multiply(gap).compareTo(variation));
  }
}
