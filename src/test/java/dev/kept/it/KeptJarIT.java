package dev.kept.it;

import dev.kept.testing.Trees;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar target/kept.jar ...}. */
class KeptJarIT {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run kept(Path workDir, String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("kept.jar", "target/kept.jar");
    List<String> command = new ArrayList<>(List.of("java", "-jar", Path.of(jar).toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().put("SOURCE_DATE_EPOCH", "1795305600"); // 2026-11-22
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * The JVM's class caches (AppCDS on 17 to 24, the AOT cache on 25) leave out class files older
   * than Java 6, so every such class in the jar is loaded and verified afresh on every run; Maven
   * Central's picocli jar is all Java 5 class files (about 250 ms of the example's build). The pom
   * compiles picocli from its sources; this fails when any class in the jar is older again.
   */
  @Test
  void everyClassInTheJarIsOneTheStartUpCacheCanHold() throws Exception {
    String jar = System.getProperty("kept.jar", "target/kept.jar");
    List<String> old = new ArrayList<>();
    int classes = 0;
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(Path.of(jar).toFile())) {
      for (java.util.jar.JarEntry entry : java.util.Collections.list(file.entries())) {
        if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
          continue;
        }
        classes++;
        try (java.io.InputStream in = file.getInputStream(entry)) {
          byte[] head = in.readNBytes(8);
          int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
          if (major < 50) {
            old.add(entry.getName() + " (class file version " + major + ")");
          }
        }
      }
    }
    assertThat(classes).as("classes in " + jar).isGreaterThan(1000);
    assertThat(old).as("class files older than Java 6 in " + jar).isEmpty();
  }

  @Test
  void checkOnTheExamplePrintsASummaryLineAndExitsZero() throws Exception {
    Run r = kept(Path.of("").toAbsolutePath(), "check");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("charter: 12 promises checked (1 draft, not published), no errors, 1 warning.\n");
    // H22: the example's one clear miss not yet explained, on purpose.
    assertThat(r.err()).startsWith("charter/figures/answer-calls.csv:17:1: warning: 2026-02 was missed clearly");
  }

  @Test
  void checkOnABrokenCharterPrintsEveryErrorWithItsLineAndNoStackTrace() throws Exception {
    Fixtures.minimal()
        .with("figures/calls.csv", "period,cases,kept,excluded,note\n2026-07,10,11,0,\n2026-08,x,1,0,\n")
        .with("promises/calls.yaml", "title: !!java.lang.Runtime x\n")
        .writeTo(dir.resolve("charter"));
    Run r = kept(dir, "check");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("charter/promises/calls.yaml:1:8: error: the tag !!java.lang.Runtime is not allowed")
        .contains("charter/figures/calls.csv:2:12: error: 11 kept is more than the 10 cases counted")
        .contains("charter/figures/calls.csv:3:9: error: 'cases' should be a whole number, not 'x'")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(r.err().lines().filter(l -> l.contains(": error: ")).count()).isEqualTo(3);
  }

  @Test
  void buildWritesCharterJsonIntoSite() throws Exception {
    Path work = dir.resolve("work");
    Files.createDirectories(work);
    Trees.copy(Fixtures.exampleCharter(), work.resolve("charter"));
    Run r = kept(work, "build");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(work.resolve("site/charter.json")).isRegularFile();
    assertThat(work.resolve("site/promises/answer-calls/data.json")).isRegularFile();
    assertThat(work.resolve("site/figures/answer-calls.csv")).isRegularFile();
  }

  @Test
  void versionAndUsage() throws Exception {
    assertThat(kept(dir, "--version").out()).startsWith("kept ");
    assertThat(kept(dir, "frobnicate").code()).isEqualTo(2);
  }


  /**
   * Issue 15's first test, as a new user types it: {@code kept new charter water && cd water &&
   * kept check && kept build}, with Kept's default folders, then {@code kept new promise} inside.
   */
  @Test
  void newCharterThenCheckAndBuildInsideItWithTheDefaults() throws Exception {
    Path start = java.nio.file.Files.createDirectories(dir.resolve("start"));
    Run made = kept(start, "new", "charter", "water");
    assertThat(made.code()).as(made.err()).isZero();
    assertThat(made.out()).contains("cd water && kept check && kept serve");
    Path water = start.resolve("water");
    Run check = kept(water, "check");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).isEqualTo("charter: 1 promise checked, no errors.\n");
    assertThat(check.err()).isEmpty();
    Run build = kept(water, "build");
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(water.resolve("site/promises/answer-calls/index.html")).isRegularFile();
    Run promise = kept(water, "new", "promise", "answer-emails");
    assertThat(promise.code()).as(promise.err()).isZero();
    assertThat(water.resolve("charter/promises/answer-emails.yaml"))
        .content().startsWith("# yaml-language-server: $schema=../../schema/promise.schema.json\n");
    assertThat(kept(water, "check").out()).isEqualTo("charter: 2 promises checked (1 draft, not published), no errors.\n");
  }
}
