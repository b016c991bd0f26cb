package dev.kept.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import dev.kept.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the packaged jar, started in a JVM whose default locale is Turkish ({@code
 * -Duser.language=tr -Duser.country=TR}), builds the example charter to the same bytes as one
 * started with the root locale and one started in English.
 */
class TurkishLocaleIT {
  @TempDir Path dir;

  private TreeMap<String, String> build(String name, String... locale) throws Exception {
    String jar = System.getProperty("kept.jar", "target/kept.jar");
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(List.of(locale));
    command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString(), "build",
        "--charter", Fixtures.exampleCharter().toString(), "--out", dir.resolve(name).toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SOURCE_DATE_EPOCH", "1795305600"); // 2026-11-22
    Path log = dir.resolve(name + ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    return Trees.digest(dir.resolve(name));
  }

  @Test
  void theExampleCharterBuildsToTheSameBytesUnderTurkishEnglishAndRootLocales() throws Exception {
    TreeMap<String, String> root = build("root", "-Duser.language=", "-Duser.country=");
    TreeMap<String, String> english = build("en", "-Duser.language=en", "-Duser.country=GB");
    TreeMap<String, String> turkish = build("tr", "-Duser.language=tr", "-Duser.country=TR");
    assertThat(root).hasSizeGreaterThan(20);
    assertThat(english).isEqualTo(root);
    assertThat(turkish).isEqualTo(root);
  }
}
