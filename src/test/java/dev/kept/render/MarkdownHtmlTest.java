package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-paragraph path of {@link MarkdownHtml} against the full flexmark-and-Jsoup path. */
class MarkdownHtmlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We answer your call within 2 minutes.",
        "We reply to your emails within 17 working days. We publish how we did every month.\n",
        "First paragraph, with a comma; and (brackets).\n\nSecond one: 95% of calls/emails.",
        "A line\nand its continuation\n\n\n\nThen another paragraph.\n\n",
        "\u201CQuoted\u201D \u2013 with typographic marks\u2026 and \u00A3 or \u20AC amounts.",
        "Fran\u00E7ais : nous r\u00E9pondons \u00E0 vos appels en moins de 2 minutes !",
        "\"Straight\" quotes, it's fine; a = b + c - d @ 10:30?",
      })
  void plainTextTakesTheShortPathAndComesOutAsTheFullPathWouldRenderIt(String source) {
    String plain = MarkdownHtml.plainParagraphs(source);
    assertThat(plain).isNotNull().isEqualTo(MarkdownHtml.rendered(source));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We credit **\u00A311** to your account.",
        "See [our page](https://example.org).",
        "1. first\n2. second",
        "- an item",
        "Title\n=====",
        "Title\n-----",
        "# A heading",
        "> a quote",
        "    indented code",
        "A line with a hard break  \nand the next",
        "AT&T and <b>tags</b>",
        "under_scores and `code` and back\\slash",
        "2023 was a year",
        "",
        "\n\n",
        "Tab\there",
      })
  void anythingThatMayBeMarkdownGoesTheFullPath(String source) {
    assertThat(MarkdownHtml.plainParagraphs(source)).isNull();
  }

  @Test
  void onThousandsOfRandomTextsTheShortPathEitherDeclinesOrAgreesWithTheFullPath() {
    Random random = new Random(20261122);
    String alphabet = "abcXYZ \u00E9\u00E70123456789.,;:?!'\"()/%$@=+-*_[]<>&#`\\~|{}\u00A3\u2019\u201C\u2013\t";
    int answered = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(5);
      for (int l = 0; l < lines; l++) {
        if (random.nextInt(4) == 0) {
          text.append('\n'); // a blank line between paragraphs
        }
        // Mostly letters, so that many texts are plain; sometimes anything in the alphabet.
        int chars = random.nextInt(30);
        for (int c = 0; c < chars; c++) {
          text.append(
              random.nextInt(10) == 0
                  ? alphabet.charAt(random.nextInt(alphabet.length()))
                  : (char) ('a' + random.nextInt(26)));
        }
        text.append('\n');
      }
      String source = text.toString();
      String plain = MarkdownHtml.plainParagraphs(source);
      if (plain != null) {
        answered++;
        assertThat(plain).as("%s", source.replace("\n", "\\n")).isEqualTo(MarkdownHtml.rendered(source));
      }
    }
    assertThat(answered).as("texts the short path answered").isGreaterThan(1_000);
  }

  /**
   * The second wall, for Markdown that reached the renderer without the check: a link the browser
   * reads as another site's address without a scheme is unwrapped to its text.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[x](/&#9;/evil.example/p)",
        "[x](/&#10;/evil.example/p)",
        "[x](/&#13;/evil.example/p)",
        "[x](<&#1;//evil.example/p>)",
        "[x](&#x20;//evil.example/p)",
        "[x](&#47;&#47;evil.example/p)",
        "[x](&sol;&sol;evil.example/p)",
        "[x](/\\\\evil.example/p)",
        "[x](\\\\/evil.example/p)",
        "[x](//evil.example/p)",
      })
  void aLinkTheBrowserReadsAsAnotherSiteWithoutASchemeIsUnwrapped(String source) {
    String html = MarkdownHtml.rendered(source);
    assertThat(html).isEqualTo("<p>x</p>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[x](/%09/evil.example/p)",
        "[x](\uFF0F\uFF0Fevil.example/p)",
        "[x](/promises/calls/)",
      })
  void aPageOfThisSiteStaysALinkWithoutRel(String source) {
    String html = MarkdownHtml.rendered(source);
    assertThat(html).startsWith("<p><a href=").doesNotContain("rel=");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[x](HTTPS://example.org/a)",
        "[x](Http://example.org/a)",
        "<HTTPS://example.org/a>",
        "[x](https://example.org/a)",
      })
  void everyWebLinkToAnotherSiteCarriesNoopenerWhateverTheCaseOfItsScheme(String source) {
    assertThat(MarkdownHtml.rendered(source)).contains("rel=\"noopener noreferrer\"");
  }

  @Test
  void mailAndPhoneLinksStayWithoutRel() {
    assertThat(MarkdownHtml.rendered("[m](MAILTO:a@example.org) [t](tel:+15555550100)"))
        .contains("href=\"MAILTO:a@example.org\"")
        .contains("href=\"tel:+15555550100\"")
        .doesNotContain("rel=");
  }
}
