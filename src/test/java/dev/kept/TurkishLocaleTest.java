package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import dev.kept.testing.Trees;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the machine's locale never reaches the output. Under a Turkish default locale, {@code
 * "active".toUpperCase()} is {@code "ACTİVE"} (a dotted capital I), which no enum constant is; every
 * case change and number format names its locale, so the example charter builds to the same bytes.
 *
 * <p>This runs in the test's JVM with {@link Locale#setDefault} (restored after); {@code
 * it.TurkishLocaleIT} runs the packaged jar in a JVM started with {@code -Duser.language=tr}.
 */
class TurkishLocaleTest {
  @TempDir Path dir;

  @Test
  void theExampleCharterBuildsToTheSameBytesUnderATurkishDefaultLocale() throws Exception {
    TreeMap<String, String> root = build(Locale.ROOT, dir.resolve("root"));
    TreeMap<String, String> turkish = build(Locale.forLanguageTag("tr-TR"), dir.resolve("tr"));
    assertThat(root).hasSizeGreaterThan(20);
    assertThat(turkish).isEqualTo(root);
  }

  @Test
  void anEnglishDefaultLocaleGivesTheSameBytesAsTheRootLocale() throws Exception {
    assertThat(build(Locale.US, dir.resolve("en"))).isEqualTo(build(Locale.ROOT, dir.resolve("root")));
  }

  private static TreeMap<String, String> build(Locale locale, Path out) throws Exception {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(locale);
      Pipeline.Outcome outcome = Fixtures.pipeline(Fixtures.exampleCharter(), out).build();
      assertThat(outcome.findings()).as("findings under %s", locale).noneMatch(f -> f.isError());
      assertThat(outcome.published()).as("published under %s", locale).isTrue();
    } finally {
      Locale.setDefault(before);
    }
    return Trees.digest(out);
  }
}
