package dev.kept.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kept.Pipeline;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Canadian example, imported from the Government of Canada's open data, builds; and a dozen
 * standards' figures agree with the source rows, judged independently here by the honesty rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanadaExampleTest {
  static final Path SOURCE = Path.of("examples/canada/source/gc-service-standards-2023-24.csv");
  static final Path CHARTER = Path.of("examples/canada/charter");
  static final BigDecimal Z2 = new BigDecimal("1.959963984540054").pow(2);

  JsonNode charter;
  Map<String, JsonNode> byId = new HashMap<>();
  Path site;

  @BeforeAll
  void build(@TempDir Path dir) throws Exception {
    Pipeline.Outcome outcome = Fixtures.pipeline(CHARTER.toAbsolutePath(), dir.resolve("site")).build();
    // Clean but for H22's warnings (the imported standards' clear misses have no accounts) and
    // H18's notice: the next update the import gave, 2026-03-31, is before the build date, so
    // every page says the update is late, and the build still succeeds.
    assertThat(outcome.findings())
        .as("the Canadian example checks clean")
        .allMatch(f -> !f.isError() && f.rule().equals(java.util.Optional.of("H22"))
            || f.severity() == dev.kept.model.Severity.NOTICE && f.rule().equals(java.util.Optional.of("H18")));
    assertThat(outcome.findings()).filteredOn(f -> !f.isError() && !f.isWarning())
        .extracting(dev.kept.model.Finding::headline)
        .containsExactly(
            "charter/charter.yaml:12:14: notice: the next update was due on 2026-03-31, 236 days ago"
                + " (today is 2026-11-22); every page of the site says it is late");
    assertThat(outcome.published()).isTrue();
    site = dir.resolve("site");
    charter = new ObjectMapper().readTree(site.resolve("charter.json").toFile());
    for (JsonNode p : charter.get("promises")) {
      byId.put(p.get("id").asText(), p);
    }
  }

  @Test
  void everyStandardIsAPromise() {
    assertThat(charter.get("promises").size()).isGreaterThan(2343);
    assertThat(charter.get("period").asText()).isEqualTo("year");
  }

  /** Canada's charter.json and its 2,300 records match the published schema (format 2). */
  @Test
  void theDataMatchesItsPublishedSchema() throws IOException {
    dev.kept.render.DataRendererTest.assertMatchesSchema(site);
  }

  @Test
  void aDozenStandardsMatchTheirSourceRowsJudgedIndependently() throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    try (Reader reader = Files.newBufferedReader(SOURCE, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it =
            mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    List<Integer> lines = recordLines(Files.readString(SOURCE, StandardCharsets.UTF_8));
    Map<String, Integer> idCount = new HashMap<>();
    rows.forEach(r -> idCount.merge(r.get("service_standard_id"), 1, Integer::sum));
    int checked = 0;
    for (int i = 0; i < rows.size() && checked < 12; i += 97) {
      Map<String, String> r = rows.get(i);
      String target = r.get("target");
      String kept = r.get("volume_meeting_target");
      String cases = r.get("total_volume");
      if (idCount.get(r.get("service_standard_id")) > 1 || !target.matches("0?\\.\\d+|1") || !kept.matches("\\d+") || !cases.matches("\\d+")) {
        continue;
      }
      long k = Long.parseLong(kept);
      long n = Long.parseLong(cases);
      if (k > n) {
        continue;
      }
      String id = promiseFor(lines.get(i + 1)); // record 0 is the header
      JsonNode period = lastPeriod(byId.get(id));
      assertThat(byId.get(id).get("latest")).as("charter.json's latest period is the record's").isEqualTo(withSentences(period, byId.get(id).get("latest")));
      assertThat(period.get("period").asText()).as(id).isEqualTo("2023-24");
      assertThat(period.get("cases").asLong()).as(id).isEqualTo(n);
      assertThat(period.get("kept").asLong()).as(id).isEqualTo(k);
      BigDecimal t = new BigDecimal(target);
      assertThat(new BigDecimal(period.get("target").asText().replace("%", "")).movePointLeft(2)).as(id).isEqualByComparingTo(t);
      assertThat(period.get("verdict").asText()).as("%s: %d of %d against %s", id, k, n, t).isEqualTo(verdict(k, n, t));
      checked++;
    }
    assertThat(checked).isEqualTo(12);
  }

  /** H2, H8, H9, computed here from the rules' text, not by Kept's code. */
  static String verdict(long k, long n, BigDecimal t) {
    if (n == 0) {
      return "NO_CASES";
    }
    boolean reached = BigDecimal.valueOf(k).compareTo(t.multiply(BigDecimal.valueOf(n))) >= 0;
    long nMin = 30;
    if (t.compareTo(BigDecimal.ONE) < 0) {
      nMin = Math.max(30, Z2.multiply(t).divide(BigDecimal.ONE.subtract(t), 0, RoundingMode.CEILING).longValueExact());
    }
    if (n < nMin) {
      return reached ? "TOO_FEW_TO_TELL" : "MISSED";
    }
    return reached ? "MET" : "MISSED";
  }

  /** The line each CSV record starts on, counting line breaks inside quoted cells. */
  static List<Integer> recordLines(String text) {
    List<Integer> starts = new ArrayList<>();
    int line = 1;
    boolean quoted = false;
    boolean atStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (atStart) {
        starts.add(line);
        atStart = false;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        line++;
        if (!quoted) {
          atStart = true;
        }
      }
    }
    return starts;
  }

  /** A promise's last period, from its whole record (promises/<id>/data.json). */
  private JsonNode lastPeriod(JsonNode promise) throws IOException {
    JsonNode periods = new ObjectMapper().readTree(site.resolve(promise.get("data").asText()).toFile()).get("periods");
    return periods.get(periods.size() - 1);
  }

  /** A record's period with the sentences charter.json's {@code latest} adds to it. */
  private static JsonNode withSentences(JsonNode period, JsonNode latest) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) period).deepCopy();
    copy.remove("note");
    copy.set("sentence", latest.get("sentence"));
    copy.set("exclusion_sentence", latest.get("exclusion_sentence"));
    copy.set("note", period.get("note"));
    return copy;
  }

  /** The promise imported from a line of the source: its file names that line in a comment. */
  private static String promiseFor(int line) throws IOException {
    String marker = "(gc-service-standards-2023-24.csv, line " + line + ")";
    try (Stream<Path> files = Files.list(CHARTER.resolve("promises"))) {
      for (Path f : files.toList()) {
        if (Files.readString(f).contains(marker)) {
          String name = f.getFileName().toString();
          return name.substring(0, name.length() - 5);
        }
      }
    }
    throw new AssertionError("no promise was imported from line " + line);
  }
}
