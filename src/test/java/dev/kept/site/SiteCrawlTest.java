package dev.kept.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.OutputSafety;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A Jsoup crawl of the built example: links, denominators (H4), and output safety. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteCrawlTest {
  Path site;
  List<Path> pages;

  @BeforeAll
  void build(@TempDir Path dir) {
    site = BuiltSite.build(dir);
    pages = BuiltSite.files(site, ".html");
  }

  private Document parse(Path page) throws IOException {
    return Jsoup.parse(site.resolve(page).toFile(), "UTF-8", "https://kept.test/" + page.toString().replace('\\', '/'));
  }

  @Test
  void everyPageIsThere() {
    assertThat(pages)
        .extracting(Path::toString)
        .contains(
            "index.html", "404.html", "how-we-measure/index.html", "retired/index.html",
            "promises/answer-calls/index.html", "promises/paper-bill-reminders/index.html",
            "promises/smart-meter-faults/index.html")
        .doesNotContain("promises/lead-pipes/index.html");
    assertThat(site.resolve("feed.xml")).isRegularFile();
    assertThat(site.resolve("sitemap.xml")).isRegularFile();
    assertThat(site.resolve("robots.txt")).isRegularFile();
    assertThat(site.resolve("promises/answer-calls/badge.svg")).isRegularFile();
  }

  @Test
  void noInternalLinkOrAnchorIsBroken() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      if (page.toString().equals("404.html")) {
        continue; // its links are absolute, to the site's home
      }
      Document doc = parse(page);
      for (Element a : doc.select("a[href], link[href]")) {
        String href = a.attr("href");
        if (href.startsWith("http") || href.startsWith("mailto:") || href.startsWith("tel:")) {
          continue;
        }
        URI target = URI.create("https://kept.test/" + page.toString().replace('\\', '/')).resolve(href);
        String path = target.getPath().substring(1);
        Path file = site.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
        if (!Files.isRegularFile(file)) {
          broken.add(page + ": " + href);
          continue;
        }
        if (target.getFragment() != null && !target.getFragment().isEmpty()) {
          Document linked = Jsoup.parse(file.toFile(), "UTF-8");
          if (linked.getElementById(target.getFragment()) == null) {
            broken.add(page + ": " + href + " (no such anchor)");
          }
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  /** H4: every rate shown in words has its denominator ("k of n unit") beside it. */
  @Test
  void h4_everyFigureHasItsDenominatorBesideIt() throws IOException {
    Pattern rate = Pattern.compile("(?<![\\w.])(\\d{1,3}(?:\\.\\d+)?%)");
    List<String> alone = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      Document doc = parse(page);
      doc.select("svg").remove(); // charts have the table beside them (H20)
      doc.select("[data-explains]").remove(); // the method in words, with no figures of cases
      List<TextNode> texts = new ArrayList<>();
      NodeTraversor.traverse((NodeVisitor) (node, depth) -> { if (node instanceof TextNode t) texts.add(t); }, doc.body());
      for (TextNode text : texts) {
        Matcher m = rate.matcher(text.text());
        while (m.find()) {
          Element block = text.parent();
          while (block != null && !block.tagName().matches("p|li|tr|dd|figcaption|div|section")) {
            block = block.parent();
          }
          String context = block == null ? text.text() : block.text();
          String after = text.text().substring(m.end());
          if (!after.startsWith(" to ") && isRateOfCases(context, m.group(1))) {
            checked++;
            if (!context.matches("(?s).*\\d[\\d,]* of [\\d,]+ \\p{L}.*")) {
              alone.add(page + ": " + m.group(1) + " in: " + context);
            }
          }
        }
      }
    }
    assertThat(alone).isEmpty();
    assertThat(checked).isGreaterThan(500);
  }

  /** Targets, thresholds and ranges are not rates of cases; everything else is. */
  private static boolean isRateOfCases(String context, String figure) {
    String before = context.substring(0, Math.max(0, context.indexOf(figure)));
    return !(before.endsWith("target ") || before.endsWith("target: ") || before.endsWith("Target: ")
        || before.endsWith("target was ") || before.endsWith("target is ") || before.endsWith("than ")
        || before.endsWith(" to ") || before.endsWith("range ") || before.endsWith("from ")
        || before.endsWith("a ") || before.endsWith("least ") || before.endsWith("force: ")
        || context.equals(figure) || before.endsWith("Fewer than "));
  }

  /** Output safety (issue 6), the same rules the bad-input corpus holds every site it builds to. */
  @Test
  void pagesRunNoScriptAndLinkOutSafely() {
    assertThat(OutputSafety.problems(site, "https://promises.tamarvalewater.example/")).isEmpty();
  }

  @Test
  void everyPageLinksToTheDataAndSaysWhenItWasPublished() throws IOException {
    for (Path page : pages) {
      Document doc = parse(page);
      // On a promise's page, "All figures, as JSON" leads to the promise's whole record (format 2).
      String json = page.startsWith("promises") ? "a[href$=" + page.getParent().getFileName() + "/data.json]" : "a[href$=charter.json]";
      assertThat(doc.select(json)).as("%s: JSON link", page).isNotEmpty();
      assertThat(doc.text()).as("%s: H18", page).contains("Published 16 November 2026").contains("Next update due 14 December 2026");
      if (page.startsWith("promises") && !page.toString().contains("smart-meter")) {
        assertThat(doc.select("a[href$=.csv]")).as("%s: CSV link", page).isNotEmpty();
      }
    }
  }

  /** H19: a promise page answers the questions in order. */
  /** A promise not measured yet has no unit: its "what counts" sentence still has a subject. */
  @Test
  void aPromiseNotMeasuredYetSaysWhatWillCount() throws IOException {
    Document doc = parse(Path.of("promises/smart-meter-faults/index.html"));
    assertThat(doc.select("section[aria-labelledby=kept] p").first().text())
        .startsWith("We will count this promise as kept when the meter sent readings again");
  }

  @Test
  void h19_aPromisePageAnswersInOrder() throws IOException {
    Document doc = parse(Path.of("promises/fix-leaks/index.html"));
    List<String> headings = doc.select("main section > h2").eachText();
    assertThat(headings)
        .containsExactly(
            "What we promise", "What counts as kept", "What is not covered", "How we measure it",
            "What you get if we break it", "How we did", "What changed");
    // Issue 14: on a phone the page is long; its jump links come first, the figures first among them.
    assertThat(doc.select("main h2").first().text()).isEqualTo("On this page");
    assertThat(doc.select("nav.on-page a").eachAttr("href"))
        .containsExactly("#did", "#table", "#remedy", "#promise", "#not-covered", "#measure", "#changed");
    assertThat(doc.text()).contains("We lowered this promise's target");
    assertThat(doc.select("a.report").attr("href")).isEqualTo("https://www.tamarvalewater.example/broken-promise");
  }

  /**
   * H11, H20: every period is in the table, gaps included, each its own block ({@code <tbody>})
   * with the gap's reason in it, and the chart has a text alternative.
   */
  @Test
  void h11_h20_theTableHasEveryPeriodAndTheChartIsDescribed() throws IOException {
    Document doc = parse(Path.of("promises/answer-emails/index.html"));
    assertThat(doc.select("table.figures > tbody")).hasSize(24);
    assertThat(doc.select("tbody#p-2025-03").text()).contains("No figures").contains("lost");
    assertThat(doc.select("tbody#p-2025-03 tr.more").text()).contains("lost");
    Element svg = doc.selectFirst("svg.kc-chart");
    assertThat(svg.attr("role")).isEqualTo("img");
    assertThat(svg.selectFirst("title").text()).isNotBlank();
    assertThat(svg.selectFirst("desc").text()).contains("table below");
    assertThat(svg.select("polyline.kc-line")).hasSizeGreaterThanOrEqualTo(3); // broken at two gaps
  }

  /** H14: promises in the charter's order, every verdict in words. */
  @Test
  void h14_theIndexKeepsTheCharterOrderAndSaysEveryVerdictInWords() throws IOException {
    Document doc = parse(Path.of("index.html"));
    assertThat(doc.select(".cards .card-title").eachText())
        .startsWith("Answering your calls", "Replying to your emails", "Replying to written complaints");
    for (Element verdict : doc.select(".verdict")) {
      assertThat(verdict.text()).isNotBlank();
    }
    assertThat(doc.select(".summary-sentence").text()).startsWith("In the 12 months from November 2025 to October 2026, we met 5");
  }

  @Test
  void theFeedAndBadgeAreWellFormed() throws IOException {
    Document feed = Jsoup.parse(Files.readString(site.resolve("feed.xml")), "", org.jsoup.parser.Parser.xmlParser());
    assertThat(feed.select("entry")).hasSizeGreaterThan(10);
    assertThat(feed.select("entry > updated").eachText()).allMatch(u -> u.matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z"));
    assertThat(feed.select("entry > title").eachText()).contains("Target lowered: Fixing leaks you report", "Promise retired: Posting bill reminders on time");
    String badge = Files.readString(site.resolve("promises/answer-calls/badge.svg"));
    assertThat(badge).contains("94.9% (114,868 of 120,978 calls)").contains("missed narrowly");
  }

  /**
   * Issue 14: a customer reads why cases were left out in words, never as the charter's code: no
   * page shows a reason's code, as text or in {@code <code>}, and the promise page lists each
   * reason by its description.
   */
  @Test
  void exclusionReasonsAreShownByTheirDescriptionNeverTheirCode() throws IOException {
    List<String> codes = List.of("customer-cancelled", "hung-up-early", "no-access", "spam", "third-party");
    for (Path page : pages) {
      Document doc = parse(page);
      assertThat(doc.select("main code")).as(page.toString()).isEmpty();
      String text = doc.body().text();
      for (String code : codes) {
        assertThat(text).as("%s shows the code %s", page, code).doesNotContainPattern("(?<![\\w-])" + code + "(?![\\w-])");
      }
    }
    Document calls = parse(Path.of("promises/answer-calls/index.html"));
    assertThat(calls.select("ul.reasons li")).extracting(Element::text)
        .containsExactly("Callers who hung up within 10 seconds, before anyone could answer.");
    assertThat(calls.select("#kept ~ p").first().text()).startsWith("We count calls as kept when");
  }

  /**
   * Issue 14: the method page has a glossary, and on every page the first use of each term links to
   * its entry: no term is linked twice on a page, every link reaches an entry, and a term used
   * only in a generated sentence (the promise page's "normal variation") is linked too.
   */
  @Test
  void eachTermsFirstUseOnAPageLinksToTheGlossary() throws IOException {
    Document method = parse(Path.of("how-we-measure/index.html"));
    List<String> ids = List.of("term-likely-range", "term-normal-variation", "term-provisional", "term-too-few-to-tell", "term-left-out");
    for (String id : ids) {
      assertThat(method.select("dl.glossary dt#" + id + " dfn")).as(id).hasSize(1);
      assertThat(method.selectFirst("dt#" + id).nextElementSibling().text()).as(id).isNotBlank();
    }
    for (Path page : pages) {
      Document doc = parse(page);
      List<String> linked = doc.select("a.term").eachAttr("abs:href");
      assertThat(linked).as(page.toString()).doesNotHaveDuplicates();
      for (String href : linked) {
        assertThat(href.replace("/index.html#", "/#")).startsWith("https://kept.test/how-we-measure/#term-");
        assertThat(ids).contains(href.substring(href.indexOf('#') + 1));
      }
      for (Element a : doc.select("a.term")) {
        assertThat(a.parents()).as(a.outerHtml()).noneMatch(p -> p.is("h1, h2, h3, h4, h5, h6, caption, thead, a, dfn, .verdict, dl.glossary"));
      }
    }
    Document calls = parse(Path.of("promises/answer-calls/index.html"));
    assertThat(calls.select("a.term").eachText())
        .contains("provisional", "normal variation", "likely range", "left out");
    Element variation = calls.selectFirst("a.term[href$=#term-normal-variation]");
    assertThat(variation.parent().hasClass("headline-sentence")).isTrue();
  }
}
