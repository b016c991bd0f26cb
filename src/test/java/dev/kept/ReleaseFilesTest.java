package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reusable action's definition ({@code action.yml}) keeps the interface agreed for issue 15
 * (the workflow {@code kept new charter} writes and docs/github-actions.md depend on it), hands its
 * inputs to the shell that {@code ActionIT} runs under the names that shell reads, and the
 * workflows in docs/github-actions.md use only inputs it has. The release workflow releases only
 * version tags and attaches the files {@code .github/release/assets.sh} gathers.
 */
class ReleaseFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode action() throws IOException {
    return YAML.readTree(Path.of("action.yml").toFile());
  }

  @Test
  void theActionHasTheAgreedInputsAndDefaults() throws IOException {
    JsonNode inputs = action().get("inputs");
    List<String> names = new ArrayList<>();
    inputs.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("version", "charter", "out", "command", "args");
    assertThat(inputs.get("version").get("required").asBoolean()).isTrue();
    assertThat(inputs.get("charter").get("default").asText()).isEqualTo("charter");
    assertThat(inputs.get("out").get("default").asText()).isEqualTo("site");
    // Empty: check on pull requests, build otherwise, decided by the shell (ActionIT).
    assertThat(inputs.get("command").get("default").asText()).isEmpty();
  }

  @Test
  void theActionSetsUpJava17CachesByVersionAndRunsItsShell() throws IOException {
    JsonNode action = action();
    assertThat(action.get("runs").get("using").asText()).isEqualTo("composite");
    JsonNode steps = action.get("runs").get("steps");
    assertThat(steps.get(0).get("uses").asText()).startsWith("actions/setup-java@");
    assertThat(steps.get(0).get("with").get("distribution").asText()).isEqualTo("temurin");
    assertThat(steps.get(0).get("with").get("java-version").asText()).isEqualTo("17");
    assertThat(steps.get(1).get("uses").asText()).startsWith("actions/cache@");
    assertThat(steps.get(1).get("with").get("key").asText()).contains("${{ inputs.version }}");
    String home = steps.get(2).get("env").get("KEPT_HOME").asText();
    // The cached folder is the one fetch installs into: KEPT_HOME/kept-VERSION.
    assertThat(steps.get(1).get("with").get("path").asText()).isEqualTo(home + "/kept-${{ inputs.version }}");
    assertThat(steps.get(2).get("run").asText()).isEqualTo("\"$GITHUB_ACTION_PATH/.github/action/run.sh\" fetch");
    assertThat(steps.get(3).get("run").asText()).isEqualTo("\"$GITHUB_ACTION_PATH/.github/action/run.sh\" run");
    assertThat(steps.get(3).get("env").get("KEPT_HOME").asText()).isEqualTo(home);
    for (int i = 2; i <= 3; i++) {
      assertThat(steps.get(i).get("shell").asText()).isEqualTo("bash");
    }
  }

  @Test
  void everyVariableTheShellReadsIsSetByTheActionAndEveryInputReachesIt() throws IOException {
    String script = Files.readString(Path.of(".github/action/run.sh"));
    Set<String> read = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{?(KEPT_[A-Z_]+)").matcher(script);
    while (m.find()) {
      read.add(m.group(1));
    }
    Set<String> set = new TreeSet<>();
    Set<String> inputsUsed = new TreeSet<>();
    for (JsonNode step : action().get("runs").get("steps")) {
      if (step.has("env")) {
        step.get("env").fieldNames().forEachRemaining(set::add);
        Matcher input = Pattern.compile("inputs\\.([a-z]+)").matcher(step.get("env").toString());
        while (input.find()) {
          inputsUsed.add(input.group(1));
        }
      }
    }
    // KEPT_DOWNLOAD_URL is the test's override (ActionIT), never set by the action.
    read.remove("KEPT_DOWNLOAD_URL");
    assertThat(set).containsAll(read);
    assertThat(inputsUsed).containsExactlyInAnyOrder("version", "charter", "out", "command", "args");
  }

  @Test
  void theDocsWorkflowsUseTheActionWithItsInputs() throws IOException {
    String doc = Files.readString(Path.of("docs/github-actions.md"));
    Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    Set<String> known = new TreeSet<>();
    action().get("inputs").fieldNames().forEachRemaining(known::add);
    int uses = 0;
    List<Integer> lengths = new ArrayList<>();
    while (block.find()) {
      lengths.add((int) block.group(1).lines().count());
      JsonNode workflow = YAML.readTree(block.group(1));
      for (JsonNode job : workflow.get("jobs")) {
        for (JsonNode step : job.get("steps")) {
          if (step.path("uses").asText().startsWith("kept-dev/kept@")) {
            uses++;
            assertThat(step.get("uses").asText()).isEqualTo("kept-dev/kept@v1");
            assertThat(step.get("with").get("version").asText()).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
            step.get("with").fieldNames().forEachRemaining(name -> assertThat(known).contains(name));
          }
        }
      }
    }
    assertThat(uses).isEqualTo(3);
    assertThat(lengths.get(0)).as("the first workflow is ten lines").isEqualTo(10);
  }

  @Test
  void theReleaseWorkflowReleasesVersionTagsOnlyAndAttachesWhatAssetsGathers() throws IOException {
    JsonNode release = YAML.readTree(Path.of(".github/workflows/release.yml").toFile());
    // Jackson reads the key `on` as it is (YAML 1.2), not as true.
    List<String> tags = new ArrayList<>();
    release.get("on").get("push").get("tags").forEach(t -> tags.add(t.asText()));
    Pattern tag = Pattern.compile(String.join("|", tags.stream()
        .map(t -> t.replace(".", "\\.").replace("-*", "-.*"))
        .toList()));
    assertThat("v0.2.0").matches(tag);
    assertThat("v0.3.0-rc.1").matches(tag);
    assertThat("v1").doesNotMatch(tag);
    JsonNode steps = release.get("jobs").get("release").get("steps");
    String all = steps.toString();
    assertThat(all).contains("-Drevision=\\\"$VERSION\\\"").contains("-Prelease").contains("ActionIT");
    String files = steps.get(steps.size() - 1).get("with").get("files").asText();
    assertThat(files.lines().map(String::strip).toList()).containsExactly(
        "target/release/kept-${{ env.VERSION }}.tar.gz",
        "target/release/kept-${{ env.VERSION }}.zip",
        "target/release/kept-${{ env.VERSION }}.jar",
        "target/release/kept-${{ env.VERSION }}.cdx.json",
        "target/release/SHA256SUMS");
    String assets = Files.readString(Path.of(".github/release/assets.sh"));
    assertThat(assets)
        .contains("\"$target/kept-$v.tar.gz\" \"$target/kept-$v.zip\" \"$target/kept-$v.cdx.json\"")
        .contains("\"$out/kept-$v.jar\"")
        .contains("> SHA256SUMS");
  }
}
