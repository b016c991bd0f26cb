package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.PromiseRecord;
import dev.kept.model.Verdict;
import dev.kept.render.view.Card;
import dev.kept.render.view.FeedEntry;
import dev.kept.render.view.GroupView;
import dev.kept.render.view.Row;
import dev.kept.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pieces split out of SiteRenderer for issue 12, each on the example charter. */
class RenderPiecesTest {
  private static ExplainedCharter charter;
  private static Map<String, String> t;

  @BeforeAll
  static void explain() throws Exception {
    charter = Fixtures.check(Fixtures.exampleCharter()).charter().orElseThrow();
    t = Theme.builtIn().words(charter.charter().language());
  }

  @Test
  void theFeedNamesThePromisesExplainFoundMissedInTheLatestPeriod() {
    List<FeedEntry> entries = Feed.entries(charter, t);
    FeedEntry figures = entries.stream().filter(e -> e.id().endsWith(":figures-2026-10")).findFirst().orElseThrow();
    assertThat(figures.title()).isEqualTo("Figures for October 2026");
    assertThat(figures.updated()).isEqualTo("2026-11-16T00:00:00Z");
    assertThat(figures.summary())
        .isEqualTo(
            "Of the 9 promises we measured, we missed 2: Answering your calls, 94.96% (9,496 of 10,000"
                + " calls); Replying to written complaints, 87.6% (390 of 445 complaints).");
    assertThat(charter.latestFigures().orElseThrow().missed())
        .extracting(p -> p.promise().id())
        .containsExactly("answer-calls", "reply-complaints");
    // Newest first, each dated from the data.
    assertThat(entries).extracting(FeedEntry::updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void robotsNamesTheSitemapOnlyWhenThereIsABaseAddress() {
    assertThat(Crawlers.robots(charter.charter()))
        .isEqualTo("User-agent: *\nAllow: /\nSitemap: https://promises.tamarvalewater.example/sitemap.xml\n");
  }

  @Test
  void aGapsRowHoldsEmptyFiguresAndARatesRowHoldsThemAll() {
    for (PromiseRecord record : Fixtures.records(charter)) {
      for (ExplainedPeriod period : record.periods()) {
        Row row = Views.row(period, record.promise().exclusions());
        Verdict verdict = period.result().result().verdict();
        assertThat(row.gap()).isEqualTo(verdict == Verdict.NO_DATA);
        if (verdict == Verdict.NO_DATA) {
          assertThat(List.of(row.kept(), row.cases(), row.denominator(), row.figure(), row.low(), row.high(), row.excluded()))
              .allMatch(String::isEmpty);
        } else if (verdict != Verdict.NO_CASES) {
          assertThat(List.of(row.kept(), row.cases(), row.denominator(), row.figure(), row.low(), row.high(), row.excluded()))
              .noneMatch(String::isEmpty);
        }
        assertThat(row.excludedDenominator().isEmpty()).isEqualTo(period.result().result().exclusions().isEmpty());
      }
    }
  }

  @Test
  void aBadgeSaysTheVerdictInWordsAndTheFigureWithItsDenominator() {
    Card card = Views.card(charter.promises().get(0), t);
    String badge = Badges.svg(card, t);
    assertThat(badge).contains(card.figure(), card.denominator(), card.label().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void aGroupViewShowsTheTallyByName() {
    var group =
        new dev.kept.model.Group(
            "Your water supply", "your-water-supply", List.of("fix-leaks"), "A sentence.",
            new dev.kept.model.Group.Tally("1,204", "600", "500", "100", "4"));
    assertThat(Views.group(group))
        .isEqualTo(new GroupView("Your water supply", "groups/your-water-supply/", "1,204", "600", "500", "100", "4", "A sentence."));
  }
}
