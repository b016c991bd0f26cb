package dev.kept.it;

import static dev.kept.testing.Faults.requireMechanism;
import static dev.kept.testing.Faults.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kept.testing.Fixtures;
import dev.kept.testing.Trees;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release folder's launcher, {@code bin/kept}, run as a user runs it (docs/launcher.md): it
 * builds the example, makes its class cache on the first build and uses it after, ignores a
 * damaged cache without a word, honours {@code KEPT_JAVA_OPTS} and passes Kept's arguments and exit
 * codes through; a first run stopped by SIGTERM stops its Java and leaves no cache; a cache in a
 * read-only {@code lib/} is used; stale temporary files of killed first runs are removed. Each test
 * runs a fresh copy of the folder, so it starts with no cache. The Java is the one running the
 * tests (17 in CI); a JDK 25 variant runs where one is installed.
 *
 * <p>A read-only {@code lib/} is made as {@code OutputFaultTest} makes a read-only folder: as root
 * (who may write anywhere) by a read-only bind mount, else by {@code chmod a-w}; when the mount is
 * refused the test fails under {@code CI=true} and is reported as skipped elsewhere.
 */
class LauncherIT {
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @TempDir Path dir;
  private Path dist;
  private Path work;
  private final List<Path> mounts = new ArrayList<>();

  @AfterEach
  void unmountAndRestore() throws Exception {
    for (int i = mounts.size() - 1; i >= 0; i--) {
      sh("umount", mounts.get(i).toString());
    }
    mounts.clear();
    if (dist != null && Files.isDirectory(dist.resolve("lib"))) {
      Files.setPosixFilePermissions(dist.resolve("lib"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  record Run(int code, String out, String err) {
    /**
     * What the run printed to stderr besides Kept's warning on the example's clear miss that has no
     * account (H22, there on purpose, with its hint): the JVM's and the launcher's words, which
     * these tests require to be none.
     */
    String unexpected() {
      return err.lines()
          .filter(l -> !l.endsWith("has no account of it yet"))
          .filter(l -> !l.startsWith("  hint: Add to 'misses'"))
          .collect(java.util.stream.Collectors.joining("\n"));
    }
  }

  @BeforeEach
  void freshCopy() throws IOException {
    Path packaged = Path.of(System.getProperty("kept.dist", "target/kept-" + version()));
    assertThat(packaged.resolve("bin/kept")).as("run mvn package first").isRegularFile();
    // No space in this path: Java 17 then shares only the JDK's classes, not Kept's (docs/launcher.md).
    dist = dir.resolve("kept-dist");
    Files.createDirectories(dist.resolve("bin"));
    Files.createDirectories(dist.resolve("lib"));
    Files.copy(packaged.resolve("bin/kept"), dist.resolve("bin/kept"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(packaged.resolve("lib/kept.jar"), dist.resolve("lib/kept.jar"));
    work = dir.resolve("work");
    Files.createDirectories(work);
    Trees.copy(Fixtures.exampleCharter(), work.resolve("charter"));
  }

  private static String version() {
    return System.getProperty("kept.version", "0.1.0-SNAPSHOT");
  }

  private int runs;

  private Process start(String javaHome, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kept").toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
    pb.environment().put("SOURCE_DATE_EPOCH", "1795305600");
    pb.environment().put("JAVA_HOME", javaHome);
    pb.environment().remove("KEPT_JAVA_OPTS");
    pb.environment().remove("KEPT_NO_CACHE");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().putAll(env);
    // To files, never pipes: -Xlog:class+load writes more than a pipe holds.
    int n = ++runs;
    pb.redirectOutput(dir.resolve("out" + n).toFile()).redirectError(dir.resolve("err" + n).toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb.start();
  }

  private Run finish(Process p) throws Exception {
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("kept ended").isTrue();
    int n = outputs.get(p);
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out" + n), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err" + n), StandardCharsets.UTF_8));
  }

  private final Map<Process, Integer> outputs = new java.util.HashMap<>();

  private Process launch(String javaHome, Map<String, String> env, String... args) throws IOException {
    Process p = start(javaHome, env, args);
    outputs.put(p, runs);
    return p;
  }

  private Run kept(String javaHome, Map<String, String> env, String... args) throws Exception {
    return finish(launch(javaHome, env, args));
  }

  private Run kept(String... args) throws Exception {
    return kept(System.getProperty("java.home"), Map.of(), args);
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(dist.resolve("lib"))) {
      return files.filter(f -> !f.getFileName().toString().equals("kept.jar")).sorted().toList();
    }
  }

  /** The build's one line, without the time it took. */
  private static String untimed(String out) {
    return out.replaceAll(" in \\d+ ms\\.", " in N ms.");
  }

  private void buildsCachesAndUses(String javaHome, String extension) throws Exception {
    Run first = kept(javaHome, Map.of(), "build", "--out", "site1");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.unexpected()).isEmpty();
    assertThat(untimed(first.out())).isEqualTo("Published 11 promises from charter to site1/ in N ms.\n");
    List<Path> caches = cacheFiles();
    assertThat(caches).hasSize(1);
    String name = caches.get(0).getFileName().toString();
    assertThat(name).endsWith("." + extension);
    assertThat(name).endsWith("-" + Files.size(caches.get(0)) + "." + extension);

    // The second run loads Kept's own classes from the cache, not from the jar.
    Run second = kept(javaHome, Map.of("KEPT_JAVA_OPTS", "-Xlog:class+load=info"), "build", "--out", "site2");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).containsPattern("dev\\.kept\\.cli\\.Main source: (shared objects file|.*AOT)");
    assertThat(Trees.digest(work.resolve("site2"))).isEqualTo(Trees.digest(work.resolve("site1")));
    assertThat(cacheFiles()).isEqualTo(caches);

    // A damaged cache of the right size: refused without a word, the same site.
    Path cache = caches.get(0);
    cache.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(cache.toFile(), "rw")) {
      byte[] junk = new byte[8192];
      Arrays.fill(junk, (byte) 0x5a);
      f.seek(f.length() / 3);
      f.write(junk);
    }
    Run damaged = kept(javaHome, Map.of(), "build", "--out", "site3");
    assertThat(damaged.code()).as(damaged.err()).isZero();
    assertThat(damaged.unexpected()).isEmpty();
    assertThat(untimed(damaged.out())).isEqualTo("Published 11 promises from charter to site3/ in N ms.\n");
    assertThat(Trees.digest(work.resolve("site3"))).isEqualTo(Trees.digest(work.resolve("site1")));

    // A cut-short cache (it would crash the JVM): never handed to it, removed and made again.
    Files.write(cache, Arrays.copyOf(Files.readAllBytes(cache), 100_000));
    Run cut = kept(javaHome, Map.of(), "build", "--out", "site4");
    assertThat(cut.code()).as(cut.err()).isZero();
    assertThat(cut.unexpected()).isEmpty();
    assertThat(untimed(cut.out())).isEqualTo("Published 11 promises from charter to site4/ in N ms.\n");
    assertThat(Trees.digest(work.resolve("site4"))).isEqualTo(Trees.digest(work.resolve("site1")));
    List<Path> remade = cacheFiles();
    assertThat(remade).hasSize(1);
    assertThat(Files.size(remade.get(0))).isGreaterThan(1_000_000);
  }

  @Test
  void buildsTheExampleMakesTheCacheUsesItAndIgnoresADamagedOne() throws Exception {
    assumeTrue(Runtime.version().feature() < 25, "the test JVM is Java 25+: covered by the JDK 25 test");
    buildsCachesAndUses(System.getProperty("java.home"), "jsa");
  }

  @Test
  void onJava25TheLauncherMakesAndUsesAnAotCache() throws Exception {
    Path jdk25 = jdk25();
    assumeTrue(
        jdk25 != null,
        "no JDK 25 found (neither KEPT_TEST_JDK25 nor /usr/lib/jvm/temurin-25*): the AOT-cache path is not tested here");
    buildsCachesAndUses(jdk25.toString(), "aot");
  }

  private static Path jdk25() throws IOException {
    String named = System.getenv("KEPT_TEST_JDK25");
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> all = Files.list(jvms)) {
      return all.filter(p -> p.getFileName().toString().startsWith("temurin-25"))
          .filter(p -> Files.isExecutable(p.resolve("bin/java")))
          .sorted()
          .findFirst()
          .orElse(null);
    }
  }

  @Test
  void keptJavaOptsComeAfterTheDefaultsAndOverrideThem() throws Exception {
    Run defaults = kept(System.getProperty("java.home"), Map.of("KEPT_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");
    assertThat(defaults.code()).isZero();
    assertThat(defaults.out()).contains("-XX:+UseSerialGC").contains("kept ");
    assertThat(defaults.out()).contains("-XX:TieredStopAtLevel=1");
    Run overridden =
        kept(System.getProperty("java.home"), Map.of("KEPT_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4"), "--version");
    assertThat(overridden.code()).as(overridden.err()).isZero();
    assertThat(overridden.out()).contains("-XX:TieredStopAtLevel=4").doesNotContain("-XX:TieredStopAtLevel=1");
    // KEPT_NO_CACHE: a build makes no cache.
    Run noCache = kept(System.getProperty("java.home"), Map.of("KEPT_NO_CACHE", "1"), "build");
    assertThat(noCache.code()).as(noCache.err()).isZero();
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void argumentsWithSpacesAndExitCodesPassThrough() throws Exception {
    Path spaced = work.resolve("my \"charter\" 'x'");
    Files.move(work.resolve("charter"), spaced);
    Run check = kept("check", "--charter", spaced.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("12 promises checked");
    assertThat(check.unexpected()).isEmpty();

    Run usage = kept("frobnicate");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).contains("frobnicate");

    Files.writeString(spaced.resolve("promises/broken.yaml"), "title: [\n");
    Run broken = kept("build", "--charter", spaced.toString(), "--out", "out dir");
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.err()).contains("broken.yaml");
    assertThat(cacheFiles()).as("a failed build makes no cache").isEmpty();
  }

  @Test
  void twoFirstRunsAtOnceBothSucceedAndLeaveOneWholeCache() throws Exception {
    String java = System.getProperty("java.home");
    Process a = launch(java, Map.of(), "build", "--out", "a");
    Process b = launch(java, Map.of(), "build", "--out", "b");
    for (Process p : List.of(a, b)) {
      Run r = finish(p);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.unexpected()).isEmpty();
    }
    // Each kept its own whole file; the one renamed last normally removes the other's, but when
    // both clean up before either renames, two good caches remain (the next run takes either).
    List<Path> caches = cacheFiles();
    assertThat(caches).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    for (Path cache : caches) {
      assertThat(cache.getFileName().toString()).endsWith("-" + Files.size(cache) + ".jsa");
    }
    assertThat(Trees.digest(work.resolve("a"))).isEqualTo(Trees.digest(work.resolve("b")));
    Run after = kept(java, Map.of("KEPT_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
    assertThat(after.out()).contains("dev.kept.cli.Main source: shared objects file");
  }

  /** The README's command, with the pom's default version: ReleaseVersionIT. */
  @Test
  void theLauncherIsExecutable() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dist.resolve("bin/kept"))))
        .startsWith("rwx");
  }

  @Test
  void sigtermOnTheFirstRunStopsJavaPromptlyKeepsNoCacheAndLeavesThePreviousSite() throws Exception {
    String java = System.getProperty("java.home");
    Path charter = generate(300, 120);
    // The previous site, built plain (no cache made).
    Run previous = kept(java, Map.of("KEPT_NO_CACHE", "1"), "build", "--out", "site");
    assertThat(previous.code()).as(previous.err()).isZero();
    assertThat(cacheFiles()).isEmpty();
    var before = Trees.digest(work.resolve("site"));

    Process p = launch(java, Map.of(), "build", "--charter", charter.toString(), "--out", "site");
    // Mid-build: Kept has started writing the new site into its staging folder.
    Instant limit = Instant.now().plusSeconds(120);
    while (!staging() && p.isAlive() && Instant.now().isBefore(limit)) {
      Thread.sleep(50);
    }
    assertThat(p.isAlive()).as("the first run is still building when signalled").isTrue();
    assertThat(staging()).as("the build reached its staging folder").isTrue();
    List<ProcessHandle> children = p.descendants().toList();
    assertThat(children).as("the launcher's Java").isNotEmpty();
    assertThat(p.isAlive()).isTrue();
    assertThat(sh("kill", "-TERM", Long.toString(p.pid()))).isZero();

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher ends promptly after SIGTERM").isTrue();
    assertThat(p.exitValue()).as("128 + SIGTERM").isEqualTo(143);
    for (ProcessHandle child : children) {
      assertThat(child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).get().isAlive())
          .as("Java child %s ended", child.pid()).isFalse();
    }
    assertThat(cacheFiles()).as("no cache and no temporary file").isEmpty();
    assertThat(Trees.digest(work.resolve("site"))).as("the previous site, whole").isEqualTo(before);
  }

  /** Whether Kept's staging folder for work/site exists (Kept writes a new site there first). */
  private boolean staging() throws IOException {
    try (Stream<Path> s = Files.list(work)) {
      return s.anyMatch(f -> f.getFileName().toString().startsWith(".site.staging"));
    }
  }

  private Path generate(int promises, int months) throws Exception {
    Path generated = dir.resolve("gen");
    Process gen = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "bench/GenerateCharter.java", Integer.toString(promises), Integer.toString(months), generated.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertThat(gen.waitFor(180, TimeUnit.SECONDS)).as("the generator ends").isTrue();
    assertThat(gen.exitValue()).isZero();
    return generated.resolve("kept");
  }

  @Test
  void aCacheInAReadOnlyLibIsUsedAndElseOneIsMadeInTheUsersFolder() throws Exception {
    String java = System.getProperty("java.home");
    Path userCache = dir.resolve("xdg");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", userCache.toString());
    Map<String, String> logged = Map.of("XDG_CACHE_HOME", userCache.toString(), "KEPT_JAVA_OPTS", "-Xlog:class+load=info");
    Run first = kept(java, env, "build", "--out", "site1");
    assertThat(first.code()).as(first.err()).isZero();
    List<Path> caches = cacheFiles();
    assertThat(caches).hasSize(1);

    // lib/ read-only (as an installer or root leaves it): its cache is used, none is made elsewhere.
    readOnly(dist.resolve("lib"));
    Run used = kept(java, logged, "build", "--out", "site2");
    assertThat(used.code()).as(used.err()).isZero();
    assertThat(used.unexpected()).isEmpty();
    assertThat(used.out()).containsPattern("dev\\.kept\\.cli\\.Main source: (shared objects file|.*AOT)");
    assertThat(userFiles(userCache)).as("no cache made in the user's folder").isEmpty();
    assertThat(cacheFiles()).isEqualTo(caches);

    // lib/ read-only with no cache in it: the cache is made in the user's folder, and used.
    unmountAndRestore();
    Files.delete(caches.get(0));
    readOnly(dist.resolve("lib"));
    Run made = kept(java, env, "build", "--out", "site3");
    assertThat(made.code()).as(made.err()).isZero();
    assertThat(made.unexpected()).isEmpty();
    assertThat(userFiles(userCache)).hasSize(1);
    Run again = kept(java, logged, "build", "--out", "site4");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).containsPattern("dev\\.kept\\.cli\\.Main source: (shared objects file|.*AOT)");
    assertThat(Trees.digest(work.resolve("site4"))).isEqualTo(Trees.digest(work.resolve("site1")));
  }

  private static List<Path> userFiles(Path userCache) throws IOException {
    if (!Files.exists(userCache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(userCache)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private void readOnly(Path folder) throws Exception {
    if (ROOT) {
      int bound = sh("mount", "--bind", folder.toString(), folder.toString());
      requireMechanism(bound == 0, "mount --bind failed (exit " + bound + "); a read-only lib/ as root needs CAP_SYS_ADMIN");
      mounts.add(folder);
      assertThat(sh("mount", "-o", "remount,bind,ro", folder.toString())).as("remount read-only").isZero();
    } else {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    boolean canCreate;
    try {
      Files.delete(Files.createTempFile(folder, "probe", ""));
      canCreate = true;
    } catch (IOException e) {
      canCreate = false;
    }
    assertThat(canCreate).as("%s is read-only", folder).isFalse();
  }


  @Test
  void temporaryFilesOfKilledFirstRunsAreRemovedWhenACacheIsMade() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long dead = gone.pid();
    long alive = ProcessHandle.current().pid();
    Path lib = dist.resolve("lib");
    Path deadTmp = Files.writeString(lib.resolve("kept-java17-123-" + dead + ".tmp"), "x");
    Path deadConf = Files.writeString(lib.resolve("kept-java25-456-" + dead + ".tmp.conf"), "x");
    Path aliveTmp = Files.writeString(lib.resolve("kept-java17-789-" + alive + ".tmp"), "x");
    Path reused = Files.writeString(lib.resolve("kept-java25-1-" + alive + ".tmp.conf"), "x");
    Files.setLastModifiedTime(reused, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path other = Files.writeString(lib.resolve("notes.tmp"), "x");
    assumeTrue(!ProcessHandle.of(dead).isPresent(), "the ended process's PID was reused at once");

    // A command that makes no cache leaves them.
    Run version = kept("--version");
    assertThat(version.code()).isZero();
    assertThat(deadTmp).exists();

    Run first = kept("build", "--out", "site");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(deadTmp).as("a dead run's archive").doesNotExist();
    assertThat(deadConf).as("a dead run's AOT configuration").doesNotExist();
    assertThat(reused).as("a day-old file of a live (reused) PID").doesNotExist();
    assertThat(aliveTmp).as("a live run's file").exists();
    assertThat(other).as("not the launcher's").exists();
    assertThat(cacheFiles()).hasSize(3).contains(aliveTmp, other);
  }
}
