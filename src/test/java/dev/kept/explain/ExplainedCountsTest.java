package dev.kept.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Group;
import dev.kept.model.Words;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: what the site counts is counted here, in explain, never in render: a group's tally,
 * the latest period's measured and missed promises (the feed's entry), a retired promise's
 * sentence; and a figure's words are one of three kinds, with nothing empty standing for absent.
 */
class ExplainedCountsTest {
  @TempDir Path dir;

  private static String promise(String id, String extra, String rows) {
    return """
        -- promises/%1$s.yaml --
        title: Promise %1$s
        promise: We answer within 2 minutes.
        unit: calls
        kept_when: a person answered within 2 minutes
        target: 95%%
        since: 2026-10
        not_covered: []
        remedy: none
        %2$s
        -- figures/%1$s.csv --
        period,cases,kept,excluded,note
        %3$s
        """.formatted(id, extra, rows);
  }

  private ExplainedCharter explain() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                CharterFixture.of(
                    promise("emails", "group: Writing to us", "2026-10,1000,990,0,")
                        + promise("letters", "group: Writing to us", "2026-10,1000,800,0,")
                        + promise("visits", "group: Writing to us", "2026-10,,,,the counter broke")
                        + promise("texts", "exclusions:\n  hung-up: Callers who hung up within 10 seconds.", "2026-10,0,0,5,")
                        + """
                        -- promises/posters.yaml --
                        title: Posters
                        status: retired
                        retired:
                          on: 2026-09-30
                          reason: we stopped putting up posters
                        promise: We put up a poster within 2 days.
                        unit: posters
                        kept_when: the poster went up within 2 days
                        target: 95%
                        since: 2026-07
                        not_covered: []
                        remedy: none
                        group: Writing to us
                        -- figures/posters.csv --
                        period,cases,kept,excluded,note
                        2026-07,100,99,0,
                        2026-08,100,99,0,
                        2026-09,100,99,0,
                        """));
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    return outcome.charter().orElseThrow(() -> new AssertionError(outcome.findings()));
  }

  private static ExplainedPromise promise(ExplainedCharter charter, String id) {
    return charter.promises().stream().filter(p -> p.promise().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aGroupsTallyHasNamedCountsOfItsActivePromises() {
    ExplainedCharter charter = explain();
    assertThat(charter.groups()).hasSize(1);
    Group group = charter.groups().get(0);
    assertThat(group.name()).isEqualTo("Writing to us");
    // H16: the retired promise keeps its group in the data but leaves the group's current summary.
    assertThat(group.promiseIds()).containsExactly("emails", "letters", "visits");
    assertThat(group.tally()).isEqualTo(new Group.Tally("3", "1", "1", "0", "1"));
  }

  @Test
  void theLatestPeriodsMissedPromisesAreFoundByExplainNotByTheFeed() {
    ExplainedCharter charter = explain();
    ExplainedCharter.LatestFigures latest = charter.latestFigures().orElseThrow();
    assertThat(latest.period().label()).isEqualTo("2026-10");
    assertThat(latest.when()).isEqualTo("October 2026");
    // calls, emails, letters, visits (a declared gap) and texts (no cases); not the retired one.
    assertThat(latest.measured()).isEqualTo(5);
    assertThat(latest.missed()).extracting(p -> p.promise().id()).containsExactly("letters");
  }

  @Test
  void aRetiredPromisesSentenceIsMadeWholeNotCutFromItsStatus() {
    ExplainedPromise posters = promise(explain(), "posters");
    String retired = posters.retiredSentence().orElseThrow();
    assertThat(retired).isEqualTo("We retired this promise on 30 September 2026. We stopped putting up posters.");
    assertThat(posters.statusSentence()).startsWith(retired + " ");
    assertThat(promise(explain(), "calls").retiredSentence()).isEmpty();
  }

  @Test
  void aFiguresWordsAreOneOfThreeKinds() {
    ExplainedCharter charter = explain();
    Words gap = promise(charter, "visits").latest().orElseThrow().words();
    assertThat(gap).isInstanceOf(Words.NoData.class);
    assertThat(gap.counted()).isEmpty();
    assertThat(gap.rate()).isEmpty();
    assertThat(gap.exclusions()).isEmpty();

    Words none = promise(charter, "texts").latest().orElseThrow().words();
    assertThat(none).isInstanceOf(Words.NoCases.class);
    assertThat(none.rate()).isEmpty();
    assertThat(none.counted().orElseThrow().denominator()).isEqualTo("0 of 0 calls");
    // H12: all five were excluded, and that is disclosed even with no cases counted.
    assertThat(none.excluded().orElseThrow().denominator()).isEqualTo("5 of 5 calls");
    assertThat(none.exclusions()).isPresent();

    Words rate = promise(charter, "letters").latest().orElseThrow().words();
    assertThat(rate).isInstanceOf(Words.Rate.class);
    assertThat(rate.rate().orElseThrow().figure()).isEqualTo("80.0%");
    assertThat(rate.counted().orElseThrow().denominator()).isEqualTo("800 of 1,000 calls");
    assertThat(rate.counted().orElseThrow().excludedCount()).isEqualTo("0");
    assertThat(rate.excluded()).isEmpty();
    assertThat(rate.withSentence("Another.")).isEqualTo(((Words.Rate) rate).withSentence("Another."));
    assertThat(rate.withSentence("Another.").sentence()).isEqualTo("Another.");
  }
}
