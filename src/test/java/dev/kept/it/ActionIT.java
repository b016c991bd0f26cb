package dev.kept.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import dev.kept.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reusable GitHub Action's shell steps ({@code action.yml} runs {@code .github/action/run.sh
 * fetch}, then {@code run}), run here as the runner runs them, with no network: the "release" it
 * downloads from is a folder holding this build's launcher archive {@code kept-VERSION.tar.gz} and
 * a {@code SHA256SUMS} made here, reached through {@code KEPT_DOWNLOAD_URL=file://...} in place of
 * the GitHub release. A pull request is checked (findings as GitHub annotations, nothing built), a
 * push builds the site, a bad charter fails the step with an annotation on the line, an archive
 * that does not match its checksum is refused and nothing installed, and a cached install is used
 * without downloading.
 */
class ActionIT {
  private static final Path SCRIPT = Path.of(".github/action/run.sh").toAbsolutePath();

  @TempDir Path dir;
  private Path release;
  private Path home;
  private Path work;
  private Path githubPath;

  record Run(int code, String out, String err) {}

  private static String version() {
    return System.getProperty("kept.version", "0.1.0-SNAPSHOT");
  }

  private static Path archive() {
    return Path.of(System.getProperty("kept.dist", "target/kept-" + version()) + ".tar.gz");
  }

  @BeforeEach
  void aReleaseFolderAndACharterRepository() throws Exception {
    assertThat(archive()).as("run mvn package first").isRegularFile();
    release = Files.createDirectories(dir.resolve("release"));
    String name = "kept-" + version() + ".tar.gz";
    Files.copy(archive(), release.resolve(name));
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive())));
    Files.writeString(release.resolve("SHA256SUMS"), sum + "  " + name + "\n");
    home = dir.resolve("tool-cache/kept");
    githubPath = dir.resolve("github-path");
    work = Files.createDirectories(dir.resolve("repository"));
    Trees.copy(Fixtures.exampleCharter(), work.resolve("charter"));
  }

  private Run step(String what, Map<String, String> inputs) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", SCRIPT.toString(), what)).directory(work.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("KEPT_") || k.startsWith("GITHUB_"));
    env.remove("JAVA_TOOL_OPTIONS");
    env.put("SOURCE_DATE_EPOCH", "1795305600"); // 2026-11-22, the example's build date
    env.put("KEPT_VERSION", version());
    env.put("KEPT_HOME", home.toString());
    env.put("KEPT_DOWNLOAD_URL", release.toUri().toString());
    env.put("GITHUB_PATH", githubPath.toString());
    // No way out: a download that does not use the override fails rather than reaching the network.
    env.put("https_proxy", "http://127.0.0.1:9");
    env.put("HTTPS_PROXY", "http://127.0.0.1:9");
    env.putAll(inputs);
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the step ended").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run step(String what) throws IOException, InterruptedException {
    return step(what, Map.of());
  }

  private static void delete(Path tree) throws IOException {
    try (var paths = Files.walk(tree)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void aPullRequestIsCheckedWithAnnotationsAndAPushBuildsTheSite() throws Exception {
    Run fetch = step("fetch");
    assertThat(fetch.code()).as(fetch.err()).isZero();
    Path installed = home.resolve("kept-" + version());
    assertThat(installed.resolve("bin/kept")).isExecutable();
    assertThat(installed.resolve("lib/kept.jar")).isRegularFile();
    assertThat(Files.readString(githubPath)).isEqualTo(installed.resolve("bin") + "\n");
    assertThat(home).as("no download left behind").isDirectoryNotContaining("glob:**/.fetch*");

    Run check = step("run", Map.of("GITHUB_EVENT_NAME", "pull_request"));
    assertThat(check.code()).as(check.err()).isZero();
    // The example's one warning on purpose (H22), as an annotation on its line.
    assertThat(check.out().lines())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).startsWith("::warning file=charter/"));
    assertThat(work.resolve("site")).as("a check builds nothing").doesNotExist();

    Run build = step("run", Map.of("GITHUB_EVENT_NAME", "push"));
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(build.out()).startsWith("Published ");
    assertThat(work.resolve("site/index.html")).isRegularFile();
    assertThat(work.resolve("site/charter.json")).isRegularFile();

    // The inputs charter, out and command, given: a check on a push, a build into another folder.
    Files.move(work.resolve("charter"), work.resolve("promises-2027"));
    Run named = step("run", Map.of("GITHUB_EVENT_NAME", "push", "KEPT_COMMAND", "check", "KEPT_CHARTER", "promises-2027"));
    assertThat(named.code()).as(named.err()).isZero();
    assertThat(named.out()).contains("::warning file=promises-2027/");
    Run elsewhere = step("run", Map.of("KEPT_CHARTER", "promises-2027", "KEPT_OUT", "public", "KEPT_ARGS", "--verbose"));
    assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
    assertThat(work.resolve("public/index.html")).isRegularFile();
  }

  @Test
  void aBadCharterFailsTheStepWithAnAnnotationOnTheLine() throws Exception {
    assertThat(step("fetch").code()).isZero();
    delete(work.resolve("charter"));
    Path bad = Path.of("src/test/resources/bad/charter-missing-required/charter.yaml");
    Files.createDirectories(work.resolve("charter"));
    Files.copy(bad, work.resolve("charter/charter.yaml"));

    Run check = step("run", Map.of("GITHUB_EVENT_NAME", "pull_request"));
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("::error file=charter/charter.yaml,line=1,col=1,")
        .contains("'organisation' is missing from charter.yaml");

    Run build = step("run", Map.of("GITHUB_EVENT_NAME", "push"));
    assertThat(build.code()).isNotZero();
    assertThat(work.resolve("site")).doesNotExist();
  }

  @Test
  void anArchiveThatDoesNotMatchItsChecksumIsRefusedAndNothingInstalled() throws Exception {
    String name = "kept-" + version() + ".tar.gz";
    Files.writeString(release.resolve("SHA256SUMS"), "0".repeat(64) + "  " + name + "\n");
    Run fetch = step("fetch");
    assertThat(fetch.code()).isEqualTo(1);
    assertThat(fetch.out()).contains("::error title=Kept action::" + name + " does not match its SHA-256 in SHA256SUMS");
    assertThat(home.resolve("kept-" + version())).doesNotExist();
    assertThat(home).isEmptyDirectory();
    assertThat(githubPath).doesNotExist();

    Run run = step("run", Map.of("GITHUB_EVENT_NAME", "pull_request"));
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("is not installed");
  }

  @Test
  void aCachedInstallIsUsedWithoutDownloading() throws Exception {
    assertThat(step("fetch").code()).isZero();
    delete(release);
    Run again = step("fetch");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("already installed");
  }

  @Test
  void aWrongInputIsNamedAndStopsTheStep() throws Exception {
    Run unknown = step("fetch", Map.of("KEPT_VERSION", "9.9.9"));
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.out()).contains("::error title=Kept action::could not download").contains("is 9.9.9 a released version?");

    Run withV = step("fetch", Map.of("KEPT_VERSION", "v0.2.0"));
    assertThat(withV.code()).isEqualTo(2);
    assertThat(withV.out()).contains("write it without the v, such as 0.2.0");

    Run none = step("fetch", Map.of("KEPT_VERSION", ""));
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.out()).contains("input 'version' is required");

    assertThat(step("fetch").code()).isZero();
    Run command = step("run", Map.of("KEPT_COMMAND", "publish"));
    assertThat(command.code()).isEqualTo(2);
    assertThat(command.out()).contains("input 'command' is 'publish': it must be check or build");
  }
}
