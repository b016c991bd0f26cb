package dev.kept.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kept.Pipeline;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fuzzes the whole {@code check}: the fuzzer's data turns a small valid charter (charter.yaml, two
 * promises, their figures) into a hostile one by replacing, splicing into or deleting files and
 * adding oddly named ones, written to a fresh folder; then {@link Pipeline#check()} runs on it.
 *
 * <p>Property: no exception escapes; it finishes within the timeout; every finding names a file
 * and a line and column inside it (only whole-file findings, such as a missing file, have no line).
 * Seeds: {@code CheckFuzzTestInputs/charter/} (raw data for the provider).
 */
class CheckFuzzTest {
  private static final String BASE =
      Fixtures.MINIMAL
          + """
          -- promises/repairs.yaml --
          title: Fixing leaks
          promise: |
            We fix a **reported leak** within [5 working days](https://example.org/leaks).
          unit: leaks
          kept_when: the leak was fixed within 5 working days
          target: 90%
          since: 2026-08
          not_covered:
            - Leaks on your side of the meter.
          exclusions:
            no-access: We could not get in.
          measured: |
            Our job system records when a leak is reported and when it is fixed.
          remedy: We pay £20 if we miss it.
          -- figures/repairs.csv --
          period,cases,kept,excluded:no-access,note
          2026-08,40,37,1,
          2026-09,0,0,0,No leaks reported
          2026-10,55,50,2,"A storm, then a backlog"
          """;

  /** Names the fuzzer may give an extra file: valid, misnamed, reserved, orphaned, nested. */
  private static final List<String> EXTRA_NAMES =
      List.of(
          "promises/third.yaml", "figures/third.csv", "figures/orphan.csv", "promises/Calls.yaml",
          "promises/calls.yml", "promises/con.yaml", "promises/notes.txt", "promises/-x.yaml",
          "figures/calls.CSV", "promises/sub/inner.yaml", "charter.yml", "promises/.hidden.yaml",
          "promises/calls.yaml~", "promises/" + "a".repeat(70) + ".yaml");

  private static final Path ROOT = tempRoot();
  private static int runs;

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("kept-check-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void charter(FuzzedDataProvider data) throws Throwable {
    Budget.within(java.time.Duration.ofSeconds(20), () -> charterOnce(data));
  }

  private void charterOnce(FuzzedDataProvider data) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    CharterFixture base = CharterFixture.of(BASE);
    for (String name : List.of("charter.yaml", "promises/calls.yaml", "figures/calls.csv",
        "promises/repairs.yaml", "figures/repairs.csv")) {
      files.put(name, base.section(name).getBytes(StandardCharsets.UTF_8));
    }
    int edits = data.consumeInt(1, 4);
    for (int i = 0; i < edits; i++) {
      List<String> names = new ArrayList<>(files.keySet());
      int op = data.consumeInt(0, 5);
      if (op == 5 || names.isEmpty()) {
        String name = data.pickValue(EXTRA_NAMES);
        files.put(name, data.consumeBytes(data.consumeInt(0, 2000)));
        continue;
      }
      String name = data.pickValue(names);
      switch (op) {
        case 0 -> files.remove(name);
        case 1 -> files.put(name, data.consumeBytes(data.consumeInt(0, 4000)));
        case 2 -> files.put(name, splice(files.get(name), data, true));
        case 3 -> files.put(name, splice(files.get(name), data, false));
        default -> files.put(name, (new String(files.get(name), StandardCharsets.UTF_8)
            .replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
      }
    }

    Path dir = ROOT.resolve("run-" + (runs++)).resolve("charter");
    try {
      Map<String, String> texts = new HashMap<>();
      texts.put("charter", null);
      texts.put("charter/promises", null);
      texts.put("charter/figures", null);
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, f.getValue());
        texts.put("charter/" + f.getKey(), YamlFuzzTest.text(f.getValue()));
      }
      Pipeline.Outcome outcome = Fixtures.check(dir);
      assertThat(outcome.hasErrors() || outcome.charter().isPresent())
          .as("either errors or a charter").isTrue();
      Located.assertLocated(outcome.findings(), texts, true);
    } finally {
      try (Stream<Path> walk = Files.walk(dir.getParent())) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** The file with one line replaced by ({@code replace}) or preceded by the fuzzer's text. */
  private static byte[] splice(byte[] file, FuzzedDataProvider data, boolean replace) {
    List<String> lines = new ArrayList<>(Arrays.asList(new String(file, StandardCharsets.UTF_8).split("\n", -1)));
    int at = data.consumeInt(0, Math.max(0, lines.size() - 1));
    String text = data.consumeString(200);
    if (replace && at < lines.size()) {
      lines.set(at, text);
    } else {
      lines.add(Math.min(at, lines.size()), text);
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
