package dev.kept.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.publish.Publisher;
import dev.kept.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 items 2, 6, 12 and 13, at the command line: where the output may go, what a build that
 * has to wait for another says, the build date's range, and what {@code kept import} does with
 * numbers and years it cannot read.
 */
class PublishCliTest {
  @TempDir Path dir;


  @Test
  void anOutputFolderReachedThroughALinkIntoTheCharterIsRefused() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), charter);
    MainTest.Run r = MainTest.run("build", "--charter", charter.toString(), "--out", link.resolve("site").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("overlap").contains(charter.toRealPath() + "/site");
    assertThat(charter.resolve("site")).doesNotExist();
    // The other way round: the charter reached through a link inside the output.
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(dir.resolve("charter-link"), out);
    MainTest.Run r2 = MainTest.run("build", "--charter", dir.resolve("charter-link").toString(), "--out", out.toString());
    assertThat(r2.code()).as(r2.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r2.err()).contains("overlap");
  }

  @Test
  void anOutputFolderReachedThroughALinkIntoTheThemeIsRefused() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path theme = Files.createDirectories(dir.resolve("theme"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), theme);
    MainTest.Run r =
        MainTest.run("build", "--charter", charter.toString(), "--templates", theme.toString(),
            "--out", link.resolve("site").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--templates").contains("overlap").contains("theme folder");
    assertThat(theme.resolve("site")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "//", "/.", "/tmp/.."})
  void theRootAsTheOutputIsRefusedForWhatItIs(String out) throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    MainTest.Run r = MainTest.run("build", "--charter", charter.toString(), "--out", out);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("is the root of the file system").doesNotContain("overlap");
  }

  @Test
  void aBuildThatCannotGetTheOutputFolderInTimeGivesUpWithExitThree() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path site = dir.resolve("site");
    assertThat(MainTest.run("build", "--charter", charter.toString(), "--out", site.toString()).code()).isZero();
    byte[] before = Files.readAllBytes(site.resolve("index.html"));
    try (Publisher.Staging other = new Publisher(site).begin()) {
      MainTest.Run r = MainTest.run("build", "--charter", charter.toString(), "--out", site.toString(), "--wait", "1");
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err().lines().toList())
          .containsExactly(
              "kept: waiting for another build of " + site + " to finish…",
              "kept: another build of " + site + " is still running (it holds " + dir.resolve(".site.lock")
                  + "); gave up after waiting 1 second. Nothing was published by this build; run it again"
                  + " when the other one has finished, or wait longer with --wait.");
      assertThat(other.root()).isDirectory();
    }
    assertThat(Files.readAllBytes(site.resolve("index.html"))).isEqualTo(before);
  }

  @Test
  void aNegativeWaitIsAUsageError() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    MainTest.Run r = MainTest.run("build", "--charter", charter.toString(), "--out", dir.resolve("s").toString(), "--wait", "-1");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--wait");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999", "-1", "253402300800", "9223372036854775807", "1e9"})
  void aBuildDateOutOfRangeIsAUsageError(String epoch) throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    MainTest.Run r = MainTest.run(Map.of("SOURCE_DATE_EPOCH", epoch), "check", "--charter", charter.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("SOURCE_DATE_EPOCH must be a whole number of seconds").doesNotContain("internal error");
  }

  @Test
  void theLastDayOfYear9999IsABuildDate() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    MainTest.Run r = MainTest.run(Map.of("SOURCE_DATE_EPOCH", "253402300799"), "check", "--charter", charter.toString());
    assertThat(r.err()).doesNotContain("SOURCE_DATE_EPOCH").doesNotContain("internal error");
  }

  /**
   * A sibling of item 6 in a charter: a target of many digits was read whole as a BigDecimal to say
   * it is above 100% (900,000 digits: 130 s on a loaded host, 9 s now, nearly all of it SnakeYAML
   * scanning the long plain scalar); now only its whole part's length is looked at, and the finding
   * shows the start of it rather than 400,000 characters.
   */
  @Test
  void aTargetWithManyDigitsIsRefusedQuicklyWithAShortFinding() throws Exception {
    Path charter =
        Fixtures.minimal()
            .with("promises/calls.yaml", """
                title: Answering calls
                promise: We answer your call within 2 minutes.
                unit: calls
                kept_when: a person answered within 2 minutes
                target: %s%%
                since: 2026-07
                not_covered: []
                remedy: none
                """.formatted("9".repeat(400_000)))
            .writeTo(dir.resolve("charter"));
    long start = System.nanoTime();
    MainTest.Run r = MainTest.run("check", "--charter", charter.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.code()).isEqualTo(ExitCode.CHARTER_ERRORS);
    // The per-field length limit refuses it before its digits are read.
    assertThat(r.err()).contains("error: 'target' is 400,001 characters long, more than the limit of 200");
    assertThat(r.err().length()).isLessThan(2_000);
    assertThat(took).isLessThan(Duration.ofSeconds(60));
    System.out.println("a 400,000-digit target: refused in " + took.toMillis() + " ms");
    // Within the length limit, the finding still quotes at most 40 characters of it.
    Files.writeString(charter.resolve("promises/calls.yaml"),
        Files.readString(charter.resolve("promises/calls.yaml")).replaceFirst("9{400000}", "9".repeat(198)));
    MainTest.Run shorter = MainTest.run("check", "--charter", charter.toString());
    assertThat(shorter.code()).isEqualTo(ExitCode.CHARTER_ERRORS);
    assertThat(shorter.err()).contains("error: the target '" + "9".repeat(37) + "...' is above 100%");
    assertThat(shorter.err().length()).isLessThan(2_000);
  }

  // kept import gc-service-standards

  private static final String HEADER =
      "fiscal_yr,service_id,service_name_en,service_standard_id,service_standard_en,channel,target,"
          + "volume_meeting_target,total_volume,target_met,owner_org_title\n";

  private Path source(String... rows) throws Exception {
    Path csv = dir.resolve("source.csv");
    Files.writeString(csv, HEADER + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return csv;
  }

  private static String row(String year, String id, String target, String met, String total) {
    return year + ",1,Contact centre," + id + ",Answer calls within 60 seconds,TEL," + target + "," + met + ","
        + total + ",Y,Agriculture and Agri-Food Canada | Agriculture et Agroalimentaire Canada";
  }

  @ParameterizedTest
  @ValueSource(strings = {"FY23", "20", "2023", "2023-2025", "2023-25", "२०२३-२४", ""})
  void anImportWithAFiscalYearItCannotReadIsALocatedErrorAndWritesNothing(String year) throws Exception {
    Path csv = source(row("2023-2024", "1", "0.9", "90", "100"), row(year, "2", "0.9", "90", "100"));
    Path out = dir.resolve("imported");
    MainTest.Run r = MainTest.run("import", "gc-service-standards", csv.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.CHARTER_ERRORS);
    assertThat(r.err())
        .startsWith(csv + ":3:1: error: fiscal_yr '" + year + "' is not a fiscal year")
        .contains("\n  hint: ")
        .endsWith("1 row cannot be imported. Nothing was written; " + out + " is unchanged.\n")
        .doesNotContain("internal error");
    assertThat(out).doesNotExist();
    assertNothingBeside(out);
  }

  @Test
  void anImportWithAHugeTargetFinishesQuicklyAndSaysWhy() throws Exception {
    Path csv =
        source(
            row("2023-2024", "1", "1e999999999", "90", "100"),
            row("2023-2024", "2", "9".repeat(200_000), "90", "100"),
            row("2023-2024", "3", "0.9", "1e-999999999", "1e999999999"),
            row("2023-2024", "4", "0.9", "90", "100"));
    Path out = dir.resolve("imported");
    long start = System.nanoTime();
    MainTest.Run r = MainTest.run("import", "gc-service-standards", csv.toString(), "--out", out.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(r.err())
        .contains("source.csv:2: the target 1e999999999 is too long or too large a number to read")
        .contains("source.csv:3: the target " + "9".repeat(37) + "... is too long");
    assertThat(out.resolve("charter.yaml")).exists();
    assertThat(out.resolve(Publisher.MARKER)).as("an imported charter is not a site").doesNotExist();
    try (Stream<Path> s = Files.walk(out)) {
      assertThat(s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum()).isLessThan(100_000);
    }
    assertNothingBeside(out);
  }

  @Test
  void anImportIntoAFolderThatIsNotEmptyLeavesItAsItWas() throws Exception {
    Path csv = source(row("2023-2024", "1", "0.9", "90", "100"));
    Path out = Files.createDirectories(dir.resolve("imported"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    MainTest.Run r = MainTest.run("import", "gc-service-standards", csv.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains(out + " is not empty");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s).containsExactly(out.resolve("notes.txt"));
    }
    assertNothingBeside(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30", "2025-03-31\nlint: {off: [all]}", "tomorrow", ""})
  void anImportDateThatIsNotADateIsAUsageErrorAndWritesNothing(String date) throws Exception {
    Path csv = source(row("2023-2024", "1", "0.9", "90", "100"));
    Path out = dir.resolve("imported");
    MainTest.Run r =
        MainTest.run("import", "gc-service-standards", csv.toString(), "--out", out.toString(), "--published", date);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("kept: --published must be a date such as 2025-03-31");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void anImportIntoAnEmptyFolderFillsIt() throws Exception {
    Path csv = source(row("2023-2024", "1", "0.9", "90", "100"));
    Path out = Files.createDirectories(dir.resolve("imported"));
    MainTest.Run r = MainTest.run("import", "gc-service-standards", csv.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("charter.yaml")).exists();
    assertThat(MainTest.run(Map.of("SOURCE_DATE_EPOCH", "1743379200"), "check", "--charter", out.toString()).code())
        .isZero();
    assertNothingBeside(out);
  }

  /** Beside the output: nothing but the source, the output and its lock. */
  private void assertNothingBeside(Path out) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertThat(names).allMatch(n -> List.of("source.csv", out.getFileName().toString(), "." + out.getFileName() + ".lock").contains(n));
    }
  }
}
