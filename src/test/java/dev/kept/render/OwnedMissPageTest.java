package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kept.Pipeline;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H22, a miss is owned, as a reader sees it: each account beside the miss it explains, newest
 * first; "Not yet explained" on a clear miss with none, counted on the index; a report-back date
 * that has passed with no newer account labelled overdue; and the accounts in the data file.
 */
class OwnedMissPageTest {
  @TempDir static Path dir;
  static Path site;

  /**
   * August, September and October 2026 missed clearly, and the headline too. September has two
   * accounts (the newer one's report-back date, 20 October, has passed: overdue on 16 November);
   * August, October and the headline have none.
   */
  @BeforeAll
  static void build() throws Exception {
    Path charter =
        Fixtures.minimal()
            .with(
                "promises/calls.yaml",
                """
                title: Answering calls
                promise: We answer your call within 2 minutes.
                unit: calls
                kept_when: a person answered within 2 minutes
                target: 95%
                since: 2026-07
                not_covered: []
                remedy: none
                misses:
                  - period: 2026-09
                    written: 2026-10-02
                    happened: Our phone system failed for two days.
                    doing: We are looking for a new phone system.
                    follow_up: 2026-10-09
                  - period: 2026-09
                    written: 2026-10-09
                    happened: We found why the phone system failed.
                    doing: We have ordered a new phone system.
                    follow_up: 2026-10-20
                """)
            .with(
                "promises/replies.yaml",
                """
                title: Replying to letters
                promise: We reply to your letter within 5 working days.
                unit: letters
                kept_when: we sent a reply within 5 working days
                target: 95%
                since: 2026-07
                not_covered: []
                remedy: none
                misses:
                  - period: 2026-07 to 2026-10
                    written: 2026-11-02
                    happened: Two of our four letter writers left in June.
                    doing: We are hiring two people.
                    follow_up: 2026-12-01
                  - headline: 2026-10
                    written: 2026-11-02
                    happened: We missed the promise in each month, as the table below says.
                    doing: We are hiring two people.
                    follow_up: 2026-11-10
                """)
            .with(
                "promises/visits.yaml",
                """
                title: Visiting on time
                promise: We arrive within the slot we gave you.
                unit: visits
                kept_when: we arrived within the slot
                target: 95%
                since: 2026-10
                not_covered: []
                remedy: none
                misses:
                  - period: 2026-10
                    written: 2026-11-03
                    happened: Our vans were off the road for a week.
                    doing: We have hired vans.
                """)
            .with(
                "promises/older.yaml",
                """
                title: Sending meter readings
                promise: We send your reading within 2 days.
                unit: readings
                kept_when: we sent it within 2 days
                target: 95%
                since: 2025-07
                not_covered: []
                remedy: none
                """)
            .with("figures/older.csv", olderFigures())
            .with("figures/visits.csv", "period,cases,kept,excluded,note\n2026-10,100,70,0,\n")
            .with(
                "figures/replies.csv",
                "period,cases,kept,excluded,note\n2026-07,100,85,0,\n2026-08,100,85,0,\n2026-09,100,85,0,\n2026-10,100,85,0,\n")
            .with(
                "figures/calls.csv",
                "period,cases,kept,excluded,note\n2026-07,100,96,0,\n2026-08,100,80,0,\n2026-09,100,80,0,\n2026-10,100,70,0,\n")
            .writeTo(dir.resolve("charter"));
    site = dir.resolve("site");
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, site).build();
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
  }

  /** July 2025, before the window of the 12 months to October 2026, missed clearly; the rest met. */
  private static String olderFigures() {
    StringBuilder csv = new StringBuilder("period,cases,kept,excluded,note\n");
    for (java.time.YearMonth m = java.time.YearMonth.of(2025, 7); !m.isAfter(java.time.YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
      csv.append(m).append(m.equals(java.time.YearMonth.of(2025, 7)) ? ",100,70,0,\n" : ",100,99,0,\n");
    }
    return csv.toString();
  }

  /**
   * H22: a clear miss before the headline's window with no account is labelled on the page too,
   * so the table leaves no miss unmarked; the index counts only the window's.
   */
  @Test
  void h22_aMissBeforeTheWindowIsLabelledOnThePageButNotCounted() throws Exception {
    Document page = page("promises/older/index.html");
    assertThat(page.getElementById("p-2025-07").text()).contains("Not yet explained");
    assertThat(page.getElementById("p-2025-08").text()).doesNotContain("explained");
    assertThat(page("index.html").select(".summary .unexplained").text()).doesNotContain("Sending meter readings");
  }

  private static Document page(String path) throws Exception {
    return Jsoup.parse(Files.readString(site.resolve(path)));
  }

  @Test
  void h22_eachPeriodRowSaysWhetherItsMissIsExplained() throws Exception {
    Document page = page("promises/calls/index.html");
    assertThat(page.getElementById("p-2026-09").text()).contains("Explained").doesNotContain("Not yet explained");
    assertThat(page.getElementById("p-2026-08").text()).contains("Not yet explained");
    assertThat(page.getElementById("p-2026-10").text()).contains("Not yet explained");
    assertThat(page.getElementById("p-2026-07").text()).doesNotContain("explained");
  }

  /**
   * H22: a row's "Explained" mark links to the newest account of its miss, which links back to the
   * row; a run's account is linked from each of its rows. Every id on a page is used once.
   */
  @Test
  void h22_theExplainedMarkLinksToTheNewestAccountOfItsMiss() throws Exception {
    Document page = page("promises/calls/index.html");
    String href = page.getElementById("p-2026-09").select("tr.more a").attr("href");
    assertThat(href).isEqualTo("#account-2026-09-written-2026-10-09");
    assertThat(page.getElementById(href.substring(1)).text()).contains("We found why the phone system failed.");
    Document letters = page("promises/replies/index.html");
    for (String month : new String[] {"07", "08", "09", "10"}) {
      assertThat(letters.getElementById("p-2026-" + month).select("tr.more a").attr("href"))
          .isEqualTo("#account-2026-07-to-2026-10-written-2026-11-02");
    }
    assertThat(letters.getElementById("account-2026-07-to-2026-10-written-2026-11-02")).isNotNull();
    assertThat(letters.getElementById("account-headline-2026-10-written-2026-11-02").text())
        .contains("We missed the promise in each month");
    // A headline of one period is explained by its period's account, shown in the box and under the table.
    Document visits = page("promises/visits/index.html");
    assertThat(visits.select(".headline .account").text()).contains("Our vans were off the road for a week.");
    assertThat(visits.select("ol.accounts .account").text()).contains("Our vans were off the road for a week.");
    for (Document d : new Document[] {page, letters, visits}) {
      java.util.List<String> ids = d.select("[id]").eachAttr("id");
      assertThat(ids).doesNotHaveDuplicates();
    }
  }

  @Test
  void h22_theAccountsAreListedUnderTheTableNewestFirstLinkedToTheirRow() throws Exception {
    Document page = page("promises/calls/index.html");
    Element list = page.selectFirst("ol.accounts");
    assertThat(list).isNotNull();
    assertThat(list.select("li")).hasSize(2);
    assertThat(list.select("li").get(0).text())
        .contains("September 2026", "written 9 October 2026", "We found why the phone system failed.",
            "We have ordered a new phone system.", "We will report back by 20 October 2026.");
    assertThat(list.select("li").get(1).text()).contains("written 2 October 2026", "Our phone system failed for two days.");
    assertThat(list.select("li a").first().attr("href")).isEqualTo("#p-2026-09");
  }

  @Test
  void h22_aReportBackDateThatHasPassedWithNoNewerAccountIsLabelledOverdue() throws Exception {
    Document page = page("promises/calls/index.html");
    var items = page.select("ol.accounts li");
    // The newer account's date, 20 October, is before the published date, 16 November.
    assertThat(items.get(0).select(".overdue").text()).isEqualTo("Report-back overdue since 20 October 2026");
    // The older one's date has passed too, but a newer account followed it.
    assertThat(items.get(1).select(".overdue")).isEmpty();
  }

  @Test
  void h22_aClearlyMissedHeadlineWithNoAccountIsLabelledInTheHowWeDidBoxAndOnItsCard() throws Exception {
    Document page = page("promises/calls/index.html");
    assertThat(page.select(".headline .unexplained").text()).startsWith("Not yet explained");
    assertThat(page("index.html").select(".card-note").text())
        .contains("Not yet explained: we have not yet said what went wrong or what we are doing about it.")
        // every clear miss of the window with no account is named, not only the latest period's
        // (a first-time reader of issue 14 had to open the page to find the month)
        .contains("Not yet explained: we have not yet said what went wrong in August 2026, October 2026.")
        // a period's report-back date that has passed is on the card too, not only on the page
        .contains("Report-back overdue since 20 October 2026, for September 2026.");
  }

  @Test
  void h22_aHeadlinesAccountIsInItsHowWeDidBoxAndARunOfPeriodsSharesOneAccount() throws Exception {
    Document page = page("promises/replies/index.html");
    Element box = page.selectFirst(".headline");
    assertThat(box.select(".account").text())
        .contains("Our account of this result, written 2 November 2026", "We missed the promise in each month",
            "We will report back by 10 November 2026.");
    assertThat(box.select(".overdue").text()).isEqualTo("Report-back overdue since 10 November 2026");
    assertThat(box.select(".unexplained")).isEmpty();
    assertThat(page.select("ol.accounts li").text()).contains("July 2026 to October 2026: written 2 November 2026");
    for (String period : new String[] {"2026-07", "2026-08", "2026-09", "2026-10"}) {
      assertThat(page.getElementById("p-" + period).text()).contains("Explained").doesNotContain("Not yet");
    }
    // The card says the headline's report-back is overdue, on the index and at the top of the page.
    assertThat(page("index.html").select(".card-note").text()).contains("Report-back overdue since 10 November 2026");
  }

  @Test
  void h22_theIndexCountsTheMissesNotYetExplained() throws Exception {
    // August, October and the headline of calls; every miss of replies has an account.
    assertThat(page("index.html").select(".summary .unexplained").text()).startsWith("3 misses not yet explained.");
    // ... and says which promise they are in, linked, so a reader need not open every missed one.
    var links = page("index.html").select(".summary .unexplained a");
    assertThat(links).extracting(a -> a.attr("href")).containsExactly("./promises/calls/");
    assertThat(links.first().parent().text()).endsWith("(3).");
  }

  @Test
  void h22_theAccountsAreInThePromisesDataFileAndMatchItsSchema() throws Exception {
    JsonNode record = new ObjectMapper().readTree(site.resolve("promises/calls/data.json").toFile());
    JsonNode misses = record.get("misses");
    assertThat(misses).hasSize(2);
    assertThat(misses.get(0).get("explains").asText()).isEqualTo("period");
    assertThat(misses.get(0).get("from").asText()).isEqualTo("2026-09");
    assertThat(misses.get(0).get("written").asText()).isEqualTo("2026-10-09");
    assertThat(misses.get(0).get("follow_up").asText()).isEqualTo("2026-10-20");
    assertThat(misses.get(0).get("follow_up_overdue").asBoolean()).isTrue();
    assertThat(misses.get(1).get("follow_up_overdue").asBoolean()).isFalse();
    assertThat(record.get("not_yet_explained").get("periods").toString()).isEqualTo("[\"2026-08\",\"2026-10\"]");
    assertThat(record.get("not_yet_explained").get("headline").asBoolean()).isTrue();
    // An account never changes a figure or a verdict: September is still missed, 80 of 100.
    JsonNode september = record.get("periods").get(2);
    assertThat(september.get("verdict").asText()).isEqualTo("MISSED");
    assertThat(september.get("kept").asLong()).isEqualTo(80);
    DataRendererTest.assertMatchesSchema(site);
  }
}
