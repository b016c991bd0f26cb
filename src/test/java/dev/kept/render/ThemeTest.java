package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.model.Finding;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A company's theme overrides the built-in one file by file, and cannot escape its sandbox. */
class ThemeTest {
  @TempDir Path dir;

  private Pipeline.Outcome build(Path theme) throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    return new Pipeline(
            new Pipeline.Options(charter, "charter", dir.resolve("site"), Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.of(theme)))
        .build();
  }

  @Test
  void aThemeFolderOverridesFilesAndFallsBackForTheRest() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("assets"));
    Files.createDirectories(theme.resolve("i18n"));
    Files.writeString(theme.resolve("assets/kept.css"), "body { color: black; }\n");
    Files.writeString(theme.resolve("assets/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    Files.writeString(theme.resolve("i18n/en.properties"), "nav_home=Home\n");
    Pipeline.Outcome outcome = build(theme);
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    Path site = dir.resolve("site");
    assertThat(site.resolve("assets/kept.css")).hasContent("body { color: black; }");
    assertThat(site.resolve("assets/logo.svg")).isRegularFile();
    String index = Files.readString(site.resolve("index.html"));
    assertThat(index).contains(">Home</a>").contains("How we measure");
    assertThat(site.resolve("promises/calls/index.html")).isRegularFile();
  }

  @Test
  void aThemeAssetABrowserWouldOpenAsAPageIsRefused() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("assets"));
    Files.writeString(theme.resolve("assets/evil.htm"), "<script>alert(1)</script>\n");
    Pipeline.Outcome outcome = build(theme);
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).hasSize(1);
    assertThat(outcome.findings().get(0).headline()).endsWith("error: the theme's asset evil.htm is not a kind of file Kept publishes");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void aThemeImageWithAScriptIsNeverPublished() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("assets"));
    Files.writeString(theme.resolve("assets/logo.SVG"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n");
    Pipeline.Outcome outcome = build(theme);
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).hasSize(1);
    assertThat(outcome.findings().get(0).headline())
        .isEqualTo(theme.resolve("assets/logo.SVG") + ":1:41: error: a <script> element (assets/logo.SVG:1:41)");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
        "${site?api.getClass()}",
        "${\"1+1\"?eval}",
        "<#assign x = \"${'$'}{1}\"?interpret><@x/>",
      })
  void aThemeThatReachesForJavaOrEvaluatesTextIsRefused(String template) throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme);
    Files.writeString(theme.resolve("index.ftlh"), "<p>\n" + template + "\n</p>\n");
    Pipeline.Outcome outcome = build(theme);
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::headline)
        .singleElement()
        .asString()
        .startsWith(theme.resolve("index.ftlh") + ":2:")
        .contains("which Kept does not allow");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${site.getClass().getName()}",
        "${site.class.name}",
        "${site.hashCode()}",
        "${site.equals(site)?c}",
        "${site.toString()}",
      })
  void templatesCannotReachClassesOrMethodsThroughTheData(String expression) throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme);
    Files.writeString(theme.resolve("index.ftlh"), "<p>" + expression + "</p>\n");
    Pipeline.Outcome outcome = build(theme);
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings().get(0).headline())
        .startsWith(theme.resolve("index.ftlh") + ":1:")
        .contains("the template failed");
  }

  @Test
  void aBrokenTemplateFailsTheBuildWithItsPlaceAndWritesNothing() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme);
    Files.writeString(theme.resolve("promise.ftlh"), "<p>\n${promise.nosuchthing}\n</p>\n");
    Pipeline.Outcome outcome = build(theme);
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::headline)
        .singleElement()
        .asString()
        .startsWith(theme.resolve("promise.ftlh") + ":2:3: error: the template failed:");
    assertThat(dir.resolve("site")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContainSequence(".site.staging");
    }
  }

  @Test
  void userTextIsEscapedEvenWhereTheThemePrintsIt() throws Exception {
    Path charter =
        Fixtures.minimal()
            .with("charter.yaml", "organisation: \"<script>alert(1)</script> & Co\"\ntitle: Our promises\npublished: 2026-11-16\nnext_update: 2026-12-14\n")
            .writeTo(dir.resolve("charter"));
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, dir.resolve("site")).build();
    assertThat(outcome.published()).isTrue();
    String index = Files.readString(dir.resolve("site/index.html"));
    assertThat(index).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
  }

  /** Issue 11, item 13: --templates / said nothing useful and failed walking /proc. */
  @Test
  void aFolderThatIsNotAThemeIsRefusedWithoutWalkingIt() {
    long start = System.nanoTime();
    for (Path folder : java.util.List.of(Path.of("/"), Path.of("/proc"), dir)) {
      ThemeException e =
          org.junit.jupiter.api.Assertions.assertThrows(ThemeException.class, () -> Theme.load(Optional.of(folder)));
      assertThat(e.findings()).hasSize(1);
      assertThat(e.findings().get(0).headline())
          .isEqualTo(folder + ": error: this folder is not a theme: it has no templates (.ftlh, .ftlx), no assets/ and no i18n/ folder");
      assertThat(e.findings().get(0).hint()).isPresent();
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms: no folder is walked").isLessThan(2_000);
  }

  @Test
  void aFileNamedAsTheThemeIsSaidToBeAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("layout.ftlh"), "x");
    ThemeException e =
        org.junit.jupiter.api.Assertions.assertThrows(ThemeException.class, () -> Theme.load(Optional.of(file)));
    assertThat(e.findings().get(0).message()).isEqualTo("the theme folder is a file, not a folder");
  }

  /** Issue 11, item 11: a theme holding too many files (a home folder named by mistake). */
  @Test
  void aThemeFolderWithTooManyFilesIsRefused() throws Exception {
    Files.writeString(dir.resolve("layout.ftlh"), "x");
    Path deep = dir.resolve("a/b");
    Files.createDirectories(deep);
    for (int i = 0; i <= ThemeFolder.MAX_FILES; i++) {
      Files.writeString(deep.resolve(i + ".txt"), "");
    }
    ThemeException e =
        org.junit.jupiter.api.Assertions.assertThrows(ThemeException.class, () -> Theme.load(Optional.of(dir)));
    assertThat(e.findings().get(0).message()).isEqualTo("the theme folder holds more than 2000 files");
  }

  @Test
  void includeNamesResolveInsideTheThemeOnly() {
    assertThat(Theme.resolve("index.ftlh", "part.ftlh")).contains("part.ftlh");
    assertThat(Theme.resolve("parts/a.ftlh", "b.ftlh")).contains("parts/b.ftlh");
    assertThat(Theme.resolve("parts/a.ftlh", "/b.ftlh")).contains("b.ftlh");
    assertThat(Theme.resolve("parts/a.ftlh", "../b.ftlh")).contains("b.ftlh");
    assertThat(Theme.resolve("parts/a.ftlh", "../../b.ftlh")).isEmpty();
    assertThat(Theme.resolve("a.ftlh", "*/b.ftlh")).isEmpty();
    assertThat(Theme.resolve("a.ftlh", "file:/etc/passwd")).isEmpty();
    assertThat(Theme.resolve("a.ftlh", "..\\b.ftlh")).isEmpty();
  }
}
