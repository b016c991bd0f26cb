package dev.kept.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version comes from the build: {@code mvn -Drevision=0.2.0 package} (the release workflow,
 * from the tag {@code v0.2.0}) makes a jar whose {@code kept --version}, manifest and launcher
 * archive all say 0.2.0; a plain build says the pom's default, {@code 0.1.0-SNAPSHOT}. The version
 * the build was given reaches this test as {@code kept.version} (failsafe's {@code
 * ${project.version}}), so running the ITs with {@code -Drevision=X} checks a jar built as X. And
 * {@code .github/release/assets.sh} refuses to make a release of a SNAPSHOT or of a version the
 * build was not given.
 */
class ReleaseVersionIT {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static String version() {
    return System.getProperty("kept.version", "0.1.0-SNAPSHOT");
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theJarTheLauncherAndTheArchivesSayTheVersionTheBuildWasGiven() throws Exception {
    String jar = Path.of(System.getProperty("kept.jar", "target/kept.jar")).toAbsolutePath().toString();
    Run java = run(List.of("java", "-jar", jar, "--version"));
    assertThat(java.code()).isZero();
    assertThat(java.out()).isEqualTo("kept " + version() + "\n");

    try (JarFile file = new JarFile(jar)) {
      assertThat(file.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(version());
    }

    Path dist = Path.of(System.getProperty("kept.dist", "target/kept-" + version()));
    assertThat(dist.getFileName().toString()).isEqualTo("kept-" + version());
    Run launcher = run(List.of(dist.resolve("bin/kept").toString(), "--version"));
    assertThat(launcher.code()).isZero();
    assertThat(launcher.out()).isEqualTo("kept " + version() + "\n");

    Path tar = Path.of(dist + ".tar.gz");
    Run listing = run(List.of("tar", "-tzf", tar.toString()));
    assertThat(listing.out().lines().toList()).contains("kept-" + version() + "/bin/kept", "kept-" + version() + "/lib/kept.jar");
    assertThat(Path.of(dist + ".zip")).isRegularFile();
  }

  /** The README's first command is for a local build: it names the pom's default version. */
  @Test
  void theReadmesFirstCommandNamesThePomsDefaultVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("<version>${revision}</version>");
    Matcher revision = Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
    assertThat(revision.find()).isTrue();
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("mvn -q -DskipTests package && target/kept-" + revision.group(1) + "/bin/kept build");
  }

  @Test
  void theReleaseScriptRefusesASnapshotAndAVersionTheBuildWasNotGiven() throws Exception {
    String script = Path.of(".github/release/assets.sh").toAbsolutePath().toString();
    Run snapshot = run(List.of("bash", script, "0.3.0-SNAPSHOT"));
    assertThat(snapshot.code()).isEqualTo(2);
    assertThat(snapshot.err()).contains("0.3.0-SNAPSHOT is a SNAPSHOT, not a release");
    Run tagLike = run(List.of("bash", script, "v0.3.0"));
    assertThat(tagLike.code()).isEqualTo(2);
    assertThat(tagLike.err()).contains("'v0.3.0' is not a release version such as 0.2.0");
    String other = version().equals("97.98.99") ? "97.98.100" : "97.98.99";
    Run notBuilt = run(List.of("bash", script, other));
    assertThat(notBuilt.code()).isEqualTo(1);
    assertThat(notBuilt.err()).contains("build with -Drevision=" + other);
    assertThat(Path.of("target/release/kept-" + other + ".tar.gz")).as("nothing gathered").doesNotExist();
  }
}
