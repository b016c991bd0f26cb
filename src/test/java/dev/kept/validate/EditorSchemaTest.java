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
import dev.kept.testing.BadCorpus;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor schemas in {@code schema/} say what the loader accepts: every YAML file of the example
 * and of the broken corpus is held against both, and the test fails where they disagree about
 * whether the file's keys and values are well-formed.
 */
class EditorSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  /** Messages of Kept's that a schema can make too: keys, shapes and single values. */
  private static final Pattern SCHEMA_LEVEL =
      Pattern.compile(
          "unknown key|is missing from|is empty in|should be text|should be a list|should be a mapping|"
              + "cannot be '|is not a percentage|target of 0%|is above 100%|more than 6 decimals|"
              + "either 'target' or 'targets'|needs 'retired'|but the status is|has no description|"
              + "not a valid exclusion reason code|the promise has no target|with 'measure: none' has no|"
              + "'measure' can only be|should be a whole number from|should be a date written|which is not a day|"
              + "is not a full web|should be a month such as|each item of|not a lint rule|appears twice in 'order'|"
              + "in 'order' is not a promise id|does not say which miss it explains|"
              + "either a 'period' or a 'headline'|should be one line of plain text|is set but the promise says 'remedy: none'|"
              + "a change of target needs a 'reason'|does not say what counts as kept|characters long, more than the limit of|"
              + "only applies when 'period' is year|should be a school grade");

  /** Messages of the loader's: the file could not be read as plain YAML, so its keys were never seen. */
  private static final Pattern LOAD_LEVEL =
      Pattern.compile(
          "aliases|the tag|merge keys|appears twice \\(first|the YAML|a tab is|not valid UTF-8|"
              + "is not a valid promise id|more than one YAML document|the file is empty|nests|expands to more than|"
              + "non-breaking space|contains (a control character|a bidirectional|a line separator|"
              + "a paragraph separator|a noncharacter|half of a character)");

  static JsonSchema schema(String name) throws IOException {
    return FACTORY.getSchema(Files.newInputStream(Path.of("schema", name)));
  }

  /**
   * YAML 1.1 words that Kept, like the YAML 1.2 language server in editors, reads as text; Jackson,
   * which this test reads the files with, reads them as booleans, so its schema check differs.
   */
  private static final Set<String> YAML_11_WORDS = Set.of("yaml-no-stays-text", "yaml-on-off-stay-text");

  /** The bad-input corpus, less the cases about links and themes, which no schema sees. */
  static Stream<String> corpus() {
    return BadCorpus.cases().stream()
        .filter(n -> BadCorpus.expect(n).links().isEmpty() && !Files.isDirectory(BadCorpus.ROOT.resolve(n).resolve("theme")))
        .filter(n -> !YAML_11_WORDS.contains(n));
  }

  @Test
  void theExampleCharterMatchesItsSchemas() throws IOException {
    Path charter = Fixtures.exampleCharter();
    assertThat(errors("charter.schema.json", charter.resolve("charter.yaml"))).isEmpty();
    try (Stream<Path> files = Files.list(charter.resolve("promises"))) {
      for (Path file : files.sorted().toList()) {
        assertThat(errors("promise.schema.json", file)).as(file.toString()).isEmpty();
        assertThat(Files.readString(file)).startsWith("# yaml-language-server: $schema=../../schema/promise.schema.json");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void schemaAndLoaderAgreeOnTheCorpus(String name, @TempDir Path dir) throws IOException {
    Path charter = BadCorpus.write(name, dir);
    Pipeline.Outcome outcome = Fixtures.check(charter);
    List<Path> yamls = new ArrayList<>();
    yamls.add(charter.resolve("charter.yaml"));
    try (Stream<Path> files = Files.list(charter.resolve("promises"))) {
      files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(yamls::add);
    }
    for (Path file : yamls) {
      Optional<Set<ValidationMessage>> schemaErrors =
          errorsIfReadable(file.getFileName().toString().equals("charter.yaml") ? "charter.schema.json" : "promise.schema.json", file);
      if (schemaErrors.isEmpty()) {
        continue; // not YAML an editor can read either: the loader's syntax errors cover it
      }
      String shown = "charter/" + charter.relativize(file).toString().replace('\\', '/');
      boolean unread =
          outcome.findings().stream()
              .anyMatch(f -> f.pos().file().equals(shown) && LOAD_LEVEL.matcher(f.message()).find());
      if (unread) {
        continue; // the loader refused the file before reading its keys; its own error says why
      }
      List<String> keptSays =
          outcome.findings().stream()
              .filter(f -> f.severity() == Severity.ERROR && f.pos().file().equals(shown))
              .map(Finding::message)
              .filter(m -> SCHEMA_LEVEL.matcher(m).find())
              .toList();
      assertThat(!schemaErrors.get().isEmpty())
          .as("%s, %s: the schema says %s; Kept says %s", name, shown, schemaErrors.get(), keptSays)
          .isEqualTo(!keptSays.isEmpty());
    }
  }

  @Test
  void theSchemasRejectTheCorpusSchemaLevelCases(@TempDir Path dir) throws IOException {
    List<String> rejected = new ArrayList<>();
    for (String name : corpus().toList()) {
      Path charter = BadCorpus.write(name, dir.resolve(name));
      boolean schemaRejects =
          errorsIfReadable("charter.schema.json", charter.resolve("charter.yaml")).map(e -> !e.isEmpty()).orElse(false);
      try (Stream<Path> files = Files.list(charter.resolve("promises"))) {
        for (Path file : files.toList()) {
          schemaRejects |= errorsIfReadable("promise.schema.json", file).map(e -> !e.isEmpty()).orElse(false);
        }
      }
      if (schemaRejects) {
        rejected.add(name);
      }
    }
    assertThat(rejected)
        .contains(
            "yaml-misspelt-key", "yaml-yes-is-not-a-status", "charter-missing-required", "charter-bad-period",
            "promise-target-and-targets", "promise-zero-target", "promise-target-not-a-percentage",
            "promise-retired-without-date", "promise-missing-required", "yaml-list-where-text-belongs",
            "yaml-octal-stays-text");
  }

  private static Set<ValidationMessage> errors(String schema, Path file) throws IOException {
    return errorsIfReadable(schema, file).orElseThrow(() -> new AssertionError(file + " is not readable YAML"));
  }

  private static Optional<Set<ValidationMessage>> errorsIfReadable(String schema, Path file) throws IOException {
    JsonNode node;
    try {
      node = YAML.readTree(file.toFile());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (node == null || node.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(schema(schema).validate(node));
  }
}
