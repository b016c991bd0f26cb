package dev.kept.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.Finding;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken-charter corpus: each file in {@code src/test/resources/broken/} is the minimal valid
 * charter with some files replaced, and ends with the exact findings {@code kept check} must report
 * (every one, in order: file, line, column, severity and message).
 *
 * <p>To see what Kept reports for a new case, run with {@code -Dkept.corpus.print=true}; the
 * expectation is then written by hand after checking it.
 */
class BrokenCharterCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/broken");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void theCorpusHasAtLeast25Cases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedFindings(String name, @TempDir Path dir) throws IOException {
    CharterFixture broken =
        CharterFixture.of(Files.readString(CORPUS.resolve(name + ".txt"), StandardCharsets.UTF_8));
    Path charter = Fixtures.minimal().with(broken).writeTo(dir.resolve("charter"));
    Pipeline.Outcome outcome = Fixtures.check(charter);
    List<String> actual =
        outcome.findings().stream()
            .map(Finding::headline)
            .map(h -> h.replace(charter.toString(), "charter"))
            .toList();
    if (Boolean.getBoolean("kept.corpus.print")) {
      System.out.println("== " + name + "\n" + String.join("\n", actual));
    }
    List<String> expected = broken.section("expect").lines().filter(l -> !l.isBlank()).toList();
    assertThat(actual).as(name).containsExactlyElementsOf(expected);
    if (name.endsWith("-are-fine")) {
      assertThat(outcome.hasErrors()).isFalse();
    } else {
      assertThat(outcome.hasErrors()).as("a broken charter has errors").isTrue();
      assertThat(outcome.charter()).isEmpty();
    }
    for (Finding f : outcome.findings()) {
      assertThat(f.message()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
