package dev.kept.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.Counts;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.Headline;
import dev.kept.model.MeasuredPromise;
import dev.kept.model.PeriodResult;
import dev.kept.model.Verdict;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurerTest {
  /** A promise whose 97% target was lowered to 90% from September 2026. */
  private static final String LOWERED_IN_SEPTEMBER =
      """
      title: Answering calls
      promise: We answer your call within 2 minutes.
      unit: calls
      kept_when: a person answered within 2 minutes
      since: 2026-07
      targets:
        - from: 2026-07
          target: 97%
        - from: 2026-09
          target: 90%
          reason: Fewer staff over the summer.
      not_covered: []
      remedy: none
      """;

  @TempDir Path dir;

  private ExplainedCharter measure(CharterFixture fixture) {
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    assertThat(outcome.findings()).as("findings").filteredOn(f -> f.severity().word().equals("error")).isEmpty();
    return outcome.charter().orElseThrow();
  }

  private static ExplainedCharter measureAt(Path folder) {
    Pipeline.Outcome outcome = Fixtures.check(folder);
    assertThat(outcome.findings()).as("findings").filteredOn(f -> f.severity().word().equals("error")).isEmpty();
    return outcome.charter().orElseThrow();
  }

  private List<PeriodResult> periods(ExplainedCharter c, String id) {
    return Fixtures.record(c, id).periods().stream().map(ExplainedPeriod::result).toList();
  }

  private MeasuredPromise promise(ExplainedCharter c, String id) {
    return c.promises().stream()
        .filter(p -> p.promise().id().equals(id))
        .findFirst()
        .orElseThrow()
        .measured();
  }

  @Test
  void h3_poolsCountsAndNeverAveragesRates() {
    // (1 of 1) and (0 of 99) pool to 1 of 100 = 1%, not 50%.
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                CharterFixture.of(
                    """
                    -- charter.yaml --
                    organisation: Test Water
                    title: Our promises
                    published: 2026-11-16
                    next_update: 2026-12-14
                    minimum_cases: 1
                    headline: 2
                    -- promises/calls.yaml --
                    title: Answering calls
                    promise: We answer your call within 2 minutes.
                    unit: calls
                    kept_when: a person answered within 2 minutes
                    target: 50%
                    since: 2026-09
                    not_covered: []
                    remedy: none
                    -- figures/calls.csv --
                    period,cases,kept,excluded,note
                    2026-09,1,1,0,
                    2026-10,99,0,0,
                    """));
    Headline h = promise(measure(fixture), "calls").headline().orElseThrow();
    assertThat(h.result().counts()).contains(Counts.of(1, 100));
    assertThat(h.result().verdict()).isEqualTo(Verdict.MISSED);
  }

  @Test
  void h13_theHeadlineWindowIsTheSameForEveryPromiseAndEndsAtTheLatestCompletePeriod() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                CharterFixture.of(
                    """
                    -- charter.yaml --
                    organisation: Test Water
                    title: Our promises
                    published: 2026-11-16
                    next_update: 2026-12-14
                    headline: 3
                    -- promises/emails.yaml --
                    title: Replying to emails
                    promise: We reply within 2 days.
                    unit: emails
                    kept_when: a person replied within 2 days
                    target: 90%
                    since: 2026-09
                    not_covered: []
                    remedy: none
                    -- figures/emails.csv --
                    period,cases,kept,excluded,note
                    2026-09,100,99,0,
                    2026-10,100,91,0,
                    2026-11,50,50,0,first half of November
                    """));
    ExplainedCharter c = measure(fixture);
    Headline calls = promise(c, "calls").headline().orElseThrow();
    Headline emails = promise(c, "emails").headline().orElseThrow();
    assertThat(c.measured().latestComplete().orElseThrow().label()).isEqualTo("2026-10");
    assertThat(calls.to().label()).isEqualTo("2026-10");
    assertThat(calls.from().label()).isEqualTo("2026-08");
    assertThat(calls.result().counts()).contains(Counts.of(97 + 94 + 99, 300));
    // emails started later: its window is clipped to its start, never moved.
    assertThat(emails.to().label()).isEqualTo("2026-10");
    assertThat(emails.from().label()).isEqualTo("2026-09");
    // The provisional November is published but never pooled into the headline.
    assertThat(emails.result().counts()).contains(Counts.of(190, 200));
    PeriodResult november = periods(c, "emails").get(2);
    assertThat(november.provisional()).isTrue();
  }

  @Test
  void h11_gapsInTheHeadlineWindowAreListedNotFilled() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "figures/calls.csv",
                """
                period,cases,kept,excluded,note
                2026-07,100,96,0,
                2026-08,,,,System outage
                2026-09,100,94,0,
                2026-10,100,99,0,
                """);
    ExplainedCharter c = measure(fixture);
    MeasuredPromise calls = promise(c, "calls");
    Headline h = calls.headline().orElseThrow();
    assertThat(h.gaps()).extracting(p -> p.label()).containsExactly("2026-08");
    assertThat(h.result().counts()).contains(Counts.of(96 + 94 + 99, 300));
    assertThat(periods(c, "calls").get(1).result().verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(periods(c, "calls").get(1).note()).isEqualTo("System outage");
  }

  @Test
  void h15_eachPeriodIsJudgedAgainstTheTargetInForceThen() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "promises/calls.yaml",
                LOWERED_IN_SEPTEMBER);
    ExplainedCharter c = measure(fixture);
    MeasuredPromise calls = promise(c, "calls");
    // July: 96 of 100 against 97% is missed; September: 94 of 100 against 90% is reached.
    assertThat(periods(c, "calls").get(0).rule().target().written()).isEqualTo("97%");
    assertThat(periods(c, "calls").get(0).result().verdict()).isEqualTo(Verdict.MISSED);
    assertThat(periods(c, "calls").get(2).rule().target().written()).isEqualTo("90%");
    assertThat(periods(c, "calls").get(2).result().verdict()).isNotEqualTo(Verdict.MISSED);
    assertThat(calls.promise().targets().get(1).change().name()).isEqualTo("LOWERED");
  }

  @Test
  void h15_aHeadlineSpanningALoweredTargetIsJudgedAgainstTheHigherOne() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "promises/calls.yaml",
                LOWERED_IN_SEPTEMBER);
    Headline h = promise(measure(fixture), "calls").headline().orElseThrow();
    assertThat(h.targetChanged()).isTrue();
    assertThat(h.result().target().written()).isEqualTo("97%");
    // 386 of 400 = 96.5%: reached against 90%, missed against the 97% that was lowered.
    assertThat(h.result().verdict()).isEqualTo(Verdict.MISSED);
  }

  @Test
  void h16_aRetiredPromiseKeepsItsRecordAndItsOwnHeadline() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                CharterFixture.of(
                    """
                    -- promises/letters.yaml --
                    title: Answering letters
                    status: retired
                    retired:
                      on: 2026-08-31
                      reason: We no longer take letters.
                    promise: We answer letters within 5 days.
                    unit: letters
                    kept_when: we replied within 5 days
                    target: 90%
                    since: 2026-07
                    not_covered: []
                    remedy: none
                    -- figures/letters.csv --
                    period,cases,kept,excluded,note
                    2026-07,50,49,0,
                    2026-08,40,38,0,
                    """));
    ExplainedCharter c = measure(fixture);
    MeasuredPromise letters = promise(c, "letters");
    assertThat(periods(c, "letters")).hasSize(2);
    assertThat(letters.headline().orElseThrow().to().label()).isEqualTo("2026-08");
    assertThat(letters.promise().retirement().orElseThrow().reason()).isEqualTo("We no longer take letters.");
  }

  @Test
  void h19_aPromiseThatIsNotMeasuredHasNoFigures() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "promises/meters.yaml",
                """
                title: Fixing meters
                promise: We fix faulty meters within 10 days.
                measure: none
                not_covered: []
                remedy: none
                """);
    ExplainedCharter c = measure(fixture);
    MeasuredPromise meters = promise(c, "meters");
    assertThat(periods(c, "meters")).isEmpty();
    assertThat(meters.headline()).isEmpty();
    assertThat(c.promises().get(1).statusSentence()).isEqualTo("We do not measure this yet.");
  }

  /** Two promises that show the same kinds of result in different months, with one target written two ways. */
  private static CharterFixture twoAlike(String order) {
    return CharterFixture.of(
        """
        -- charter.yaml --
        organisation: Test Water
        title: Our promises
        published: 2026-11-16
        next_update: 2026-12-14
        ORDER
        -- promises/calls.yaml --
        title: Answering calls
        promise: We answer your call within 2 minutes.
        unit: calls
        kept_when: a person answered within 2 minutes
        target: 95%
        since: 2026-07
        not_covered: []
        remedy: none
        -- figures/calls.csv --
        period,cases,kept,excluded,note
        2026-07,100,99,0,
        2026-08,0,0,0,
        2026-09,,,,the system was down
        2026-10,100,90,0,
        -- promises/emails.yaml --
        title: Answering emails
        promise: We answer your email within 2 days.
        unit: emails
        kept_when: a person answered within 2 days
        target: 95.0%
        since: 2026-07
        not_covered: []
        remedy: none
        -- figures/emails.csv --
        period,cases,kept,excluded,note
        2026-07,,,,we moved to a new system
        2026-08,100,90,0,
        2026-09,0,0,0,
        2026-10,100,99,0,
        """.replace("ORDER", order));
  }

  @Test
  void theMethodPagesExamplesAndMinimumsAreTheFirstOfTheirKindInTheChartersOrder() {
    for (String order : List.of("", "order: [emails, calls]")) {
      ExplainedCharter c = measureAt(twoAlike(order).writeTo(dir.resolve(order.isEmpty() ? "a" : "b")));
      // What a scan of every period, promise by promise in the charter's order, finds first.
      java.util.Map<dev.kept.model.Example.Kind, String> first = new java.util.EnumMap<>(dev.kept.model.Example.Kind.class);
      String firstTarget = null;
      for (var p : c.promises()) {
        for (PeriodResult r : periods(c, p.promise().id())) {
          for (var kind : dev.kept.model.Example.Kind.of(r.result())) {
            first.putIfAbsent(kind, p.promise().id() + " " + r.period());
          }
          firstTarget = firstTarget == null ? r.rule().target().written() : firstTarget;
        }
      }
      assertThat(c.measured().examples())
          .as(order)
          .extracting(e -> e.kind() + " " + e.promise().id() + " " + e.period().period())
          .containsExactlyElementsOf(first.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
      assertThat(c.measured().minimums().keySet()).as(order).extracting(dev.kept.model.Share::written).containsExactly(firstTarget);
    }
    assertThat(measureAt(twoAlike("").writeTo(dir.resolve("c"))).measured().examples())
        .as("the order decides which promise shows a kind both have")
        .isNotEqualTo(measureAt(twoAlike("order: [emails, calls]").writeTo(dir.resolve("d"))).measured().examples());
  }

  @Test
  void aCacheAroundTheStageMeasuresAgainOnlyThePromisesThatChangedAndGivesAFreshMeasure() {
    Path folder = twoAlike("").writeTo(dir.resolve("charter"));
    dev.kept.model.Charter before = Fixtures.check(folder).charter().orElseThrow().charter();
    Remember memo = new Remember();
    new Measurer(before, memo).measure();
    assertThat(memo.measured()).isEqualTo(2);

    // The same emails promise object, a new calls promise: as the preview's validation gives them.
    dev.kept.model.Promise emails = before.promises().get(1);
    dev.kept.model.Promise calls = before.promises().get(0);
    dev.kept.model.Charter after =
        new dev.kept.model.Charter(
            before.organisation(), before.title(), before.language(), before.baseUrl(), before.periodKind(),
            before.yearStarts(), before.minimumCases(), before.exclusionWarning(), before.headlinePeriods(),
            before.published(), before.nextUpdate(), before.contact(),
            List.of(emails, calls.withFigures(calls.figures().subList(0, 2))));
    memo.made.set(0);
    dev.kept.model.MeasuredCharter remembered = new Measurer(after, memo).measure();
    assertThat(memo.measured()).isEqualTo(1);
    assertThat(remembered).isEqualTo(new Measurer(after).measure());
    assertThat(remembered.promises().get(0)).isSameAs(new Measurer(before, memo).measure().promises().get(1));
  }

  /** A cache as a caller wraps it around the stage: the last piece made for each slot, by key. */
  private static final class Remember implements dev.kept.model.Reuse {
    private final java.util.Map<String, Object[]> pieces = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get(String step, String slot, Object key, java.util.function.Supplier<V> make) {
      Object[] known = pieces.get(step + " " + slot);
      if (known != null && known[0].equals(key)) {
        return (V) known[1];
      }
      V value = make.get();
      made.incrementAndGet();
      pieces.put(step + " " + slot, new Object[] {key, value});
      return value;
    }

    int measured() {
      return made.get();
    }
  }
}
