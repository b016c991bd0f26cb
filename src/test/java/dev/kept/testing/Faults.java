package dev.kept.testing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the tests that make a real fault (a full disk, a read-only folder, a signal) share: running
 * a system command, and refusing to pass silently when the fault cannot be made.
 */
public final class Faults {
  private static final boolean CI = "true".equals(System.getenv("CI"));

  private Faults() {}

  /** Fails under {@code CI=true}, and reports a skip with the reason elsewhere, when the fault cannot be made. */
  public static void requireMechanism(boolean available, String why) {
    if (!available) {
      if (CI) {
        Assertions.fail("CI=true but the fault cannot be made here: " + why);
      }
      Assumptions.abort("not run, the fault cannot be made here: " + why);
    }
  }

  /** Runs a command, printing its output when it fails; its exit code, or -1 after 30 s. */
  public static int sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    if (p.exitValue() != 0) {
      System.out.println(String.join(" ", cmd) + ": " + output.strip());
    }
    return p.exitValue();
  }
}
