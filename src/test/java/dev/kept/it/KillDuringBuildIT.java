package dev.kept.it;

import dev.kept.testing.Trees;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code kept build} with SIGKILL at random moments while it writes, 20 times, and checks that
 * the published site is each time either the complete old site or the complete new one.
 */
class KillDuringBuildIT {
  @TempDir Path dir;

  @Test
  void aKilledBuildLeavesTheOldSiteOrTheNewOneNeverAMixture() throws Exception {
    Path oldCharter = Trees.copy(Fixtures.exampleCharter(), dir.resolve("old"));
    Path newCharter = Trees.copy(Fixtures.exampleCharter(), dir.resolve("new"));
    Path title = newCharter.resolve("charter.yaml");
    Files.writeString(title, Files.readString(title).replace("title: Our promises to you", "title: Our promises to you, revised"));

    Path site = dir.resolve("work/site");
    Files.createDirectories(site.getParent());
    assertThat(run(oldCharter, site, -1)).isZero();
    TreeMap<String, String> oldSite = Trees.digest(site);
    Path reference = dir.resolve("reference/site");
    Files.createDirectories(reference.getParent());
    assertThat(run(newCharter, reference, -1)).isZero();
    TreeMap<String, String> newSite = Trees.digest(reference);
    assertThat(newSite).isNotEqualTo(oldSite);

    Random random = new Random(22);
    int unchanged = 0;
    int replaced = 0;
    TreeMap<String, String> before = oldSite;
    for (int i = 0; i < 20; i++) {
      Path from = i % 2 == 0 ? newCharter : oldCharter;
      run(from, site, 300 + random.nextInt(3200));
      TreeMap<String, String> now = Trees.digest(site);
      assertThat(now.equals(oldSite) || now.equals(newSite))
          .as("run %d: the site is one complete build, old or new", i)
          .isTrue();
      if (now.equals(before)) {
        unchanged++;
      } else {
        replaced++;
      }
      before = now; // the next build starts from whatever this one left
    }
    System.out.println("kill test: 20 runs killed at random; the site was complete every time (" + unchanged
        + " left as it was, " + replaced + " replaced whole)");
  }

  /** Runs a build; kills it after {@code killAfterMs} when that is not negative. */
  private static int run(Path charter, Path out, int killAfterMs) throws IOException, InterruptedException {
    String jar = Path.of(System.getProperty("kept.jar", "target/kept.jar")).toAbsolutePath().toString();
    Process p =
        new ProcessBuilder("java", "-jar", jar, "build", "--charter", charter.toString(), "--out", out.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.getOutputStream().close();
    if (killAfterMs >= 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
      new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor();
    }
    p.waitFor(60, TimeUnit.SECONDS);
    return p.exitValue();
  }


}
