package dev.kept.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "dates that do not move under the staff's feet": the same, unchanged charter checked
 * with the build date on the last day of a month and on the first days of the next two months
 * passes each time, through the real command line with the clock set to that day. What the
 * calendar turning may change is a notice and the site's words (H18: a late next update is said
 * on every page), never an error (H11: which rows are due is judged against the published date,
 * not the clock).
 */
class MonthTurnTest {
  @TempDir Path dir;

  /** The last day of November 2026 and the first two days of December 2026 and of January 2027. */
  private static final List<LocalDate> DAYS =
      List.of(
          LocalDate.of(2026, 11, 30),
          LocalDate.of(2026, 12, 1),
          LocalDate.of(2026, 12, 2),
          LocalDate.of(2027, 1, 1),
          LocalDate.of(2027, 1, 2));

  record Run(int code, String out, String err) {}

  private static Run kept(LocalDate day, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            clock);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The minimal charter (figures to 2026-10) with {@code charterYaml} as its charter.yaml. */
  private Path charter(String charterYaml) {
    return Fixtures.minimal().with("charter.yaml", charterYaml).writeTo(dir.resolve("charter"));
  }

  @Test
  void h11_h18_aCharterWithoutPublishedPassesOnTheLastDayOfAMonthAndTheFirstDaysOfTheNextTwo() {
    // Before issue 15 the published date was the build day, so this charter failed on 1 December
    // with "no row for 2026-11": a month no one had published yet.
    Path charter =
        charter("organisation: Test Water\ntitle: Our promises\nnext_update: 2026-12-14\n");
    for (LocalDate day : DAYS) {
      Run r = kept(day, "check", "--charter", charter.toString());
      assertThat(r.code()).as("%s: %s", day, r.err()).isEqualTo(ExitCode.OK);
      assertThat(r.err()).as("%s", day).doesNotContain("error:").doesNotContain("no row for");
    }
  }

  @Test
  void h11_h18_aCharterThatWritesPublishedPassesOnEachOfThoseDaysToo() {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter")); // published: 2026-11-16
    for (LocalDate day : DAYS) {
      Run r = kept(day, "check", "--charter", charter.toString());
      assertThat(r.code()).as("%s: %s", day, r.err()).isEqualTo(ExitCode.OK);
      assertThat(r.err()).as("%s", day).doesNotContain("error:");
    }
  }

  @Test
  void theExampleCharterPassesOnEachOfThoseDays() {
    for (LocalDate day : DAYS) {
      Run r = kept(day, "check", "--charter", Fixtures.exampleCharter().toString());
      assertThat(r.code()).as("%s: %s", day, r.err()).isEqualTo(ExitCode.OK);
      assertThat(r.out()).as("%s", day).contains("no errors");
    }
  }

  @Test
  void h18_withoutPublishedTheDateIsTheDayAfterTheNewestFiguresEndedWhateverTheDay() throws IOException {
    Path charter =
        charter("organisation: Test Water\ntitle: Our promises\nnext_update: 2026-12-14\n");
    for (LocalDate day : List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2027, 1, 2))) {
      Path site = dir.resolve("site-" + day);
      Run r = kept(day, "build", "--charter", charter.toString(), "--out", site.toString());
      assertThat(r.code()).as("%s: %s", day, r.err()).isEqualTo(ExitCode.OK);
      assertThat(Files.readString(site.resolve("index.html")))
          .as("%s", day)
          .contains("Published 1 November 2026.")
          .contains("datetime=\"2026-11-01\"");
    }
  }

  @Test
  void h18_aLateNextUpdateIsANoticeAndSaidProminentlyOnEveryPage() throws IOException {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter")); // next_update: 2026-12-14
    Path site = dir.resolve("site");
    Run r = kept(LocalDate.of(2027, 1, 2), "build", "--charter", charter.toString(), "--out", site.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err())
        .contains(
            "/charter.yaml:4:14: notice: the next update was due on 2026-12-14, 19 days ago (today is"
                + " 2027-01-02); every page of the site says it is late");
    List<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
    for (Path page : pages) {
      String html = Files.readString(page);
      // before the page's own content, in the header, and again in the page's dates
      assertThat(html)
          .as("%s", site.relativize(page))
          .contains(
              "<div class=\"late-update\" role=\"note\">\n  <div class=\"wrap\"><p>These figures are out of"
                  + " date: we said we would publish new figures by 14 December 2026, and we have not yet.")
          .doesNotContain("Next update due 14 December 2026.");
      assertThat(html.indexOf("late-update")).as("%s", page).isLessThan(html.indexOf("<main"));
      assertThat(html).as("%s", page).contains("The next update was due 14 December 2026 and is late.");
    }
    // The day it is due is not late.
    Path onTheDay = dir.resolve("site-on-the-day");
    assertThat(kept(LocalDate.of(2026, 12, 14), "build", "--charter", charter.toString(), "--out", onTheDay.toString()).code())
        .isEqualTo(ExitCode.OK);
    assertThat(Files.readString(onTheDay.resolve("index.html")))
        .doesNotContain("late-update")
        .contains("Next update due 14 December 2026.");
  }

  @Test
  void h18_checkWarnsWithItsPositionWhenFiguresFallDueWithinSevenDays() {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter")); // next_update: 2026-12-14
    assertThat(kept(LocalDate.of(2026, 12, 6), "check", "--charter", charter.toString()).err())
        .doesNotContain("notice:");
    Run seven = kept(LocalDate.of(2026, 12, 7), "check", "--charter", charter.toString());
    assertThat(seven.code()).isEqualTo(ExitCode.OK);
    assertThat(seven.err())
        .contains("/charter.yaml:4:14: notice: the next update is due on 2026-12-14, in 7 days (today is 2026-12-07)")
        .contains("hint: Add the figures for the period that will have ended by then");
    assertThat(kept(LocalDate.of(2026, 12, 13), "check", "--charter", charter.toString()).err())
        .contains("notice: the next update is due on 2026-12-14, in 1 day (today is 2026-12-13)");
    assertThat(kept(LocalDate.of(2026, 12, 14), "check", "--charter", charter.toString()).err())
        .contains("notice: the next update is due on 2026-12-14, today (today is 2026-12-14)");
    assertThat(seven.out()).isEqualTo("charter: 1 promise checked, no errors, 1 notice.\n".replace("charter:", charter + ":"));
  }

  @Test
  void h18_theDayOfTheBuildNeverFailsAPullRequestNotEvenWithStrict() {
    // CI checks pull requests with --strict; the author of a change did not make the update due
    // or late, so these are notices, which --strict leaves as they are (GitHub shows ::notice).
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter")); // next_update: 2026-12-14
    for (LocalDate day : List.of(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 2))) {
      Run r = kept(day, "check", "--strict", "--format", "github", "--charter", charter.toString());
      assertThat(r.code()).as("%s: %s %s", day, r.out(), r.err()).isEqualTo(ExitCode.OK);
      assertThat(r.out()).as("%s", day).startsWith("::notice file=").contains("title=Kept H18 notice::the next update");
      Path site = dir.resolve("site-" + day);
      assertThat(kept(day, "build", "--strict", "--charter", charter.toString(), "--out", site.toString()).code())
          .as("%s", day)
          .isEqualTo(ExitCode.OK);
    }
    // A warning still fails with --strict: here, a row for a month in progress with no 'published'.
    Path inProgress =
        Fixtures.minimal()
            .with("charter.yaml", "organisation: Test Water\ntitle: Our promises\nnext_update: 2026-12-14\n")
            .with("figures/calls.csv", "period,cases,kept,excluded,note\n2026-07,100,96,0,\n2026-08,100,97,0,\n2026-09,100,94,0,\n2026-10,100,99,0,\n2026-11,5,5,0,\n")
            .writeTo(dir.resolve("in-progress"));
    assertThat(kept(LocalDate.of(2026, 11, 22), "check", "--strict", "--charter", inProgress.toString()).code())
        .isEqualTo(ExitCode.CHARTER_ERRORS);
  }

  @Test
  void h13_h18_withoutPublishedARowForAPeriodInProgressIsWarnedAbout() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with("charter.yaml", "organisation: Test Water\ntitle: Our promises\nnext_update: 2026-12-14\n")
            .with(
                "figures/calls.csv",
                "period,cases,kept,excluded,note\n2026-07,100,96,0,\n2026-08,100,97,0,\n2026-09,100,94,0,\n"
                    + "2026-10,100,99,0,\n2026-11,50,49,0,\n");
    Path charter = fixture.writeTo(dir.resolve("charter"));
    Run r = kept(LocalDate.of(2026, 11, 22), "check", "--charter", charter.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err())
        .contains(
            "/charter.yaml:1:1: warning: charter.yaml has no 'published' date, and the figures have a row"
                + " for 2026-11, which has not ended")
        .contains("hint: Write 'published: 2026-11-22'");
  }
}
