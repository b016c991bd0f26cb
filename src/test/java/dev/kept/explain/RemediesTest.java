package dev.kept.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.measure.Wilson;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Interval;
import dev.kept.model.PromiseRecord;
import dev.kept.model.RemedyResult;
import dev.kept.model.RemedyWords;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remedies delivered (issue 14): how often the promised remedy was given, validated, measured and
 * put into words by the same rules as any figure (H1, H3, H4, H5, H6, H9).
 */
class RemediesTest {
  @TempDir Path dir;

  private static final String PROMISE =
      """
      -- promises/calls.yaml --
      title: Answering calls
      promise: |
        We answer your call within **2 minutes**. Most calls are answered sooner.
      unit: calls
      kept_when: a person answered within 2 minutes
      target: 95%%
      since: 2026-07
      not_covered: []
      remedy: If we are late, we credit **£10** to your account. Ask us for details.
      %s
      -- figures/calls.csv --
      period,cases,kept,excluded,remedies_owed,remedies_given,note
      %s
      """;

  private static CharterFixture charter(String terms, String rows) {
    return Fixtures.minimal().with(CharterFixture.of(PROMISE.formatted(terms, rows)));
  }

  private Pipeline.Outcome check(CharterFixture fixture) {
    return Fixtures.check(fixture.writeTo(dir.resolve("charter")));
  }

  private ExplainedCharter explain(CharterFixture fixture) {
    Pipeline.Outcome outcome = check(fixture);
    return outcome.charter().orElseThrow(() -> new AssertionError(outcome.findings()));
  }

  private static final String FOUR_MONTHS =
      """
      2026-07,100,96,0,4,4,
      2026-08,100,97,0,3,2,
      2026-09,100,94,0,6,6,
      2026-10,100,99,0,1,1,""";

  @Test
  void h1_noMoreRemediesOwedThanCasesMissed() {
    Pipeline.Outcome outcome =
        check(charter("remedy_brief: a £10 credit", FOUR_MONTHS.replace("2026-07,100,96,0,4,4,", "2026-07,100,96,0,5,5,")));
    assertThat(Fixtures.headlines(outcome.findings()))
        .containsExactly(
            "charter/figures/calls.csv:2:18: error: 5 remedies owed is more than the 4 cases missed"
                + " (100 cases, 96 kept)");
    assertThat(outcome.findings().get(0).rule()).contains("H1");
  }

  @Test
  void h1_noMoreRemediesGivenThanOwed() {
    Pipeline.Outcome outcome = check(charter("", FOUR_MONTHS.replace("2026-07,100,96,0,4,4,", "2026-07,100,96,0,4,5,")));
    assertThat(Fixtures.headlines(outcome.findings()))
        .containsExactly("charter/figures/calls.csv:2:20: error: 5 remedies given is more than the 4 owed");
  }

  @Test
  void h1_remedyColumnsOnAPromiseWithNoRemedyAreAnError() {
    CharterFixture fixture =
        charter("", FOUR_MONTHS).with("promises/calls.yaml", Fixtures.minimal().section("promises/calls.yaml"));
    assertThat(Fixtures.headlines(check(fixture).findings()))
        .containsExactly(
            "charter/figures/calls.csv:1:28: error: the header has remedy columns but the promise says"
                + " 'remedy: none'");
  }

  @Test
  void h4_h5_h6_thePeriodSentenceHasTheDenominatorTheRoundedShareAndTheRange() {
    ExplainedCharter e = explain(charter("remedy_brief: a £10 credit\nremedy_automatic: yes", FOUR_MONTHS));
    PromiseRecord record = Fixtures.record(e, "calls");
    RemedyWords august = record.periods().get(1).remedy().orElseThrow();
    assertThat(august.sentence())
        .isEqualTo(
            "In August 2026, we owed a £10 credit to 3 customers and paid it to 2 of 3 customers"
                + " without being asked (66.7%, likely range 20.7% to 93.9%).");
    assertThat(august.denominator()).isEqualTo("2 of 3 customers"); // H4
    // H6: the shown range contains the computed one, each end rounded outward.
    Interval exact = Wilson.interval(2, 3);
    assertThat(new BigDecimal("20.7")).isLessThanOrEqualTo(exact.low().movePointRight(2));
    assertThat(new BigDecimal("93.9")).isGreaterThanOrEqualTo(exact.high().movePointRight(2));
    RemedyWords october = record.periods().get(3).remedy().orElseThrow();
    assertThat(october.figure()).contains("100.0%"); // every one given: exactly 100%
    assertThat(october.sentence()).contains("owed a £10 credit to 1 customer and");
  }

  @Test
  void h5_theShareGivenNeverReads100PercentUnlessEveryOneWasGiven() {
    ExplainedCharter e = explain(charter("", FOUR_MONTHS.replace("2026-07,100,96,0,4,4,", "2026-07,400000,200000,0,200000,199999,")));
    RemedyWords july = Fixtures.record(e, "calls").periods().get(0).remedy().orElseThrow();
    assertThat(july.figure()).contains("more than 99.999%");
    assertThat(july.sentence()).doesNotContain("(100");
  }

  @Test
  void h9_nothingOwedIsNoShareNeither0Nor100Percent() {
    ExplainedCharter e = explain(charter("remedy_brief: a £10 credit", FOUR_MONTHS.replace("2026-07,100,96,0,4,4,", "2026-07,100,100,0,0,0,")));
    PromiseRecord record = Fixtures.record(e, "calls");
    RemedyResult measured = record.periods().get(0).result().remedy().orElseThrow();
    assertThat(measured.interval()).isEmpty();
    RemedyWords words = record.periods().get(0).remedy().orElseThrow();
    assertThat(words.figure()).isEmpty();
    assertThat(words.low()).isEmpty();
    assertThat(words.sentence()).isEqualTo("In July 2026, no customer was owed a £10 credit.");
  }

  @Test
  void h3_theHeadlinePoolsRemedyCountsOverItsWindowNeverAveragingShares() {
    // 1 of 1 (100%) and 1 of 3 (33.3%): pooled 2 of 4 is 50%; the average of the shares would be 66.7%.
    ExplainedCharter e =
        explain(
            charter(
                "remedy_automatic: no",
                "2026-07,100,99,0,1,1,\n2026-08,100,97,0,3,1,\n2026-09,100,96,0,,,\n2026-10,100,98,0,,,"));
    ExplainedPromise p = e.promises().get(0);
    RemedyResult pooled = p.headline().orElseThrow().headline().remedy().orElseThrow();
    assertThat(pooled.remedies().owed()).isEqualTo(4);
    assertThat(pooled.remedies().given()).isEqualTo(2);
    RemedyWords words = p.headline().orElseThrow().remedy().orElseThrow();
    assertThat(words.figure()).contains("50.0%");
    assertThat(p.remedySentence())
        .isEqualTo(
            "In the 4 months from July 2026 to October 2026, we owed the remedy to 4 customers and paid"
                + " it to 2 of 4 customers when they claimed it (50.0%, likely range 15.0% to 85.0%). We have no remedy"
                + " figures for 2 of these months: September 2026, October 2026.");
  }

  @Test
  void aRemedyWithoutFiguresSaysItIsNotPublished_andNoRemedySaysNothingOfPayments() {
    CharterFixture noColumns =
        Fixtures.minimal()
            .with(
                "promises/calls.yaml",
                Fixtures.minimal()
                    .section("promises/calls.yaml")
                    .replace("remedy: none", "remedy: If we are late, we credit **£10** to your account."));
    ExplainedPromise withRemedy = explain(noColumns).promises().get(0);
    assertThat(withRemedy.remedySentence()).isEqualTo("We do not publish how often we paid it.");
    assertThat(withRemedy.remedyInShort()).isEqualTo("If we are late, we credit £10 to your account.");

    ExplainedPromise none = explain(Fixtures.minimal()).promises().get(0);
    assertThat(none.remedySentence()).isEmpty();
    assertThat(none.remedyInShort()).isEqualTo("No remedy");
  }

  @Test
  void theCardSaysThePromiseInOneLineAndTheRemedyInAFewWords() {
    ExplainedPromise automatic =
        explain(charter("remedy_brief: a £10 credit\nremedy_automatic: yes", FOUR_MONTHS)).promises().get(0);
    assertThat(automatic.inShort()).isEqualTo("We answer your call within 2 minutes.");
    assertThat(automatic.remedyInShort()).isEqualTo("A £10 credit, paid without asking");
    assertThat(automatic.headline().orElseThrow().remedy().orElseThrow().inShort())
        .isEqualTo("Paid to 13 of 14 customers owed it (92.9%)");

    ExplainedPromise claimed =
        explain(charter("promise_brief: Calls answered in 2 minutes.\nremedy_brief: a £10 credit\nremedy_automatic: no", FOUR_MONTHS))
            .promises().get(0);
    assertThat(claimed.inShort()).isEqualTo("Calls answered in 2 minutes.");
    assertThat(claimed.remedyInShort()).isEqualTo("A £10 credit, paid when claimed");
  }

  @Test
  void aRowMayLeaveBothRemedyCountsEmpty_butNotOne() {
    ExplainedCharter e = explain(charter("", FOUR_MONTHS.replace("2026-07,100,96,0,4,4,", "2026-07,100,96,0,,,")));
    List<dev.kept.model.ExplainedCharter.ExplainedPeriod> periods = Fixtures.record(e, "calls").periods();
    assertThat(periods.get(0).remedy()).isEmpty();
    assertThat(periods.get(1).remedy()).isPresent();

    assertThat(Fixtures.headlines(check(charter("", FOUR_MONTHS.replace("2026-07,100,96,0,4,4,", "2026-07,100,96,0,4,,"))).findings()))
        .containsExactly(
            "charter/figures/calls.csv:2:20: error: the row for 2026-07 gives 'remedies_owed' but not"
                + " 'remedies_given'");
  }
}
