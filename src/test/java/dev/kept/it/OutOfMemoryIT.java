package dev.kept.it;

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

/**
 * Issue 11, items 3 and 13: the real jar, run with a heap too small for its charter, ends by itself
 * with exit 3 and one line; it never hangs on a parallel stage whose worker died, never exits 1 (the
 * code for charter errors) and never prints the JVM's own stack traces. Issue 13: the same charter
 * builds in a heap that once ran out, because a figures file's cells live only while it is checked.
 */
class OutOfMemoryIT {
  private static final String LINE = "kept: error: Java ran out of memory";

  @TempDir Path dir;

  @Test
  void aLargeCharterOnASmallHeapEndsWithExitThreeAndOneLine() throws Exception {
    Path generated = generate();
    for (int run = 0; run < 3; run++) {
      // 20 MiB: before issue 13 a 64 MiB heap ran out on this charter; it now builds in 96 MiB.
      Result r = build("-Xmx20m", generated.resolve("kept"), dir.resolve("site"));
      assertThat(r.code).as("run %d: %s", run, r.lines).isEqualTo(3);
      assertThat(r.lines).as("run %d", run).hasSize(1);
      assertThat(r.lines.get(0)).startsWith(LINE);
      assertThat(dir.resolve("site")).doesNotExist();
    }
  }

  /**
   * Issue 13, memory that grows with one promise: 2,000 promises of 120 months (240,000 rows, 1.2
   * million cells) build in a 96 MiB heap. Before, every figures file's cells were held until
   * validation had read them all, and this build ran out of memory in about 4 seconds.
   */
  @Test
  void aLargeCharterBuildsInAHeapThatHoldsOnePromiseAtATime() throws Exception {
    Path generated = generate();
    Path out = dir.resolve("site");
    Result r = build("-Xmx96m", generated.resolve("kept"), out);
    assertThat(r.code).as("%s", r.lines).isZero();
    List<String> lines = withoutMissWarnings(r.lines);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("Published 2000 promises");
    assertThat(out.resolve("promises")).isDirectory();
  }

  /**
   * The lines of a build without its H22 warnings (a clear miss with no account, and its hint):
   * the example charter has one on purpose, and the generated charter's random figures thousands.
   */
  private static List<String> withoutMissWarnings(List<String> lines) {
    return lines.stream()
        .filter(l -> !l.endsWith("has no account of it yet"))
        .filter(l -> !l.startsWith("  hint: Add to 'misses'"))
        .toList();
  }

  private Path generate() throws IOException, InterruptedException {
    Path generated = dir.resolve("gen");
    Process gen =
        new ProcessBuilder("java", "bench/GenerateCharter.java", "2000", "120", generated.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(gen.waitFor(180, TimeUnit.SECONDS)).as("the generator ends").isTrue();
    assertThat(gen.exitValue()).isZero();
    return generated;
  }

  @Test
  void smallHeapsOnTheExampleEitherBuildOrSayOneLineWithExitThree() throws Exception {
    for (String heap : List.of("-Xmx6m", "-Xmx8m", "-Xmx12m", "-Xmx16m", "-Xmx24m", "-Xmx32m")) {
      Path out = dir.resolve("site" + heap);
      Result r = build(heap, Fixtures.exampleCharter(), out);
      List<String> lines = withoutMissWarnings(r.lines);
      if (r.code == 0) {
        assertThat(lines).as(heap).hasSize(1);
        assertThat(lines.get(0)).as(heap).startsWith("Published ");
      } else {
        assertThat(r.code).as("%s: %s", heap, r.lines).isEqualTo(3);
        assertThat(lines).as(heap).containsExactly(lines.get(0));
        assertThat(lines.get(0)).as(heap).startsWith(LINE);
        assertThat(out).doesNotExist();
      }
    }
  }

  private record Result(int code, List<String> lines) {}

  /** Runs the jar; fails the test if it is still running after two minutes (a hang). */
  private Result build(String heap, Path charter, Path out) throws IOException, InterruptedException {
    String jar = Path.of(System.getProperty("kept.jar", "target/kept.jar")).toAbsolutePath().toString();
    Path log = Files.createTempFile(dir, "log", ".txt");
    Process p =
        new ProcessBuilder("java", heap, "-jar", jar, "build", "--charter", charter.toString(), "--out", out.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    p.getOutputStream().close();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    assertThat(ended).as("kept %s ends by itself within two minutes", heap).isTrue();
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    lines.removeIf(String::isBlank);
    return new Result(p.exitValue(), lines);
  }
}
