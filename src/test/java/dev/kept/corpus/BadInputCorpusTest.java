package dev.kept.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.cli.ExitCode;
import dev.kept.cli.Main;
import dev.kept.publish.Publisher;
import dev.kept.testing.BadCorpus;
import dev.kept.testing.BadCorpus.Expect;
import dev.kept.testing.Fixtures;
import dev.kept.testing.OutputSafety;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of issue 6: each folder in {@code src/test/resources/bad/} is one case (see
 * its README for the layout). Every case runs the real command line, {@code kept build}, in-process
 * with the build date {@link Fixtures#BUILD_DATE}, into an output folder that already holds a
 * previous site, and must give exactly the exit code and findings its {@code expect} file states:
 * with no stack trace, the previous site untouched when the build fails, and, when it succeeds, a
 * site that passes {@link OutputSafety} on every file and nothing written outside the output folder.
 *
 * <p>To see what Kept reports for a new case, run with {@code -Dkept.corpus.print=true}: each
 * case's actual outcome is printed in the {@code expect} format. Read it and judge it before
 * committing it as the expectation: a wrong place or an unhelpful message is a bug to fix in Kept.
 */
class BadInputCorpusTest {
  private static final String PREVIOUS = "<!doctype html><title>previous</title><p>The previous site.</p>\n";
  /** A finding's first line as the command line prints it. */
  private static final Pattern HEADLINE = Pattern.compile("^\\S.*?: (error|warning|notice): .*");
  private static final Pattern CASE_NAME = Pattern.compile("(yaml|csv|md|id|theme|charter|promise)-[a-z0-9-]+");

  static Stream<String> cases() {
    return BadCorpus.cases().stream();
  }

  @Test
  void theCorpusHasAtLeast120CasesEachNamedByItsKind() throws IOException {
    List<String> names = cases().toList();
    assertThat(names).hasSizeGreaterThanOrEqualTo(120);
    assertThat(names).allMatch(n -> CASE_NAME.matcher(n).matches(), "named kind-what");
    for (String name : names) {
      assertThat(BadCorpus.ROOT.resolve(name).resolve("expect")).as(name).isRegularFile();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildGivesTheExpectedOutcome(String name, @TempDir Path tmp) throws IOException {
    Expect expect = BadCorpus.expect(name);
    Path charter = BadCorpus.write(name, tmp);
    boolean themed = Files.isDirectory(tmp.resolve("theme"));
    Path site = tmp.resolve("site");
    Files.createDirectories(site);
    Files.writeString(site.resolve(Publisher.MARKER), "previous\n");
    Files.writeString(site.resolve("index.html"), PREVIOUS);
    Map<String, String> before = snapshot(tmp);

    List<String> args = new ArrayList<>(List.of("build", "--charter", charter.toString(), "--out", site.toString()));
    if (themed) {
      args.addAll(List.of("--templates", tmp.resolve("theme").toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(Fixtures.BUILD_DATE.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    String epoch = String.valueOf(Fixtures.BUILD_DATE.atStartOfDay().toEpochSecond(ZoneOffset.UTC));
    int code =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("SOURCE_DATE_EPOCH", epoch),
            clock);
    String prefix = tmp + "/";
    String stdout = out.toString(StandardCharsets.UTF_8).replace(prefix, "");
    String stderr = err.toString(StandardCharsets.UTF_8).replace(prefix, "");
    List<String> lines = stderr.lines().toList();
    List<String> findings = lines.stream().filter(l -> HEADLINE.matcher(l).matches()).toList();
    if (Boolean.getBoolean("kept.corpus.print")) {
      System.out.println("== " + name + "\nexit: " + code + "\nfindings:\n" + String.join("\n", findings)
          + "\n-- stdout --\n" + stdout + "-- stderr --\n" + stderr);
    }

    assertThat(stdout + stderr)
        .as("%s: no stack trace", name)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("at dev.kept.")
        .doesNotContain("at java.")
        .doesNotContain("internal error");
    assertThat(code).as("%s: exit code; stderr:\n%s", name, stderr).isEqualTo(expect.exit());
    assertThat(findings).as("%s: findings", name).containsExactlyElementsOf(expect.findings());
    Map<String, String> after = snapshot(tmp);
    // The output folder's lock file, beside it, is Kept's own and stays empty (see Publisher).
    String lock = after.remove(".site.lock");
    assertThat(lock == null || lock.equals(Arrays.hashCode(new byte[0]) + ":0")).as("%s: the lock file is empty", name).isTrue();
    if (code == ExitCode.OK) {
      assertThat(stdout).as(name).startsWith("Published ");
      assertThat(site.resolve("index.html")).as(name).content().isNotEqualTo(PREVIOUS);
      assertThat(OutputSafety.problems(site, "")).as("%s: output safety", name).isEmpty();
      for (String[] c : expect.contains()) {
        assertThat(site.resolve(c[0])).as(name).isRegularFile();
        assertThat(Files.readString(site.resolve(c[0]))).as("%s: %s", name, c[0]).contains(c[1]);
      }
      // Nothing is written outside the output folder, and the inputs are left as they were.
      after.keySet().removeIf(k -> k.startsWith("site/"));
      before.keySet().removeIf(k -> k.startsWith("site/"));
      assertThat(after).as("%s: only the output folder changed", name).isEqualTo(before);
    } else {
      assertThat(expect.contains()).as("%s: 'contains' needs a build that succeeds", name).isEmpty();
      assertThat(stdout).as("%s: nothing on stdout", name).isEmpty();
      assertThat(findings).as("%s: the first finding is an error", name).isNotEmpty();
      assertThat(findings.get(0)).contains(": error: ");
      int first = lines.indexOf(findings.get(0));
      assertThat(first + 1 < lines.size() && lines.get(first + 1).startsWith("  hint: "))
          .as("%s: the first error says how to fix it (a hint)", name)
          .isTrue();
      assertThat(lines.get(lines.size() - 1)).as(name).endsWith("site/ is unchanged.");
      assertThat(after).as("%s: the previous site and everything else untouched", name).isEqualTo(before);
    }
  }

  /** Every file and link under {@code root}, by relative path, with its content or target. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          files.put(rel, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          files.put(rel, Arrays.hashCode(Files.readAllBytes(p)) + ":" + Files.size(p));
        } else {
          files.put(rel + "/", "");
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return files;
  }
}
