package dev.kept.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kept.Pipeline;
import dev.kept.model.Finding;
import dev.kept.model.Severity;
import dev.kept.schema.Schemas;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One source of truth for the format: the JSON Schemas packed in the jar ({@link Schemas}) and
 * {@code kept check} agree.
 *
 * <ul>
 *   <li>Every file of the corpus in {@code src/test/resources/schema-agreement/} ({@code charter/}
 *       files stand in for charter.yaml, {@code promise/} files for a promise of the minimal
 *       charter) is judged by networknt's validator with the schema and by {@code check}; a file's
 *       first line says what both must say: {@code # expect: valid} (both accept), {@code invalid}
 *       (both reject) or {@code check-only} (a rule no schema can express: the schema accepts,
 *       check rejects; its {@code # only check:} line names the rule as README lists it).
 *   <li>The schemas name exactly the keys the validator reads, mapping by mapping.
 *   <li>The jar's copies are the files in {@code schema/}.
 * </ul>
 *
 * The broken corpus of {@code src/test/resources/bad/} is held against the schemas too, by {@link
 * EditorSchemaTest}.
 */
class SchemaAgreementTest {
  static final Path ROOT = Path.of("src/test/resources/schema-agreement");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final Pattern EXPECT = Pattern.compile("\\A# expect: (valid|invalid|check-only)\\n");
  private static final Pattern ONLY_CHECK = Pattern.compile("^# only check: (.+)$", Pattern.MULTILINE);

  static Stream<String> corpus() throws IOException {
    List<String> cases = new ArrayList<>();
    for (String kind : Schemas.NAMES) {
      try (Stream<Path> files = Files.list(ROOT.resolve(kind))) {
        files.map(p -> kind + "/" + p.getFileName()).sorted().forEach(cases::add);
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void schemaAndCheckAgree(String name, @TempDir Path dir) throws IOException {
    String text = Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
    Matcher expect = EXPECT.matcher(text);
    assertThat(expect.find()).as("%s starts with '# expect: valid|invalid|check-only'", name).isTrue();
    String expected = expect.group(1);
    String kind = name.substring(0, name.indexOf('/'));
    String target = kind.equals("charter") ? "charter.yaml" : "promises/calls.yaml";
    Path charter = dir.resolve("charter");
    Fixtures.minimal().writeTo(charter);
    if (text.contains("measure: none")) {
      Files.delete(charter.resolve("figures/calls.csv")); // an unmeasured promise has no figures
    }
    Files.writeString(charter.resolve(target), text, StandardCharsets.UTF_8);

    Set<ValidationMessage> schemaSays;
    try {
      schemaSays = schema(kind).validate(YAML.readTree(text));
    } catch (IOException e) {
      // Not YAML 1.1, which the test reads with: the rule is one of spelling, which an editor's
      // YAML 1.2 reader does not apply either (a tab after 'key:'), so the schema sees the value.
      assertThat(expected).as("%s is not YAML the test can read: %s", name, e.getMessage()).isEqualTo("check-only");
      schemaSays = Set.of();
    }
    Pipeline.Outcome outcome = Fixtures.check(charter);
    // The rest of the minimal charter has no error (the minimal cases prove it), so every error is
    // this file's: in it, or in a file it changes the meaning of (a figures file under a new period).
    List<String> checkSays =
        outcome.findings().stream()
            .filter(f -> f.severity() == Severity.ERROR)
            .map(Finding::headline)
            .toList();

    String said = String.format("%s: the schema says %s; check says %s", name, schemaSays, checkSays);
    switch (expected) {
      case "valid" -> {
        assertThat(schemaSays).as(said).isEmpty();
        assertThat(checkSays).as(said).isEmpty();
      }
      case "invalid" -> {
        assertThat(schemaSays).as(said).isNotEmpty();
        assertThat(checkSays).as(said).isNotEmpty();
      }
      default -> {
        assertThat(schemaSays).as(said).isEmpty();
        assertThat(checkSays).as(said).isNotEmpty();
        Matcher rule = ONLY_CHECK.matcher(text);
        assertThat(rule.find()).as("%s names the rule only check can judge ('# only check: ...')", name).isTrue();
        assertThat(readmeRulesOnlyCheckJudges()).as("README's list of rules only check judges").contains(rule.group(1));
      }
    }
  }

  @Test
  void theCorpusHasEveryKindOfCase() throws IOException {
    Set<String> seen = new TreeSet<>();
    for (String name : corpus().toList()) {
      Matcher m = EXPECT.matcher(Files.readString(ROOT.resolve(name)));
      if (m.find()) {
        seen.add(name.substring(0, name.indexOf('/')) + " " + m.group(1));
      }
    }
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "charter valid", "charter invalid", "charter check-only",
            "promise valid", "promise invalid", "promise check-only");
  }

  @Test
  void theSchemasNameTheKeysTheValidatorReads() throws IOException {
    JsonNode charter = JSON.readTree(Schemas.read("charter"));
    JsonNode promise = JSON.readTree(Schemas.read("promise"));
    assertThat(keys(charter)).as("charter.yaml").containsExactlyInAnyOrderElementsOf(CharterValidator.CHARTER_KEYS);
    assertThat(keys(charter.at("/properties/lint"))).as("lint").containsExactlyInAnyOrderElementsOf(CharterValidator.LINT_KEYS);
    assertThat(keys(charter.at("/properties/lint/properties/off/items/enum"))).as("lint rules")
        .containsExactlyInAnyOrderElementsOf(Lint.RULES);
    assertThat(keys(promise)).as("a promise").containsExactlyInAnyOrderElementsOf(PromiseReader.KEYS);
    assertThat(keys(promise.at("/properties/targets/items"))).as("a target")
        .containsExactlyInAnyOrderElementsOf(PromiseReader.TARGET_KEYS);
    assertThat(keys(promise.at("/properties/retired"))).as("retired")
        .containsExactlyInAnyOrderElementsOf(PromiseReader.RETIRED_KEYS);
    assertThat(keys(promise.at("/properties/misses/items"))).as("an account of a miss")
        .containsExactlyInAnyOrderElementsOf(MissesReader.KEYS);
    assertThat(keys(promise.at("/properties/status/enum"))).as("statuses")
        .containsExactlyInAnyOrderElementsOf(PromiseReader.STATUSES);
    for (JsonNode mapping :
        List.of(charter, charter.at("/properties/lint"), promise, promise.at("/properties/targets/items"),
            promise.at("/properties/retired"), promise.at("/properties/misses/items"))) {
      assertThat(mapping.get("additionalProperties").asBoolean(true)).as("unknown keys are refused").isFalse();
    }
  }

  /** Every text has the same longest length in the schemas as in check ({@link TextLimits}). */
  @Test
  void theSchemasLimitTextsAsCheckDoes() throws IOException {
    JsonNode charter = JSON.readTree(Schemas.read("charter"));
    JsonNode promise = JSON.readTree(Schemas.read("promise"));
    int checked = 0;
    checked += limits(charter, "charter.yaml");
    checked += limits(charter.at("/properties/lint"), "'lint'");
    checked += limits(promise, "a promise");
    checked += limits(promise.at("/properties/targets/items"), "a target");
    checked += limits(promise.at("/properties/retired"), "'retired'");
    checked += limits(promise.at("/properties/misses/items"), "an account of a miss");
    assertThat(promise.at("/properties/exclusions/additionalProperties/maxLength").asInt()).isEqualTo(TextLimits.SHORT);
    assertThat(checked).as("limited texts").isGreaterThan(20);
  }

  /** Holds each text value (or each text item of a list) of a mapping's schema to its limit. */
  private static int limits(JsonNode mapping, String what) {
    int checked = 0;
    Iterator<java.util.Map.Entry<String, JsonNode>> fields = mapping.get("properties").fields();
    while (fields.hasNext()) {
      java.util.Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue().has("items") ? field.getValue().get("items") : field.getValue();
      boolean text = value.path("type").isArray() && value.path("type").toString().contains("\"boolean\"");
      if (text || value.has("maxLength")) {
        assertThat(value.path("maxLength").asInt(-1))
            .as("the longest '%s' in %s", field.getKey(), what)
            .isEqualTo(TextLimits.of(what, field.getKey()));
        checked++;
      }
    }
    return checked;
  }

  @Test
  void theJarsSchemasAreTheFilesInSchemaFolder() throws IOException {
    for (String name : Schemas.NAMES) {
      assertThat(Schemas.read(name)).isEqualTo(Files.readString(Path.of("schema", Schemas.fileName(name))));
      assertThat(JSON.readTree(Schemas.read(name)).get("$id").asText()).endsWith("/" + Schemas.fileName(name));
    }
  }

  @Test
  void anUnknownSchemaIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Schemas.read("figures"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("charter, promise");
  }

  /** The property names of a mapping's schema, or the words of an enum. */
  private static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
      return out;
    }
    Iterator<String> names = node.get("properties").fieldNames();
    names.forEachRemaining(out::add);
    return out;
  }

  private static JsonSchema schema(String kind) {
    return FACTORY.getSchema(Schemas.read(kind));
  }

  /** The bullets of README's list of the rules only {@code kept check} can judge. */
  static List<String> readmeRulesOnlyCheckJudges() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf("What only `kept check` can judge");
    assertThat(at).as("README has a section 'What only `kept check` can judge'").isGreaterThanOrEqualTo(0);
    String section = readme.substring(at);
    int next = section.indexOf("\n#", 1);
    section = next < 0 ? section : section.substring(0, next);
    List<String> rules = new ArrayList<>();
    Matcher m = Pattern.compile("^- \\*\\*(.+?)\\*\\*", Pattern.MULTILINE).matcher(section);
    while (m.find()) {
      rules.add(m.group(1));
    }
    return rules;
  }
}
