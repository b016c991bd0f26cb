package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kept.Pipeline;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code kept build} writes: charter.json, each promise's data.json, their schema, and the figures CSVs. */
public class DataRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path build(Path charter, Path out) throws Exception {
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, out).build();
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    return out;
  }

  @Test
  void charterJsonAndEveryRecordMatchTheirPublishedSchema() throws Exception {
    Path site = build(Fixtures.exampleCharter(), dir.resolve("site"));
    assertMatchesSchema(site);
  }

  /** charter.json and every promise's data.json of {@code site} against the site's own schema. */
  public static void assertMatchesSchema(Path site) throws IOException {
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.newInputStream(site.resolve("charter.schema.json")));
    JsonNode charter = JSON.readTree(site.resolve("charter.json").toFile());
    assertThat(charter.get("format").asText()).isEqualTo("kept-charter/2");
    assertThat(schema.validate(charter)).as("charter.json").isEmpty();
    assertThat(charter.get("promises")).isNotEmpty();
    for (JsonNode promise : charter.get("promises")) {
      assertThat(promise.has("periods")).as("no periods in charter.json").isFalse();
      Path record = site.resolve(promise.get("data").asText());
      assertThat(record).as("the record charter.json names").isEqualTo(site.resolve("promises/" + promise.get("id").asText() + "/data.json"));
      Set<ValidationMessage> errors = schema.validate(JSON.readTree(record.toFile()));
      assertThat(errors).as(record.toString()).isEmpty();
    }
  }

  @Test
  void aRecordHasEachPeriodOnALineOfItsOwnForReadableDiffs() throws Exception {
    Path site = build(Fixtures.exampleCharter(), dir.resolve("site"));
    Path record = site.resolve("promises/answer-calls/data.json");
    List<String> lines = Files.readAllLines(record);
    int periods = JSON.readTree(record.toFile()).get("periods").size();
    assertThat(periods).isEqualTo(25); // 24 complete months and the provisional one
    List<String> periodLines = lines.stream().filter(l -> l.startsWith("    {\"period\":")).toList();
    assertThat(periodLines).hasSize(periods);
    for (String line : periodLines) {
      assertThat(line).as("a whole period on its line").matches(".*\"note\":(\"[^\"]*\"|null)},?$");
      JsonNode period = JSON.readTree(line.replaceAll(",$", ""));
      assertThat(period.has("sentence")).as("no per-period sentence").isFalse();
      assertThat(period.has("exclusion_sentence")).isFalse();
    }
  }

  @Test
  void charterJsonIsWellFormedWithOneOrNoPromises() throws Exception {
    Path one = build(Fixtures.minimal().writeTo(dir.resolve("one")), dir.resolve("one-site"));
    assertThat(JSON.readTree(one.resolve("charter.json").toFile()).get("promises")).hasSize(1);
    assertThat(JSON.readTree(one.resolve("promises/calls/data.json").toFile()).get("periods")).isNotEmpty();
    Path none =
        build(
            Fixtures.minimal()
                .with(
                    "promises/calls.yaml",
                    """
                    title: Answering calls
                    status: draft
                    promise: We answer your call within 2 minutes.
                    measure: none
                    not_covered: []
                    remedy: none
                    """)
                .without("figures/calls.csv")
                .writeTo(dir.resolve("none")),
            dir.resolve("none-site"));
    String json = Files.readString(none.resolve("charter.json"));
    assertThat(JSON.readTree(json).get("promises")).isEmpty();
    assertThat(json).endsWith("\"promises\" : [ ]\n}\n");
  }

  @Test
  void theSchemaRejectsWhatItShould() throws Exception {
    Path site = build(Fixtures.exampleCharter(), dir.resolve("site"));
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Files.newInputStream(site.resolve("charter.schema.json")));
    String json = Files.readString(site.resolve("charter.json"));
    assertThat(schema.validate(JSON.readTree(json.replaceFirst("\"verdict\" : \"MISSED\"", "\"verdict\" : \"KEPT\"")))).isNotEmpty();
    assertThat(schema.validate(JSON.readTree(json.replaceFirst("\"display\" : ", "\"shown\" : ")))).isNotEmpty();
    assertThat(schema.validate(JSON.readTree(json.replaceFirst("\"format\" : \"kept-charter/2\"", "\"format\" : \"kept-charter/1\"")))).isNotEmpty();
    String record = Files.readString(site.resolve("promises/answer-calls/data.json"));
    assertThat(schema.validate(JSON.readTree(record.replaceFirst("\"verdict\":\"MISSED\"", "\"verdict\":\"KEPT\"")))).isNotEmpty();
    assertThat(schema.validate(JSON.readTree(record.replaceFirst("\"note\":", "\"sentence\":\"x\",\"note\":")))).as("a period has no sentence").isNotEmpty();
  }

  @Test
  void buildingTwiceGivesByteIdenticalFiles() throws Exception {
    Path a = build(Fixtures.exampleCharter(), dir.resolve("a"));
    Path b = build(Fixtures.exampleCharter(), dir.resolve("b"));
    List<Path> filesA = files(a);
    assertThat(filesA).hasSizeGreaterThan(5).isEqualTo(files(b));
    for (Path rel : filesA) {
      assertThat(Files.readAllBytes(b.resolve(rel))).as(rel.toString()).isEqualTo(Files.readAllBytes(a.resolve(rel)));
    }
  }

  @Test
  void charterJsonCarriesEveryFieldTheIssueNames() throws Exception {
    JsonNode root = JSON.readTree(build(Fixtures.exampleCharter(), dir.resolve("site")).resolve("charter.json").toFile());
    assertThat(root.get("organisation").asText()).isEqualTo("Tamar Vale Water");
    assertThat(root.get("published").asText()).isEqualTo("2026-11-16");
    assertThat(root.get("next_update").asText()).isEqualTo("2026-12-14");
    JsonNode calls = root.get("promises").get(0);
    assertThat(calls.get("id").asText()).isEqualTo("answer-calls");
    for (String field : List.of("id", "title", "status", "unit", "target", "headline", "latest", "data")) {
      assertThat(calls.has(field)).as(field).isTrue();
    }
    // The latest complete period, with its sentence, in charter.json.
    JsonNode latest = calls.get("latest");
    assertThat(latest.get("period").asText()).isEqualTo("2026-10");
    assertThat(latest.get("sentence").asText()).startsWith("In October 2026, we kept this promise for 9,496 of 10,000 calls (94.96%)");
    Path site = dir.resolve("site");
    JsonNode record = JSON.readTree(site.resolve(calls.get("data").asText()).toFile());
    assertThat(record.get("id").asText()).isEqualTo("answer-calls");
    assertThat(record.get("figures_csv").asText()).isEqualTo("../../figures/answer-calls.csv");
    assertThat(site.resolve("promises/answer-calls").resolve(record.get("figures_csv").asText()).normalize()).isRegularFile();
    JsonNode october = record.get("periods").get(23);
    assertThat(october.get("period").asText()).isEqualTo("2026-10");
    assertThat(october.get("cases").asLong()).isEqualTo(10000);
    assertThat(october.get("kept").asLong()).isEqualTo(9496);
    assertThat(october.get("excluded").asLong()).isEqualTo(98);
    assertThat(october.get("excluded_by_reason").get("hung-up-early").asLong()).isEqualTo(98);
    assertThat(october.get("display").asText()).isEqualTo("94.96%");
    assertThat(october.get("verdict").asText()).isEqualTo("MISSED");
    assertThat(october.get("qualifier").asText()).isEqualTo("within normal variation");
    assertThat(october.get("low").asDouble()).isBetween(0.9451, 0.9452);
    assertThat(october.get("high").asDouble()).isBetween(0.9537, 0.9538);
    assertThat(october.get("exclusion_flag").isBoolean()).isTrue();
    assertThat(october.get("low_display").asText()).isEqualTo("94.5%");
    assertThat(october.has("sentence")).isFalse();
    // The period's sentence, with its denominator, is still in its figures CSV (H4, H10).
    assertThat(Files.readString(site.resolve("figures/answer-calls.csv")))
        .contains("In October 2026, we kept this promise for 9,496 of 10,000 calls (94.96%)");
    JsonNode headline = calls.get("headline");
    assertThat(headline.get("from").asText()).isEqualTo("2025-11");
    assertThat(headline.get("to").asText()).isEqualTo("2026-10");
    JsonNode gap = JSON.readTree(site.resolve(root.get("promises").get(1).get("data").asText()).toFile()).get("periods").get(4);
    assertThat(gap.get("verdict").asText()).isEqualTo("NO_DATA");
    assertThat(gap.get("note").asText()).startsWith("Figures were lost");
    assertThat(gap.get("cases").isNull()).isTrue();
  }

  @Test
  void csvCellsAreNeutralisedAgainstFormulaInjection() throws Exception {
    Path charter =
        Fixtures.minimal()
            .with(
                "figures/calls.csv",
                """
                period,cases,kept,excluded,note
                2026-07,100,96,0,"=HYPERLINK(""http://attacker.example"",""click"")"
                2026-08,,,,@SUM(1+1)
                2026-09,100,94,0,+1
                2026-10,100,99,0,-2
                """)
            .writeTo(dir.resolve("charter"));
    String csv = Files.readString(build(charter, dir.resolve("site")).resolve("figures/calls.csv"));
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"click\"\")\"");
    assertThat(csv).contains(",'@SUM(1+1)\n").contains(",'+1\n").contains(",'-2\n");
    for (String line : csv.split("\n")) {
      for (String cell : line.split(",")) {
        assertThat(cell).doesNotMatch("^\"?[=+@-].*");
      }
    }
  }

  @Test
  void theFiguresCsvHasTheComputedColumns() throws Exception {
    String csv = Files.readString(build(Fixtures.exampleCharter(), dir.resolve("site")).resolve("figures/fix-leaks.csv"));
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo(
            "period,cases,kept,excluded,excluded:no-access,excluded:third-party,target,display,low,"
                + "high,low_display,high_display,verdict,qualifier,few_cases,exclusion_share,"
                + "rate_if_excluded_not_kept,exclusion_flag,provisional,sentence,exclusion_sentence,note");
    assertThat(csv.lines().count()).isEqualTo(25);
  }

  @Test
  void draftsAreCheckedButNeverPublished() throws Exception {
    Path charter =
        Fixtures.minimal()
            .with(
                "promises/letters.yaml",
                """
                title: Answering letters
                status: draft
                promise: We answer letters within 5 days.
                unit: letters
                kept_when: we replied within 5 days
                target: 90%
                since: 2026-07
                not_covered: []
                remedy: none
                """)
            .writeTo(dir.resolve("charter"));
    Path site = build(charter, dir.resolve("site"));
    assertThat(Files.readString(site.resolve("charter.json"))).doesNotContain("letters");
    Path brokenDraft =
        CharterFixture.of(Fixtures.MINIMAL)
            .with("promises/letters.yaml", "title: Answering letters\nstatus: draft\ntarget: 950%\n")
            .writeTo(dir.resolve("broken"));
    assertThat(Fixtures.check(brokenDraft).hasErrors()).isTrue();
  }

  private static List<Path> files(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(out::add);
    }
    return out;
  }
}
