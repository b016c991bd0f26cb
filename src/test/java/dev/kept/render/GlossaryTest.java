package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: the first use of each glossary term on a page links to its entry on the method page. */
class GlossaryTest {
  private static final Glossary GLOSSARY =
      Glossary.of(
          Map.of(
              "glossary_likely_range_uses", "likely range",
              "glossary_too_few_to_tell_uses", "too few cases to tell|too few to tell",
              "glossary_left_out_uses", "left out|leave out",
              "glossary_provisional_uses", "provisional"));

  private static String link(String html) {
    return GLOSSARY.link(html, "../how-we-measure/");
  }

  @Test
  void onlyTheFirstUseOfEachTermIsLinked() {
    assertThat(link("<p>Likely range 1 to 2; likely range 3 to 4.</p>"))
        .isEqualTo("<p><a class=\"term\" href=\"../how-we-measure/#term-likely-range\">Likely range</a> 1 to 2; likely range 3 to 4.</p>");
  }

  @Test
  void termsInOneTextAreEachLinkedOnceInTheOrderTheyCome() {
    assertThat(link("<p>We left out 3, which are too few to tell; likely range x. Left out again.</p>"))
        .isEqualTo(
            "<p>We <a class=\"term\" href=\"../how-we-measure/#term-left-out\">left out</a> 3, which are"
                + " <a class=\"term\" href=\"../how-we-measure/#term-too-few-to-tell\">too few to tell</a>;"
                + " <a class=\"term\" href=\"../how-we-measure/#term-likely-range\">likely range</a> x. Left out again.</p>");
  }

  @Test
  void theLongerUseWinsWhereTwoStartTogether() {
    assertThat(link("<p>Too few cases to tell.</p>"))
        .contains(">Too few cases to tell</a>.");
  }

  @Test
  void onlyWholeWordsAreUses() {
    String html = "<p>Unprovisional, provisionally, cleft out.</p>";
    assertThat(link(html)).isEqualTo(html);
  }

  @Test
  void headingsLinksCaptionsColumnHeadingsVerdictsLabelsAndTheHeadAreLeftAlone() {
    String html =
        "<html><head><title>Likely range</title></head><body><h2>Left out</h2><a href=\"x\">provisional</a>"
            + "<table><caption>likely range</caption><thead><tr><th>Left out</th></tr></thead><tbody><tr>"
            + "<td><span class=\"verdict verdict-unclear\">Too few cases to tell</span></td>"
            + "<td class=\"num\"><span>Likely range </span>1 to 2</td></tr></tbody></table>"
            + "<dl><dt><dfn>Provisional</dfn></dt></dl><dl class=\"glossary\"><dd>left out</dd></dl><code>left out</code><svg><text>likely range</text></svg>"
            + "<!-- likely range --><p>Provisional, at last.</p></body></html>";
    assertThat(link(html))
        .isEqualTo(html.replace("<p>Provisional, at last.", "<p><a class=\"term\" href=\"../how-we-measure/#term-provisional\">Provisional</a>, at last."));
  }

  @Test
  void aTermAfterAnUnclosedElementIsStillFound() {
    assertThat(link("<ul><li>one<li>two</ul><h3>x</h3><p>left out</p>")).contains(">left out</a>");
  }

  @Test
  void escapedTextStaysEscapedAndAttributesAreNotText() {
    String html = "<p title=\"likely range\">&lt;b&gt; &amp; likely range</p>";
    assertThat(link(html))
        .isEqualTo("<p title=\"likely range\">&lt;b&gt; &amp; <a class=\"term\" href=\"../how-we-measure/#term-likely-range\">likely range</a></p>");
  }

  @Test
  void onTheMethodPageTheLinksStayOnThePage() {
    assertThat(GLOSSARY.link("<p>provisional</p>", "")).contains("href=\"#term-provisional\"");
  }

  @Test
  void aThemeWithoutTheWordsHasNoLinks() {
    String html = "<p>likely range</p>";
    assertThat(Glossary.of(Map.of()).link(html, "x/")).isSameAs(html);
  }
}
