package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import freemarker.core.HTMLOutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The period table's rows written by {@link PeriodTable} are the rows the built-in {@code
 * partials/period-table.ftlh} lists through the {@code verdict} macro, byte for byte: a theme whose
 * verdict partial is a copy of the built-in one takes the template's way, and its site must be the
 * built-in theme's site, with the built-in words and with words of a theme's own.
 */
class PeriodTableTest {
  @TempDir Path dir;

  /** Texts with every character HTML escapes, a gap, a provisional and a flagged period, two reasons. */
  private static final CharterFixture CHARTER =
      CharterFixture.of(
          """
          -- charter.yaml --
          organisation: Test & "Water"
          title: Our <promises>
          published: 2026-11-16
          next_update: 2026-12-14
          -- promises/leaks.yaml --
          title: Fixing 'leaks' & <bursts>
          promise: We fix a leak within 2 days.
          unit: leaks
          kept_when: a leak was fixed within 2 days
          target: 90%
          since: 2026-03
          not_covered: []
          remedy: none
          exclusions:
            no-access: We could not get in <to the "property"> & 'yard'.
            third-party: Another company's pipe > ours.
          -- figures/leaks.csv --
          period,cases,kept,excluded:no-access,excluded:third-party,note
          2026-03,578,538,9,5,A note with <b>bold</b> & "quotes" & 'apostrophes'
          2026-04,656,601,60,6,
          2026-05,,,,,System <outage> & "loss"
          2026-06,0,0,0,0,No leaks reported
          2026-07,20,19,0,0,
          2026-08,700,600,0,3,
          2026-09,700,690,1,0,
          2026-10,700,650,0,0,
          2026-11,300,290,2,40,Part of "November"
          """);

  private Map<String, String> build(String name, Map<String, String> themeFiles) throws Exception {
    Path charter = dir.resolve("charter");
    if (!Files.isDirectory(charter)) {
      CHARTER.writeTo(charter);
    }
    Optional<Path> theme = Optional.empty();
    if (!themeFiles.isEmpty()) {
      Path folder = dir.resolve("theme-" + name);
      for (Map.Entry<String, String> f : themeFiles.entrySet()) {
        Files.createDirectories(folder.resolve(f.getKey()).getParent());
        Files.writeString(folder.resolve(f.getKey()), f.getValue());
      }
      theme = Optional.of(folder);
    }
    Path out = dir.resolve("site-" + name);
    Pipeline.Outcome outcome = new Pipeline(new Pipeline.Options(charter, "charter", out, Fixtures.BUILD_DATE, Limits.DEFAULT, theme)).build();
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  private static String verdictCopy() throws Exception {
    return Files.readString(Path.of("templates/partials/verdict.ftlh"));
  }

  @Test
  void theWrittenRowsAreTheTemplatesRowsByteForByte() throws Exception {
    Map<String, String> written = build("built-in", Map.of());
    Map<String, String> listed = build("verdict-copy", Map.of("partials/verdict.ftlh", verdictCopy()));
    assertThat(listed).isEqualTo(written);
    // The two sites were made the two ways: rows written by Kept, and rows listed by the template.
    assertThat(SiteRenderer.rowsWritten(Theme.builtIn())).isTrue();
    assertThat(SiteRenderer.rowsWritten(Theme.load(Optional.of(dir.resolve("theme-verdict-copy"))))).isFalse();
    String page = written.get("promises/leaks/index.html");
    assertThat(Jsoup.parse(page).select("table.figures > tbody")).hasSize(9);
    assertThat(page)
        .contains("<tbody id=\"p-2026-05\" class=\"gap\">")
        .contains("<tbody id=\"p-2026-11\" class=\" provisional flagged\">")
        .contains("A note with &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &amp; &#39;apostrophes&#39;")
        .contains("We could not get in &lt;to the &quot;property&quot;&gt; &amp; &#39;yard&#39;.");
  }

  @Test
  void theWrittenRowsUseTheThemesWordsEscapedAsTheTemplateEscapesThem() throws Exception {
    String words =
        "no_figures=No <figures> & \"none\"\n"
            + "range_cell=from {low} <to> {high} & 'so on'\n"
            + "provisional_short=Not <final> yet\n"
            + "flagged=Many & \"left out\"\n";
    Map<String, String> written = build("words", Map.of("i18n/en.properties", words));
    Map<String, String> listed = build("words-verdict", Map.of("i18n/en.properties", words, "partials/verdict.ftlh", verdictCopy()));
    assertThat(listed).isEqualTo(written);
    assertThat(written.get("promises/leaks/index.html"))
        .contains("<td colspan=\"5\">No &lt;figures&gt; &amp; &quot;none&quot;</td>")
        .contains("&lt;to&gt;")
        .contains("<strong>Not &lt;final&gt; yet</strong>")
        .contains("<strong><a href=\"#flagged-note\">Many &amp; &quot;left out&quot;</a></strong>");
  }

  @Test
  void textIsEscapedExactlyAsATemplateEscapesIt() {
    Random random = new Random(13);
    String alphabet = "<>&\"'aZ09 \u00a0\u2013\u00e9\n\t;#=/\\`";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(new HtmlWriter(16).text(text.toString()).toString())
          .as(text.toString())
          .isEqualTo(HTMLOutputFormat.INSTANCE.escapePlainText(text.toString()));
    }
  }

  @Test
  void theWritersMarkupHasNoScriptNoHandlerAndNoLink() {
    StringBuilder all = new StringBuilder("<table><tbody>");
    for (HtmlWriter.Tag tag : HtmlWriter.Tag.values()) {
      String markup = tag.markup().toLowerCase(java.util.Locale.ROOT);
      assertThat(markup).as(tag.name()).doesNotContain("script", "src", "action", "style", "<svg", "<math", "<!");
      assertThat(markup).as(tag.name()).doesNotContainPattern("\\son[a-z]*\\s*=");
      // A link only to a place on the same page: its href opened by a fixed '#', whatever text follows.
      assertThat(markup.replace("<a href=\"#", "")).as(tag.name()).doesNotContain("href", "<a ");
      all.append(tag.markup());
    }
    for (Element e : Jsoup.parse(all.toString()).getAllElements()) {
      e.attributes().forEach(a -> assertThat(a.getKey()).isIn("id", "class", "scope", "datetime", "colspan", "rowspan", "href"));
      if (e.hasAttr("href")) {
        assertThat(e.attr("href")).startsWith("#");
      }
    }
  }

  /**
   * Issue 14: a period's note, its gap's reason, its flag with the stress-tested figure, the reasons
   * cases were left out and its provisional mark are all in the period's own block (its {@code
   * <tbody>}, in the row under its figures), never in a column of their own; a period with none
   * of them has a second row only for its margin to the target.
   */
  @Test
  void eachPeriodsNoteFlagAndReasonsAreInItsOwnBlock() throws Exception {
    org.jsoup.nodes.Document doc = Jsoup.parse(build("blocks", Map.of()).get("promises/leaks/index.html"));
    assertThat(doc.select("table.figures thead th")).extracting(Element::text)
        .containsExactly("Period", "Result", "Kept", "Share kept", "Likely range", "Target", "Left out");
    Element gap = doc.selectFirst("tbody#p-2026-05");
    assertThat(gap.select("tr")).hasSize(2);
    assertThat(gap.selectFirst("tr.more").text()).isEqualTo("System <outage> & \"loss\"");
    assertThat(gap.selectFirst("th[scope=row]").attr("rowspan")).isEqualTo("2");
    Element flagged = doc.selectFirst("tbody#p-2026-11");
    String more = flagged.selectFirst("tr.more td[colspan=6]").text();
    assertThat(more)
        .startsWith("Provisional. Flagged (see below the table). We met it with 20 leaks to spare. Part of \"November\"")
        .contains("2 left out: We could not get in <to the \"property\"> & 'yard'.")
        .contains("40 left out: Another company's pipe > ours.")
        .contains("Counting the leaks left out as not kept: ");
    assertThat(flagged.selectFirst("tr.more").select("br")).hasSize(3); // the note, two reasons, the figure: a line each
    // A judged period with no note has one line under its figures: its margin to the target (H2).
    Element plain = doc.selectFirst("tbody#p-2026-10");
    assertThat(plain.select("tr")).hasSize(2);
    assertThat(plain.selectFirst("tr.more").text()).matches("We (missed it by|met it with) .*");
    // Each number cell's label, for the stacked block on a narrow screen.
    assertThat(plain.select("td.num > span")).extracting(Element::text).containsExactly("Likely range", "Target", "Left out");
    for (Element row : doc.select("table.figures tr")) {
      assertThat(row.children().size()).as(row.outerHtml()).isLessThanOrEqualTo(7);
    }
  }
}
