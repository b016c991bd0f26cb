package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built example as a customer reads it: the "How we did" box gives the gap to the target in the
 * promise's unit, says what pooling hides (H21), names each gap's reason (H11) and each flagged month
 * with its stress test (H12), and states the few-cases rule (H8); each period's row shows its margin;
 * no range mixes decimals (H6).
 */
class HowWeDidPageTest {
  @TempDir static Path dir;
  private static Path site;

  @BeforeAll
  static void build() throws Exception {
    site = dir.resolve("site");
    Pipeline.Outcome outcome =
        new Pipeline(
                new Pipeline.Options(
                    Fixtures.exampleCharter(), "charter", site, Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.empty()))
            .build();
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
  }

  private static Document page(String id) throws Exception {
    return Jsoup.parse(Files.readString(site.resolve("promises/" + id + "/index.html")));
  }

  private static String box(String id) throws Exception {
    return page(id).select("section[aria-labelledby=did] .headline-sentence").text();
  }

  @Test
  void h2_theBoxGivesTheGapInThePromisesUnit() throws Exception {
    assertThat(box("answer-calls")).contains("We missed it by 62 calls: 114,930 of 120,978 would have met 95%.");
    assertThat(box("keep-appointments")).contains("We met it with 268 appointments to spare.");
    assertThat(box("warn-priority-customers")).contains("We did not keep it for 1 of the 3,461 customers.");
  }

  @Test
  void h2_eachRowShowsItsMarginInItsNoteCell() throws Exception {
    assertThat(page("answer-calls").select("tbody#p-2026-10 tr.more td").last().text())
        .startsWith("We missed it by 4 calls: 9,500 of 10,000 would have met 95%. 98 left out: ");
  }

  @Test
  void h21_theBoxSaysWhatPoolingHides() throws Exception {
    assertThat(box("connect-new-homes"))
        .contains("Met over the 12 months from November 2025 to October 2026, though all 3 months that could be"
            + " judged on their own were missed.");
    assertThat(box("warn-priority-customers"))
        .contains("Missed over the 12 months from November 2025 to October 2026, though 11 of the 12 months were met.");
  }

  @Test
  void theBoxTellsAll_gapsWithReasons_flaggedMonths_andTheFewCasesRule() throws Exception {
    assertThat(box("answer-emails"))
        .contains("There are no figures for 1 of these 12 months. February 2026: Our email system failed")
        .contains("We flag 1 of these 12 months for the cases we left out. Counting those as not kept, it reads:"
            + " March 2026, 1,919 of 2,148 emails (89.3%).");
    assertThat(box("restore-supply"))
        .contains("149 interruptions are too few to tell: we need at least 381 to judge a 99% target")
        .contains("10 of these 12 months had too few interruptions to tell on their own");
  }

  /** H6: the two ends of every range on every promise page show the same number of decimals. */
  @Test
  void h6_noRangeMixesDecimals() throws Exception {
    Pattern range = Pattern.compile("([0-9.,]+)% to ([0-9.,]+)%");
    try (var pages = Files.list(site.resolve("promises"))) {
      for (Path folder : pages.toList()) {
        var m = range.matcher(Jsoup.parse(Files.readString(folder.resolve("index.html"))).text());
        int found = 0;
        while (m.find()) {
          found++;
          assertThat(decimals(m.group(1))).as("%s: %s", folder.getFileName(), m.group()).isEqualTo(decimals(m.group(2)));
        }
        if (!folder.getFileName().toString().equals("smart-meter-faults")) {
          assertThat(found).as(folder.getFileName().toString()).isPositive();
        }
      }
    }
  }

  private static int decimals(String number) {
    int dot = number.indexOf('.');
    return dot < 0 ? 0 : number.length() - dot - 1;
  }

  /** The index's window sentence does not contradict a card: every card without its own window is in it. */
  @Test
  void theIndexWindowSentenceSaysCardsMayCoverLess() throws Exception {
    Document index = Jsoup.parse(Files.readString(site.resolve("index.html")));
    assertThat(index.select("section[aria-labelledby=promises-heading] > p").first().text())
        .startsWith("Each figure covers the 12 months from November 2025 to October 2026")
        .contains("a promise that started later covers the time since it started");
  }
}
