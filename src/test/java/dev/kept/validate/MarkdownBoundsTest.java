package dev.kept.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kept.load.YNode.YScalar;
import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.Markdown;
import dev.kept.model.SourcePos;
import dev.kept.render.RenderAccess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No text under the field limits takes long to check and render: each family of Markdown that
 * took flexmark quadratic time, or overflowed the stack, built at exactly the longest field's
 * limit ({@link TextLimits#LONG}), must be checked ({@code MarkdownCheck}) and, when the check
 * passes, rendered ({@code MarkdownHtml}, block and inline) within a few seconds; any finding is
 * located. A safety bound, not a benchmark: the times measured are printed, and recorded in
 * docs/reliability.md.
 */
class MarkdownBoundsTest {
  private static final int LIMIT = TextLimits.LONG;
  private static final Duration BUDGET = Duration.ofSeconds(5);
  private static final Map<String, String> TIMES = new java.util.concurrent.ConcurrentSkipListMap<>();

  /** {@code unit} repeated to exactly {@code length} characters. */
  private static String fill(String unit, int length) {
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  /** {@code open} and {@code close} repeated around a middle, to exactly {@code length}. */
  private static String around(String open, String middle, String close, int length) {
    int n = (length - middle.length()) / (open.length() + close.length());
    String text = open.repeat(n) + middle + close.repeat(n);
    return text + "a".repeat(length - text.length());
  }

  static Stream<Arguments> families() {
    Map<String, IntFunction<String>> f = new LinkedHashMap<>();
    f.put("backtick runs", n -> fill("` `` ``` ", n));
    f.put("backtick runs growing", n -> {
      StringBuilder b = new StringBuilder();
      for (int i = 1; b.length() < n; i++) {
        b.append("`".repeat(i)).append(' ');
      }
      return b.substring(0, n);
    });
    f.put("simple links", n -> fill("[a](b) ", n));
    f.put("unclosed [a](<", n -> fill("[a](<", n));
    f.put("link titles unclosed", n -> fill("[a](b \"", n));
    f.put("one long link title", n -> around("[a](b \"", "x", "\")", n));
    f.put("one long <destination>", n -> around("[a](<", "x", ">)", n));
    f.put("nested emphasis *a **b", n -> fill("*a **b ", n));
    f.put("deep emphasis *_*_", n -> around("*_", "a", "_*", n));
    f.put("deep strong **", n -> around("**", "a", "**", n));
    f.put("nested brackets [[[[", n -> fill("[", n));
    f.put("brackets [a][a]", n -> fill("[a]", n));
    f.put("link references", n -> fill("[a][b] ", n));
    f.put("reference definitions", n -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; b.length() < n; i++) {
        b.append("[a").append(i).append("]: /u\n").append(i % 400 == 399 ? "\n" : "");
      }
      return b.substring(0, n);
    });
    f.put("long list (500 items)", n -> fill("- a\n", 2_000) + "\n" + fill("b ", n - 2_001));
    f.put("deep list by indent", n -> {
      StringBuilder b = new StringBuilder();
      for (int d = 0; b.length() < n; d++) {
        b.append("  ".repeat(d)).append("- a\n");
      }
      return b.substring(0, n);
    });
    f.put("deep blockquote >>>>", n -> fill(">", n));
    f.put("deep blockquote > > >", n -> fill("> ", n));
    f.put("quotes and lists > - > -", n -> fill("> - ", n));
    f.put("many < autolinks", n -> fill("<a", n));
    f.put("many <http:// autolinks", n -> fill("<http://a ", n));
    f.put("one long e-mail autolink", n -> "<" + "a".repeat(n - 6) + "@b.c>");
    f.put("entity runs &amp;", n -> fill("&amp;", n));
    f.put("backslash runs", n -> fill("\\", n));
    f.put("backslash lines", n -> fill("\\\n", 998) + "\n" + fill("\\\n", n - 999));
    f.put("html-like <a runs", n -> fill("<a ", n));
    f.put("one HTML tag of many attributes", n -> around("<a", "", " b>", n));
    f.put("image starts ![a](", n -> fill("![a](", n));
    f.put("images", n -> fill("![a](b) ", n));
    f.put("parentheses [a](((", n -> fill("[a](((", n));
    f.put("emphasis runs ***a", n -> fill("***a", n));
    f.put("thematic break *****", n -> fill("*", n));
    f.put("thematic break - - -", n -> fill("- ", n));
    f.put("headings", n -> fill("# a\n", n));
    f.put("setext headings", n -> fill("a\n=\n", n));
    f.put("tables", n -> fill("|a|\n", n));
    f.put("code fences", n -> fill("```\n", n));
    f.put("ordered lists", n -> fill("1. a\n", n));
    f.put("comment <!--", n -> "x <!--" + "a".repeat(n - 6));
    f.put("processing instruction <?", n -> fill("<?", n));
    f.put("CDATA <![CDATA[", n -> fill("<![CDATA[", n));
    f.put("mixed *[`<&\\_!", n -> fill("*[`<&\\_!", n));
    return f.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().apply(LIMIT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void eachPathologicalFamilyAtTheFieldLimitIsCheckedAndRenderedInTime(String family, String text) {
    assertThat(text).hasSize(LIMIT);
    long start = System.nanoTime();
    Findings findings = new Findings();
    String outcome =
        assertTimeoutPreemptively(
            BUDGET,
            () -> {
              YScalar scalar = new YScalar(text, false, true, 2, new SourcePos("p.yaml", 2, 10));
              Markdown markdown = MarkdownCheck.check(scalar, "promise", findings);
              if (findings.hasErrors()) {
                return "refused: " + findings.all().get(0).message();
              }
              RenderAccess.markdownBlock(markdown);
              RenderAccess.markdownInline(markdown);
              return "rendered";
            });
    long ms = (System.nanoTime() - start) / 1_000_000;
    for (Finding finding : findings.all()) {
      assertThat(finding.pos().line()).as("line of %s", finding).isGreaterThanOrEqualTo(2);
      assertThat(finding.hint()).as("hint of %s", finding).isPresent();
    }
    assertThat(findings.all()).as("findings shown for one text").hasSizeLessThanOrEqualTo(11);
    TIMES.put(family, String.format(Locale.ROOT, "%6d ms  %s", ms, outcome));
  }

  @AfterAll
  static void printTimes() {
    TIMES.forEach((family, time) -> System.out.printf("MarkdownBounds %-34s %s%n", family, time));
  }
}
