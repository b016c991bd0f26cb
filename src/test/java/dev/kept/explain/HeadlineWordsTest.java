package dev.kept.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.Words;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap to the target in the promise's unit (exact, H2), pooling said in words (H21), the summary
 * that tells all (H8, H11, H12), and the index's window sentence that matches its cards.
 */
class HeadlineWordsTest {
  @TempDir Path dir;

  private ExplainedCharter explain(CharterFixture fixture) {
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    return outcome.charter().orElseThrow(() -> new AssertionError(outcome.findings()));
  }

  /** A charter (published 16 November 2026) with one promise from July 2026 and these rows. */
  private static CharterFixture calls(String target, String... rows) {
    return Fixtures.minimal()
        .with(
            CharterFixture.of(
                """
                -- promises/calls.yaml --
                title: Answering calls
                promise: We answer your call within 2 minutes.
                unit: calls
                kept_when: a person answered within 2 minutes
                target: %s
                since: 2026-07
                not_covered: []
                exclusions:
                  hung-up: Callers who hung up within 10 seconds.
                remedy: none
                -- figures/calls.csv --
                period,cases,kept,excluded,note
                %s
                """
                    .formatted(target, String.join("\n", rows))));
  }

  private Words october(String target, String counts) {
    ExplainedCharter e =
        explain(calls(target, "2026-07,,,,not counted", "2026-08,,,,not counted", "2026-09,,,,not counted", "2026-10," + counts + ","));
    return Fixtures.records(e).get(0).periods().get(3).words();
  }

  private String headline(String target, String... rows) {
    return explain(calls(target, rows)).promises().get(0).headline().orElseThrow().words().sentence();
  }

  // The gap to the target in the promise's unit, in exact integer arithmetic (H2).

  @Test
  void h2_aMissIsGivenInThePromisesUnit() {
    Words w = october("95%", "10000,9496,0");
    assertThat(w.margin()).contains("We missed it by 4 calls: 9,500 of 10,000 would have met 95%.");
    assertThat(w.sentence()).contains("(likely range 94.5% to 95.4%). We missed it by 4 calls");
  }

  @Test
  void h2_aSuccessSaysHowManyToSpare() {
    assertThat(october("95%", "10000,9576,0").margin()).contains("We met it with 76 calls to spare.");
    assertThat(october("95%", "10000,9500,0").margin())
        .contains("We met it with none to spare: one fewer kept would have missed it.");
  }

  /** A count of one is said without the unit, which is a plural noun. */
  @Test
  void h10_aCountOfOneReadsWithoutThePluralUnit() {
    assertThat(october("95%", "10000,9499,0").margin())
        .contains("We missed it by 1: 9,500 of 10,000 calls would have met 95%.");
    assertThat(october("95%", "10000,9501,0").margin()).contains("We met it with 1 to spare.");
    assertThat(october("100%", "100,99,0").margin()).contains("We did not keep it for 1 of the 100 calls.");
  }

  @Test
  void h2_aHundredPercentTargetCountsTheCasesNotKept() {
    assertThat(october("100%", "100,96,0").margin()).contains("We did not keep it for 4 of the 100 calls.");
    assertThat(october("100%", "100,100,0").margin()).isEmpty();
  }

  /** 7% of 100 is 7 exactly; in floating point it is 7.000000000000001, whose ceiling is 8. */
  @Test
  void h2_theFewestThatReachTheTargetIsExact() {
    assertThat(Explainer.fewestReaching(dev.kept.model.Share.parse("7%").orElseThrow(), 100)).isEqualTo(7);
    assertThat(Explainer.fewestReaching(dev.kept.model.Share.parse("99.9%").orElseThrow(), 10_001)).isEqualTo(9_991);
    assertThat(october("7%", "100,7,0").margin()).contains("We met it with none to spare: one fewer kept would have missed it.");
    assertThat(october("99.9%", "10001,9990,0").margin())
        .contains("We missed it by 1: 9,991 of 10,001 calls would have met 99.9%.");
  }

  /**
   * H8: too few to tell has no margin (any "to spare" would read as a success); a miss on few cases
   * keeps it, as what would have reached the target.
   */
  @Test
  void h8_noMarginOnTooFewToTellButAMissOnFewKeepsIt() {
    assertThat(october("95%", "40,40,0").margin()).isEmpty();
    assertThat(october("95%", "12,10,0").margin())
        .contains("We missed it by 2 calls: 12 of 12 would have reached 95%.");
    assertThat(october("95%", "0,0,0").margin()).isEmpty();
  }

  // H21: pooling said in words.

  @Test
  void h21_aMetHeadlineSaysMostMonthsWereMissed_andWhereMostCasesWere() {
    String s = headline("95%", "2026-07,100,90,0,", "2026-08,100,90,0,", "2026-09,100,90,0,", "2026-10,10000,9900,0,");
    assertThat(s)
        .contains("Met over the 4 months from July 2026 to October 2026, though 3 of the 4 months were missed.")
        .contains("Most of these calls were in October 2026: 10,000 of 10,300 calls (97.1%).");
  }

  /** H21 on the card: the same rule in a few words, and nothing where the sentence says nothing. */
  @Test
  void h21_theCardSaysItInAFewWords() {
    java.util.function.Function<String[], String> brief =
        rows -> explain(calls("95%", rows)).promises().get(0).headline().orElseThrow().pooling();
    assertThat(brief.apply(new String[] {"2026-07,100,96,0,", "2026-08,100,97,0,", "2026-09,100,90,0,", "2026-10,100,99,0,"}))
        .isEqualTo("Missed in 1 of the 4 months.");
    assertThat(brief.apply(new String[] {"2026-07,100,96,0,", "2026-08,100,96,0,", "2026-09,100,96,0,", "2026-10,100,50,0,"}))
        .isEqualTo("Met in 3 of the 4 months.");
    assertThat(brief.apply(new String[] {"2026-07,100,96,0,", "2026-08,100,97,0,", "2026-09,100,98,0,", "2026-10,100,99,0,"}))
        .isEmpty();
  }

  /**
   * H21: a headline too few to tell whose one month with a result of its own was missed (the rest
   * too few to tell) says so: the one judged month is not hidden because it is alone.
   */
  @Test
  void h21_theOnlyJudgedMonthMissedIsSaid() {
    String[] rows = {"2026-07,20,20,0,", "2026-08,20,20,0,", "2026-09,20,17,0,", "2026-10,20,20,0,"};
    assertThat(headline("95%", rows))
        .contains("over the 4 months from July 2026 to October 2026, though the one month that could be judged on its own was missed.");
    assertThat(explain(calls("95%", rows)).promises().get(0).headline().orElseThrow().pooling())
        .isEqualTo("Missed in the one month that could be judged on its own.");
  }

  /** H21: a tie (exactly half missed) is said for a met headline: the reading harder on the organisation. */
  @Test
  void h21_aTieIsSaidForAMetHeadline() {
    String s = headline("95%", "2026-07,100,90,0,", "2026-08,100,90,0,", "2026-09,100,100,0,", "2026-10,100,100,0,");
    assertThat(s).contains("Met over the 4 months from July 2026 to October 2026, though 2 of the 4 months were missed.");
  }

  /** H21: a missed headline says its months were met only when more than half were; never on a tie. */
  @Test
  void h21_aMissedHeadlineSaysMostMonthsWereMet_butNotOnATie() {
    assertThat(headline("95%", "2026-07,100,96,0,", "2026-08,100,96,0,", "2026-09,100,96,0,", "2026-10,100,50,0,"))
        .contains("Missed over the 4 months from July 2026 to October 2026, though 3 of the 4 months were met.");
    assertThat(headline("95%", "2026-07,100,96,0,", "2026-08,100,96,0,", "2026-09,100,80,0,", "2026-10,100,80,0,"))
        .doesNotContain("though");
  }

  @Test
  void h21_nothingIsSaidWhenTheMonthsAgreeAndNoneHoldsMostCases() {
    String s = headline("95%", "2026-07,100,96,0,", "2026-08,100,97,0,", "2026-09,100,98,0,", "2026-10,100,99,0,");
    assertThat(s).doesNotContain("though").doesNotContain("Most of these");
  }

  /**
   * H21: a met headline names its missed months however few they are, a single one included: "Met"
   * must not hide a missed month (the example's bills, met with 5 of 12 months narrowly missed,
   * said nothing of them under the older rule of "at least half").
   */
  @Test
  void h21_aMetHeadlineSaysEvenOneMissedMonth() {
    assertThat(headline("95%", "2026-07,100,96,0,", "2026-08,100,97,0,", "2026-09,100,90,0,", "2026-10,100,99,0,"))
        .contains("Met over the 4 months from July 2026 to October 2026, though 1 of the 4 months was missed.");
    assertThat(headline("95%", "2026-07,1000,960,0,", "2026-08,1000,949,0,", "2026-09,1000,949,0,", "2026-10,1000,970,0,"))
        .contains("Met over the 4 months from July 2026 to October 2026, though 2 of the 4 months were missed.");
  }

  /** H21: exactly half of the cases is not most; one case more is. */
  @Test
  void h21_exactlyHalfTheCasesIsNotMost() {
    assertThat(headline("95%", "2026-07,100,96,0,", "2026-08,100,96,0,", "2026-09,200,192,0,", "2026-10,,,,not counted"))
        .doesNotContain("Most of these");
    assertThat(headline("95%", "2026-07,100,96,0,", "2026-08,100,96,0,", "2026-09,201,193,0,", "2026-10,,,,not counted"))
        .contains("Most of these calls were in September 2026: 201 of 401 calls (50.1%).");
  }

  /**
   * H21: only months with a result of their own count; a gap is named with its reason (H11) and a
   * month too few to tell gets the few-cases rule in words (H8).
   */
  @Test
  void h21_onlyMonthsWithAResultCount_gapsAndSmallMonthsAreSaidBeside() {
    String s =
        headline(
            "95%", "2026-07,,,,our phone system failed.", "2026-08,40,40,0,", "2026-09,100,90,0,", "2026-10,200,200,0,");
    assertThat(s)
        .contains("Met over the 4 months from July 2026 to October 2026, though 1 of the 2 months that could be"
            + " judged on their own was missed.")
        .contains("Most of these calls were in October 2026: 200 of 340 calls (58.8%).")
        .contains("There are no figures for 1 of these 4 months. July 2026: our phone system failed.")
        .contains("1 of these 4 months had too few calls to tell on its own (August 2026): we need at least 73 to"
            + " judge a 95% target.");
  }

  /** H21: one month holding every case says so; the other months had none. */
  @Test
  void h21_oneMonthHoldingEveryCase() {
    assertThat(headline("95%", "2026-07,0,0,0,", "2026-08,0,0,0,", "2026-09,0,0,0,", "2026-10,100,99,0,"))
        .contains("All of these calls were in October 2026.");
  }

  // The summary tells all.

  @Test
  void h8_aHeadlineMissedOnFewCasesStatesTheRule() {
    assertThat(headline("95%", "2026-07,10,9,0,", "2026-08,10,9,0,", "2026-09,10,9,0,", "2026-10,10,9,0,"))
        .contains("This is based on only 40 calls. We need at least 73 calls to judge a 95% target; a miss on fewer"
            + " is still a miss.");
  }

  @Test
  void h12_everyFlaggedMonthIsNamedWithItsStressTest() {
    String s = headline("90%", "2026-07,1000,950,0,", "2026-08,1000,950,120,", "2026-09,1000,950,0,", "2026-10,1000,950,0,");
    assertThat(s)
        .contains("We flag 1 of these 4 months for the cases we left out. Counting those as not kept, it reads:"
            + " August 2026, 950 of 1,120 calls (84.8%).");
  }

  /** The index's window sentence names the promises that started later, as their cards do. */
  @Test
  void theSummaryNamesPromisesThatStartedLater() {
    ExplainedCharter e = explain(Fixtures.minimal());
    assertThat(e.window()).isEqualTo("the 12 months from November 2025 to October 2026");
    assertThat(e.summary())
        .contains("1 promise started later, so its figures cover the time since it started: Answering calls (from July 2026).");
  }

  /** H11: a headline with no figures at all still gives each gap's reason. */
  @Test
  void h11_aHeadlineWithNoFiguresGivesEachReason() {
    assertThat(headline("95%", "2026-07,,,,not counted", "2026-08,,,,not counted", "2026-09,,,,not counted", "2026-10,,,,our phone system failed"))
        .isEqualTo("No figures for the 4 months from July 2026 to October 2026. July 2026: not counted. August 2026:"
            + " not counted. September 2026: not counted. October 2026: our phone system failed.");
  }

  /** H21: when every month with a result disagrees with the headline, it says "all". */
  @Test
  void h21_allTheMonthsMissed() {
    assertThat(headline("95%", "2026-07,100,94,0,", "2026-08,100,94,0,", "2026-09,40,40,0,", "2026-10,40,40,0,"))
        .contains("Met over the 4 months from July 2026 to October 2026, though all 2 months that could be judged on"
            + " their own were missed.")
        .contains("2 of these 4 months had too few calls to tell on their own (September 2026, October 2026)");
  }

  /** H8: past half the window, the small months are counted, not listed: the table names them. */
  @Test
  void h8_manySmallMonthsAreCounted() {
    assertThat(headline("95%", "2026-07,100,100,0,", "2026-08,40,40,0,", "2026-09,40,40,0,", "2026-10,40,40,0,"))
        .contains("3 of these 4 months had too few calls to tell on their own: we need at least 73 to judge a 95% target.");
  }

  /** Past five, the promises that started later are counted, not named: the summary stays short. */
  @Test
  void theSummaryCountsManyPromisesThatStartedLater() {
    CharterFixture fixture = Fixtures.minimal();
    for (int i = 1; i <= 6; i++) {
      fixture =
          fixture.with(
              CharterFixture.of(
                  """
                  -- promises/calls%d.yaml --
                  title: Answering calls %d
                  promise: We answer your call within 2 minutes.
                  unit: calls
                  kept_when: a person answered within 2 minutes
                  target: 95%%
                  since: 2026-10
                  not_covered: []
                  remedy: none
                  -- figures/calls%d.csv --
                  period,cases,kept,excluded,note
                  2026-10,100,99,0,
                  """
                      .formatted(i, i, i)));
    }
    assertThat(explain(fixture).summary())
        .contains("7 promises started later, so their figures cover the time since they started, as each one says.")
        .doesNotContain("(from");
  }
}
