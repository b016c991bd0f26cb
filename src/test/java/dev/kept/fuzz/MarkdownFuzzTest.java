package dev.kept.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Findings;
import dev.kept.model.Markdown;
import dev.kept.model.SourcePos;
import dev.kept.render.RenderAccess;
import dev.kept.validate.ValidateAccess;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fuzzes the Markdown path: {@code MarkdownCheck} on a {@code |} block value, then {@code
 * MarkdownHtml} (block and inline) on the same text.
 *
 * <p>Also: the renderer's plain-paragraph short cut gives exactly what the full path gives.
 *
 * <p>Property: nothing throws; every check finding has a line and column inside the block; and the
 * Markdown the check passes renders to HTML that, read back with Jsoup, has only the safelisted
 * elements, no event handler or other attribute beyond a link's href and rel, and no link whose
 * scheme a browser would read as javascript:, vbscript: or data: (nor any scheme but http, https,
 * mailto and tel), none that the browser reads as another site without a scheme ({@code
 * /&#9;/host}), and {@code rel="noopener"} on every link to another site, in any case. (Markdown the check refuses never reaches the renderer: the build stops after
 * validate.) Seeds: {@code MarkdownFuzzTestInputs/markdown/}.
 */
class MarkdownFuzzTest {
  private static final String FILE = "charter/promises/calls.yaml";
  private static final Set<String> ELEMENTS =
      Set.of("html", "head", "body", "p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote");
  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");

  @FuzzTest(maxDuration = "10m")
  void markdown(byte[] data) throws Throwable {
    Budget.within(java.time.Duration.ofSeconds(10), () -> markdownOnce(data));
  }

  private void markdownOnce(byte[] data) {
    // A '|' block's text as SnakeYAML gives it: every line break (CRLF, CR, NEL, LS, PS) is a LF.
    String text =
        new String(data, StandardCharsets.UTF_8).replace("\r\n", "\n").replaceAll("[\r\u0085\u2028\u2029]", "\n");
    // As YAML gives it: a '|' block value on line 2, its lines indented by two spaces from line 3.
    YScalar scalar = new YScalar(text, false, true, 2, new SourcePos(FILE, 2, 10));
    Findings findings = new Findings();
    Markdown markdown = ValidateAccess.checkMarkdown(scalar, "promise", findings);
    StringBuilder file = new StringBuilder("title: Answering calls\npromise: |\n");
    for (String line : text.split("\n", -1)) {
      file.append("  ").append(line).append('\n');
    }
    Located.assertLocated(findings.all(), Map.of(FILE, file.toString()), false);

    if (!findings.hasErrors()) {
      // The plain-paragraph short cut renders exactly what the full path renders.
      assertThat(RenderAccess.markdownBlock(markdown)).as("short cut for %s", text)
          .isEqualTo(RenderAccess.markdownRendered(markdown));
      assertSafe(RenderAccess.markdownBlock(markdown), text);
      assertSafe(RenderAccess.markdownInline(markdown), text);
    }
  }

  static void assertSafe(String html, String source) {
    assertThat(html.toLowerCase(Locale.ROOT)).as("script in %s", html).doesNotContain("<script");
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element e : doc.body().getAllElements()) {
      assertThat(ELEMENTS).as("element <%s> in %s from %s", e.tagName(), html, source).contains(e.tagName());
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        assertThat(key).as("attribute %s in %s", key, html).doesNotStartWith("on");
        assertThat(e.tagName().equals("a") && (key.equals("href") || key.equals("rel")))
            .as("attribute %s on <%s> in %s", key, e.tagName(), html).isTrue();
        if (key.equals("href")) {
          String read = dev.kept.model.MarkdownSyntax.asBrowserReads(a.getValue());
          assertThat(dev.kept.model.MarkdownSyntax.isProtocolRelative(read))
              .as("href %s, another site without a scheme, in %s from %s", a.getValue(), html, source)
              .isFalse();
          if (dev.kept.model.MarkdownSyntax.isExternalWeb(read)) {
            assertThat(e.attr("rel")).as("rel of %s in %s", a.getValue(), html).contains("noopener");
          }
          String scheme = schemeSeenByBrowser(a.getValue());
          assertThat(scheme).as("href %s in %s from %s", a.getValue(), html, source)
              .isNotIn("javascript", "vbscript", "data");
          if (!scheme.isEmpty()) {
            assertThat(SCHEMES).as("href %s in %s", a.getValue(), html).contains(scheme);
          }
        }
      }
    }
  }

  /**
   * The scheme of an attribute value (already entity-decoded by Jsoup) as a browser's URL parser
   * reads it: leading and trailing C0 controls and spaces stripped, tabs and newlines removed
   * anywhere, then everything before the first ':' if that is letters, digits, '+', '-' and '.'.
   */
  static String schemeSeenByBrowser(String value) {
    String v = value.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
    int colon = v.indexOf(':');
    if (colon <= 0) {
      return "";
    }
    String s = v.substring(0, colon);
    return s.matches("[A-Za-z][A-Za-z0-9+.-]*") ? s.toLowerCase(Locale.ROOT) : "";
  }
}
