package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.model.Finding;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layered theme (issue 12): a theme folder overrides one piece of the page by holding one
 * partial, and everything else comes from the built-in theme unchanged.
 */
class ThemePartialsTest {
  @TempDir Path dir;

  private Pipeline.Outcome build(Optional<Path> theme, Path out) throws Exception {
    Path charter = dir.resolve("charter");
    if (!Files.isDirectory(charter)) {
      Fixtures.minimal().writeTo(charter);
    }
    return new Pipeline(new Pipeline.Options(charter, "charter", out, Fixtures.BUILD_DATE, Limits.DEFAULT, theme)).build();
  }

  private Path theme(String file, String text) throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve(file).getParent());
    Files.writeString(theme.resolve(file), text);
    return theme;
  }

  private static Map<String, String> site(Path root) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void overridingOnePartialChangesOnlyThatPiece() throws Exception {
    assertThat(build(Optional.empty(), dir.resolve("built-in")).published()).isTrue();
    String card = Files.readString(Path.of("templates/partials/card.ftlh"));
    assertThat(card).contains("<li class=\"card\">");
    Path theme = theme("partials/card.ftlh", card.replace("<li class=\"card\">", "<li class=\"card card-own\">"));
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("own"));
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();

    Map<String, String> builtIn = site(dir.resolve("built-in"));
    Map<String, String> own = site(dir.resolve("own"));
    assertThat(own.keySet()).isEqualTo(builtIn.keySet());
    builtIn.forEach((name, bytes) ->
        assertThat(own.get(name)).as(name).isEqualTo(bytes.replace("<li class=\"card\">", "<li class=\"card card-own\">")));
    assertThat(own.get("index.html")).contains("<li class=\"card card-own\">");
    assertThat(own.values().stream().filter(page -> !builtIn.containsValue(page))).isNotEmpty();
  }

  @Test
  void aPartialTheBuiltInLayoutIncludesIsTakenFromTheFolderAndIncludesBuiltInOnesInTurn() throws Exception {
    Path theme = theme("partials/footer.ftlh", "<footer class=\"site-footer\"><p>Our own footer.</p>\n<#include \"downloads.ftlh\">\n</footer>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    String index = Files.readString(dir.resolve("site/index.html"));
    assertThat(index)
        .contains("<footer class=\"site-footer\"><p>Our own footer.</p>\n    <h2 class=\"footer-heading\">Download the data</h2>")
        .doesNotContain("Published with Kept.")
        .contains("<header class=\"site-header\">");
  }

  @Test
  void aProblemOnAPageIsBlamedOnThePartialThatWroteIt() throws Exception {
    Path theme = theme("partials/verdict.ftlh", "<#-- A verdict. -->\n<span class=\"verdict verdict-${class}\" onclick=\"go()\">${label}</span>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::headline)
        .first()
        .asString()
        .startsWith(theme.resolve("partials/verdict.ftlh") + ":2:")
        .contains("onclick");
    assertThat(dir.resolve("site")).doesNotExist();
  }

  @Test
  void aPartialIsCheckedLikeAnyTemplateAtItsOwnPlace() throws Exception {
    Path theme = theme("partials/dates.ftlh", "<p class=\"dates\">\n${\"1+1\"?eval}\n</p>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::headline)
        .singleElement()
        .asString()
        .startsWith(theme.resolve("partials/dates.ftlh") + ":2:")
        .contains("?eval, which Kept does not allow");
  }

  @Test
  void fillPutsValuesInWordsAndEscapesThemAsThePageNeeds() throws Exception {
    Path theme =
        theme(
            "partials/header.ftlh",
            "<p id=\"text\">${fill(\"<{x}>\", {\"x\": \"&\"})}</p>\n"
                + "<p id=\"markup\">${fill(\"<b>{x}</b>\"?no_esc, {\"x\": \"<i>\"})}</p>\n"
                + "<p id=\"words\">${fill(t.retired_link, {\"count\": 3?c})}</p>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    assertThat(Files.readString(dir.resolve("site/index.html")))
        .contains("<p id=\"text\">&lt;&amp;&gt;</p>")
        .contains("<p id=\"markup\"><b>&lt;i&gt;</b></p>")
        .contains("<p id=\"words\">See 3 retired promises, with their whole record.</p>");
  }

  @Test
  void aPlaceholderATemplateGivesNoValueFailsThePageAtItsPlace() throws Exception {
    Path theme = theme("partials/header.ftlh", "<p>\n  ${fill(t.published, {\"day\": site.published})}\n</p>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::headline)
        .singleElement()
        .asString()
        .startsWith(theme.resolve("partials/header.ftlh") + ":2:")
        .contains("have {date}, but no value was given for it (given: day)");
  }

  @Test
  void aNumberGivenToFillIsRefusedWithTheWayToWriteIt() throws Exception {
    Path theme = theme("partials/header.ftlh", "<p>${fill(t.retired_link, {\"count\": 3})}</p>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings().get(0).headline())
        .startsWith(theme.resolve("partials/header.ftlh") + ":1:")
        .contains("the value for {count} is not text: write a number as text with ?c");
  }

  @Test
  void aWordThatUsesAPlaceholderKeptDoesNotFillIsRefusedAtItsLine() throws Exception {
    Path theme = theme("i18n/en.properties", "# Our words\nnav_home=Home\npublished = Published on {day}, {date}.\n");
    ThemeException e = org.junit.jupiter.api.Assertions.assertThrows(ThemeException.class, () -> Theme.load(Optional.of(theme)));
    assertThat(e.findings()).extracting(Finding::headline)
        .containsExactly(theme.resolve("i18n/en.properties") + ":3:26: error: the word published has {day}, which Kept does not fill in it");
    assertThat(e.findings().get(0).hint()).contains("Kept fills {date} in published: check the spelling, or take {day} out.");
  }

  @Test
  void aWordMayLeaveOutAPlaceholderAndAThemesOwnWordsAreItsOwn() throws Exception {
    Path theme = theme("i18n/en.properties", "retired_link=See the retired promises.\nmy_word={anything}\n");
    assertThat(Theme.load(Optional.of(theme))).isNotNull();
  }

  @Test
  void aThemesOwnPeriodTableListsTheRowsItselfAndTheRestOfThePageIsUnchanged() throws Exception {
    assertThat(build(Optional.empty(), dir.resolve("built-in")).published()).isTrue();
    Path theme =
        theme(
            "partials/period-table.ftlh",
            "<table class=\"own-table\"><tbody>\n"
                + "<#list p.rows?reverse as r><tr class=\"own-row\"><td>${r.when}</td><td>${r.figure}</td><td>${r.label}</td></tr>\n</#list>"
                + "</tbody></table>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("own"));
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    String page = Files.readString(dir.resolve("own/promises/calls/index.html"));
    assertThat(page)
        .contains("<table class=\"own-table\"><tbody>\n<tr class=\"own-row\"><td>October 2026</td><td>99.0%</td>")
        .doesNotContain("<table class=\"figures\">", "<tbody id=\"p-2026-10\"");
    assertThat(page.split("class=\"own-row\"", -1)).hasSize(5);
    Map<String, String> builtIn = site(dir.resolve("built-in"));
    Map<String, String> own = site(dir.resolve("own"));
    builtIn.forEach((name, bytes) -> {
      if (!name.equals("promises/calls/index.html".replace('/', java.io.File.separatorChar))) {
        assertThat(own.get(name)).as(name).isEqualTo(bytes);
      }
    });
  }

  @Test
  void aThemesOwnVerdictShowsInEveryRowOfTheTable() throws Exception {
    Path theme = theme("partials/verdict.ftlh", "<b class=\"own-verdict own-${class}\">${label}</b>\n");
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    String page = Files.readString(dir.resolve("site/promises/calls/index.html"));
    org.jsoup.select.Elements rows = org.jsoup.Jsoup.parse(page).select("table.figures tbody tr:not(.more)");
    assertThat(rows).hasSize(4);
    assertThat(rows).allSatisfy(row -> assertThat(row.select("td b.own-verdict")).hasSize(1));
    assertThat(page).doesNotContain("<span class=\"verdict");
    assertThat(rows.get(0).outerHtml()).contains("own-met");
  }

  @Test
  void aThemesOwnLayoutsVerdictMacroShowsInTheTableToo() throws Exception {
    String layout = Files.readString(Path.of("templates/layout.ftlh"));
    String own = layout.replace("<#include \"partials/verdict.ftlh\">", "<i class=\"own-verdict\">${label}</i>");
    assertThat(own).isNotEqualTo(layout);
    Path theme = theme("layout.ftlh", own);
    Pipeline.Outcome outcome = build(Optional.of(theme), dir.resolve("site"));
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    String page = Files.readString(dir.resolve("site/promises/calls/index.html"));
    assertThat(org.jsoup.Jsoup.parse(page).select("table.figures tbody tr td i.own-verdict")).hasSize(4);
  }
}
