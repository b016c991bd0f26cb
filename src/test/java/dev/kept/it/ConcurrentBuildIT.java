package dev.kept.it;

import dev.kept.testing.Trees;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2: two {@code kept build} processes into the same {@code --out} at once. Many pairs
 * of real JVMs (the output folder's lock is an OS lock, held per process), the second started at a
 * random moment during the first; each time both must exit 0 and the published site must be
 * complete and byte for byte the site a build on its own writes. At least one second build must
 * have waited, and said so.
 *
 * <p>{@code -Dkept.pairs=N} sets the number of pairs (default 12); {@code -Dkept.jar=...} the jar,
 * so that the test can be run against an older Kept to see it fail.
 */
class ConcurrentBuildIT {
  @TempDir Path dir;

  @Test
  void twoBuildsIntoOneFolderAtOnceAlwaysPublishACompleteSite() throws Exception {
    Path charter = Trees.copy(Fixtures.exampleCharter(), dir.resolve("charter"));
    Path reference = dir.resolve("reference/site");
    Files.createDirectories(reference.getParent());
    Result alone = start(charter, reference).finish();
    assertThat(alone.code()).as("a build on its own: %s", alone.err()).isZero();
    TreeMap<String, String> whole = Trees.digest(reference);

    Path site = dir.resolve("work/site");
    Files.createDirectories(site.getParent());
    int pairs = Integer.getInteger("kept.pairs", 12);
    Random random = new Random(11);
    int waited = 0;
    for (int i = 0; i < pairs; i++) {
      Running first = start(charter, site);
      Thread.sleep(random.nextInt(1500));
      Running second = start(charter, site);
      Result a = first.finish();
      Result b = second.finish();
      assertThat(a.code()).as("pair %d, first: %s", i, a.err()).isZero();
      assertThat(b.code()).as("pair %d, second: %s", i, b.err()).isZero();
      assertThat(Trees.digest(site)).as("pair %d: the published site is the whole site", i).isEqualTo(whole);
      for (Result r : new Result[] {a, b}) {
        if (r.err().contains("kept: waiting for another build of " + site + " to finish…")) {
          waited++;
        }
      }
      try (Stream<Path> s = Files.list(site.getParent())) {
        assertThat(s.map(p -> p.getFileName().toString()))
            .as("pair %d: nothing left beside the site but its lock", i)
            .containsExactlyInAnyOrder("site", ".site.lock");
      }
    }
    System.out.println("concurrent builds: " + pairs + " pairs into one folder, every site complete ("
        + whole.size() + " files, byte-identical to a build alone); " + waited + " builds waited for the other");
    assertThat(waited).as("a build that started while another wrote waited for it and said so").isPositive();
  }

  private record Result(int code, String err) {}

  private record Running(Process process, Path err) {
    Result finish() throws Exception {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("a build did not finish in 120 s");
      }
      return new Result(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  private Running start(Path charter, Path out) throws IOException {
    String jar = Path.of(System.getProperty("kept.jar", "target/kept.jar")).toAbsolutePath().toString();
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder("java", "-jar", jar, "build", "--charter", charter.toString(), "--out", out.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().close();
    return new Running(p, err);
  }


}
