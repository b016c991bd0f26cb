package dev.kept.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.kept.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kept new charter DIR} (issue 15): from an empty folder, the charter it writes checks and
 * builds at once, on any day; every schema path it names (the VS Code mappings and each file's
 * first line) resolves to a schema it wrote; what it writes is valid by those schemas; it refuses a
 * folder that holds anything.
 */
class NewCharterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern MODELINE = Pattern.compile("\\A# yaml-language-server: \\$schema=(\\S+)\n");

  @TempDir Path dir;

  /** Kept run on {@code day}, as SOURCE_DATE_EPOCH sets it. */
  static Run on(LocalDate day, String... args) {
    long epoch = day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
    return MainTest.run(Map.of("SOURCE_DATE_EPOCH", Long.toString(epoch)), args);
  }

  private Path made(LocalDate day) {
    Path water = dir.resolve("water");
    Run r = on(day, "new", "charter", water.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.err()).isEmpty();
    return water;
  }

  @Test
  void fromAnEmptyFolderNewCharterThenCheckThenBuildSucceed() throws IOException {
    LocalDate today = LocalDate.of(2026, 12, 5);
    Path water = made(today);
    assertThat(files(water))
        .containsExactly(
            ".github/workflows/kept.yml", ".gitignore", ".vscode/extensions.json", ".vscode/settings.json",
            "README.md", "charter/charter.yaml", "charter/figures/answer-calls.csv",
            "charter/promises/answer-calls.yaml", "schema/charter.schema.json", "schema/promise.schema.json");

    Run check = on(today, "check", "--charter", water.resolve("charter").toString());
    assertThat(check.code()).as(check.err()).isEqualTo(ExitCode.OK);
    assertThat(check.out()).endsWith("charter: 1 promise checked, no errors.\n");
    assertThat(check.err()).as("no warning either").isEmpty();

    Run build = on(today, "build", "--charter", water.resolve("charter").toString(), "--out", water.resolve("site").toString());
    assertThat(build.code()).as(build.err()).isEqualTo(ExitCode.OK);
    assertThat(build.err()).isEmpty();
    String index = Files.readString(water.resolve("site/index.html"));
    assertThat(index)
        .contains("Answering your calls", "Published 5 December 2026.", "Next update due 5 January 2027.")
        .contains("December 2025 to November 2026");
    assertThat(water.resolve("site/promises/answer-calls/index.html")).isRegularFile();
    assertThat(Files.readString(water.resolve(".gitignore"))).startsWith("site/\n");
  }

  /** The figures end with the month before today's, whatever today is: on a month's first and last days, at a year's turn, on 29 February. */
  @ParameterizedTest
  @ValueSource(strings = {"2027-01-01", "2026-12-31", "2028-02-29", "2026-03-01"})
  void theCharterChecksOnTheDayItIsMadeWhateverTheDay(String day) throws IOException {
    LocalDate today = LocalDate.parse(day);
    Path water = made(today);
    Run check = on(today, "check", "--charter", water.resolve("charter").toString());
    assertThat(check.code()).as(check.err()).isEqualTo(ExitCode.OK);
    assertThat(check.err()).isEmpty();
    String csv = Files.readString(water.resolve("charter/figures/answer-calls.csv"));
    String lastMonth = today.minusMonths(1).toString().substring(0, 7);
    assertThat(csv.lines().toList()).hasSize(13).last().asString().startsWith(lastMonth + ",");
    assertThat(Files.readString(water.resolve("charter/charter.yaml"))).contains("\npublished: " + today + "\n");
  }

  /** published is written, so the unchanged charter does not fail when the month turns. */
  @Test
  void theUnchangedCharterStillChecksAfterTheMonthTurns() {
    Path water = made(LocalDate.of(2026, 12, 31));
    for (LocalDate later : List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 2))) {
      Run check = on(later, "check", "--charter", water.resolve("charter").toString());
      assertThat(check.code()).as(later + ": " + check.err()).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void everySchemaPathItNamesResolvesToASchemaItWrote() throws IOException {
    Path water = made(LocalDate.of(2026, 12, 5));
    // kept new promise, run in the new charter with its default --charter charter, names the schema too.
    Run promise = on(LocalDate.of(2026, 12, 5), "new", "promise", "answer-emails", "--charter", water.resolve("charter").toString());
    assertThat(promise.code()).as(promise.err()).isEqualTo(ExitCode.OK);

    // Each YAML file's first line names its schema by a path from the file's folder.
    List<Path> yamls = new ArrayList<>();
    try (Stream<Path> all = Files.walk(water.resolve("charter"))) {
      all.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(yamls::add);
    }
    assertThat(yamls).hasSize(3);
    for (Path yaml : yamls) {
      Matcher m = MODELINE.matcher(Files.readString(yaml));
      assertThat(m.find()).as(yaml + " starts with the line naming its schema").isTrue();
      Path schema = yaml.getParent().resolve(m.group(1)).normalize();
      String expected = yaml.getFileName().toString().equals("charter.yaml") ? "charter.schema.json" : "promise.schema.json";
      assertThat(schema).as(yaml.toString()).isEqualTo(water.resolve("schema").resolve(expected)).isRegularFile();
    }

    // VS Code's yaml.schemas: schema paths from the workspace folder, each mapped to globs that
    // match the files it describes, and no other.
    JsonNode mappings = JSON.readTree(water.resolve(".vscode/settings.json").toFile()).get("yaml.schemas");
    assertThat(mappings).isNotNull();
    List<String> covered = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = mappings.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path schema = water.resolve(e.getKey()).normalize();
      assertThat(schema).as(e.getKey()).isRegularFile().startsWith(water.resolve("schema"));
      String expectedFor = schema.getFileName().toString().equals("charter.schema.json") ? "charter.yaml" : "promises";
      for (JsonNode glob : e.getValue()) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.asText());
        List<Path> matched = yamls.stream().map(water::relativize).filter(matcher::matches).toList();
        assertThat(matched).as(glob.asText()).isNotEmpty().allMatch(p -> p.toString().contains(expectedFor));
        matched.forEach(p -> covered.add(p.toString()));
      }
    }
    assertThat(covered).hasSize(3);

    // The schemas written are Kept's own, as packed in the jar from schema/.
    for (String name : List.of("charter.schema.json", "promise.schema.json")) {
      assertThat(Files.readString(water.resolve("schema").resolve(name))).isEqualTo(Files.readString(Path.of("schema", name)));
    }
    // VS Code offers the YAML extension that reads these mappings.
    assertThat(JSON.readTree(water.resolve(".vscode/extensions.json").toFile()).get("recommendations").get(0).asText())
        .isEqualTo("redhat.vscode-yaml");
  }

  @Test
  void theYamlItWritesIsValidByTheSchemasItWrites() throws IOException {
    Path water = made(LocalDate.of(2026, 12, 5));
    Run promise = on(LocalDate.of(2026, 12, 5), "new", "promise", "answer-emails", "--charter", water.resolve("charter").toString());
    assertThat(promise.code()).as(promise.err()).isEqualTo(ExitCode.OK);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    JsonSchema charterSchema = factory.getSchema(Files.newInputStream(water.resolve("schema/charter.schema.json")));
    JsonSchema promiseSchema = factory.getSchema(Files.newInputStream(water.resolve("schema/promise.schema.json")));
    assertThat(charterSchema.validate(YAML.readTree(water.resolve("charter/charter.yaml").toFile()))).isEmpty();
    for (String id : List.of("answer-calls", "answer-emails")) {
      JsonNode node = YAML.readTree(water.resolve("charter/promises/" + id + ".yaml").toFile());
      assertThat(promiseSchema.validate(node)).as(id).isEmpty();
    }
    // Every key of charter.yaml is there and explained: set, or shown after '# ' to switch on.
    String charter = Files.readString(water.resolve("charter/charter.yaml"));
    JsonNode keys = JSON.readTree(water.resolve("schema/charter.schema.json").toFile()).get("properties");
    for (Iterator<String> it = keys.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      assertThat(charter).as(key).containsPattern("(?m)^(# )?" + key + ":");
      assertThat(charter).as(key + " has a comment above it").containsPattern("(?m)^#.*\n(# )?" + key + ":");
    }
  }

  @Test
  void theWorkflowChecksPullRequestsAndPublishesMainWithTheReusableAction() throws IOException {
    Path water = made(LocalDate.of(2026, 12, 5));
    JsonNode flow = YAML.readTree(water.resolve(".github/workflows/kept.yml").toFile());
    assertThat(flow.get("on").has("pull_request")).isTrue();
    assertThat(flow.get("on").get("push").get("branches").get(0).asText()).isEqualTo("main");
    JsonNode check = flow.get("jobs").get("check");
    assertThat(check.get("if").asText()).contains("pull_request");
    JsonNode kept = step(check, "kept-dev/kept@v1");
    assertThat(kept.get("with").get("command").asText()).isEqualTo("check");
    assertThat(kept.get("with").get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("SNAPSHOT");
    JsonNode publish = flow.get("jobs").get("publish");
    assertThat(step(publish, "kept-dev/kept@v1").get("with").get("command").asText()).isEqualTo("build");
    assertThat(step(publish, "actions/upload-pages-artifact@v3").get("with").get("path").asText()).isEqualTo("site");
    assertThat(step(publish, "actions/deploy-pages@v4")).isNotNull();
    assertThat(publish.get("permissions").get("pages").asText()).isEqualTo("write");
    assertThat(publish.get("permissions").get("id-token").asText()).isEqualTo("write");
    assertThat(publish.get("environment").get("name").asText()).isEqualTo("github-pages");
  }

  private static JsonNode step(JsonNode job, String uses) {
    for (JsonNode s : job.get("steps")) {
      if (s.has("uses") && s.get("uses").asText().equals(uses)) {
        return s;
      }
    }
    throw new AssertionError("no step uses " + uses + " in " + job);
  }

  @Test
  void refusesAFolderThatHoldsAnythingAndWritesNothing() throws IOException {
    Path water = Files.createDirectories(dir.resolve("water"));
    Files.writeString(water.resolve("notes.txt"), "mine\n");
    Run r = on(LocalDate.of(2026, 12, 5), "new", "charter", water.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).isEqualTo(
        "kept: " + water + " is not empty (it holds notes.txt); nothing was written.\n"
            + "  hint: Name a new folder, such as: kept new charter water-charter\n");
    assertThat(r.out()).isEmpty();
    assertThat(files(water)).containsExactly("notes.txt");

    // A hidden file counts; only a bare .git (a repository just cloned) does not.
    Path hidden = Files.createDirectories(dir.resolve("hidden"));
    Files.writeString(hidden.resolve(".env"), "x\n");
    assertThat(on(LocalDate.of(2026, 12, 5), "new", "charter", hidden.toString()).code()).isEqualTo(ExitCode.USAGE);
    assertThat(files(hidden)).containsExactly(".env");

    Path file = Files.writeString(dir.resolve("a-file"), "x\n");
    Run onFile = on(LocalDate.of(2026, 12, 5), "new", "charter", file.toString());
    assertThat(onFile.code()).isEqualTo(ExitCode.USAGE);
    assertThat(onFile.err()).contains("is a file, not a folder; nothing was written");
    assertThat(file).hasContent("x");

    Path cloned = Files.createDirectories(dir.resolve("cloned/.git"));
    Files.writeString(cloned.resolve("HEAD"), "ref: refs/heads/main\n");
    assertThat(on(LocalDate.of(2026, 12, 5), "new", "charter", dir.resolve("cloned").toString()).code()).isEqualTo(ExitCode.OK);
    assertThat(dir.resolve("cloned/charter/charter.yaml")).isRegularFile();
    assertThat(cloned.resolve("HEAD")).hasContent("ref: refs/heads/main");
  }

  @Test
  void createsTheFolderAndItsParentsAndNamesTheOrganisation() throws IOException {
    Path deep = dir.resolve("a/b/water");
    Run r = on(LocalDate.of(2026, 12, 5), "new", "charter", deep.toString(), "--organisation", "Tamar \"Vale\" Water");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("cd " + deep + " && kept check && kept serve");
    assertThat(Files.readString(deep.resolve("charter/charter.yaml"))).contains("\norganisation: \"Tamar \\\"Vale\\\" Water\"\n");
    assertThat(Files.readString(deep.resolve("README.md"))).startsWith("# Tamar \"Vale\" Water: our promises to customers\n");
    Run check = on(LocalDate.of(2026, 12, 5), "check", "--charter", deep.resolve("charter").toString());
    assertThat(check.code()).as(check.err()).isEqualTo(ExitCode.OK);
    Run build = on(LocalDate.of(2026, 12, 5), "build", "--charter", deep.resolve("charter").toString(), "--out", deep.resolve("site").toString());
    assertThat(build.code()).as(build.err()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(deep.resolve("site/index.html"))).contains("Tamar &quot;Vale&quot; Water");

    Run control = on(LocalDate.of(2026, 12, 5), "new", "charter", dir.resolve("x").toString(), "--organisation", "A\u001Bb");
    assertThat(control.code()).isEqualTo(ExitCode.USAGE);
    assertThat(control.err()).contains("--organisation should be a name on one line").doesNotContain("\u001B");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void newAloneAndNewPromiseOutsideACharterSayHowToStartOne() {
    Run alone = MainTest.run("new");
    assertThat(alone.code()).isEqualTo(ExitCode.USAGE);
    assertThat(alone.err()).contains("kept new charter DIR");
    Run promise = MainTest.run("new", "promise", "calls", "--charter", dir.resolve("charter").toString());
    assertThat(promise.code()).isEqualTo(ExitCode.CHARTER_ERRORS);
    assertThat(promise.err()).contains("has no charter.yaml").contains("start a charter with: kept new charter DIR");
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
