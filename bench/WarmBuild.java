/*
 * Builds one charter several times over in one JVM, as `kept build` does, and prints each build's
 * wall time and the CPU time the whole process has used so far: the first build is a cold one, as
 * a user's `java -jar` is; the later ones show what a build costs once the JIT compiler has
 * compiled Kept's hot code. The gap between them is the JVM's warm-up.
 *
 *   java -cp target/kept.jar bench/WarmBuild.java CHARTER OUT [BUILDS]
 *
 * Run from the repository root after `mvn -DskipTests package`. BUILDS defaults to 4.
 */
import dev.kept.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;

public class WarmBuild {
  public static void main(String[] args) {
    String charter = args[0];
    String out = args[1];
    int builds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 1; i <= builds; i++) {
      long start = System.nanoTime();
      int code =
          Main.run(
              new String[] {"build", "--charter", charter, "--out", out},
              quiet, System.err, System.getenv(), Clock.systemDefaultZone());
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (code != 0) {
        System.err.println("build " + i + " failed with exit code " + code);
        System.exit(code);
      }
      System.out.printf(
          "build %d: %6d ms wall, process CPU so far %6d ms%n",
          i, ms, os.getProcessCpuTime() / 1_000_000);
    }
  }
}
