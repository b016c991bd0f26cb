package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link MarkdownSyntax}: its linear-time parser reads every text as flexmark's own does, and its
 * reading of a link's address is the browser's.
 */
class MarkdownSyntaxTest {
  private static final Parser FLEXMARK = Parser.builder().build();
  private static final Parser LINEAR = MarkdownSyntax.parser();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

  private static void sameAsFlexmark(String text) {
    // On a deep stack for long texts, as Kept parses them: the corpus has 9,000 nested quotes.
    List<String> html =
        MarkdownSyntax.read(
            text, t -> List.of(HTML.render(LINEAR.parse(t)), HTML.render(FLEXMARK.parse(t))));
    assertThat(html.get(0)).as("HTML of %s", text).isEqualTo(html.get(1));
  }

  @Test
  void theLinearParserRendersThousandsOfRandomMarkdownTextsAsFlexmarksOwnDoes() {
    Random random = new Random(20261204);
    String[] tokens = {
      "a", "b ", " ", "\n", "\n\n", "*", "**", "_", "`", "``", "[", "]", "(", ")", "<", ">", "!",
      "&amp;", "&#9;", "&sol;", "\\", "\"", "'", ":", "#", "- ", "1. ", "> ", "    ", "[a]: /u\n",
      "[a]", "[a][b]", "[b]: http://x \"t\"\n", "<http://x>", "<a@b.c>", "http://x", "~~~\n", "```\n",
      "---\n", "===\n", "|", "<b>", "<!-- c -->", "&#x6a;", "%20", "![i](u)", "[l](<u v>)",
    };
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(tokens[random.nextInt(tokens.length)]);
      }
      sameAsFlexmark(text.toString());
    }
  }

  @Test
  void theLinearParserRendersTheMarkdownSeedsAndCorpusAsFlexmarksOwnDoes() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root :
        List.of("src/test/resources/dev/kept/fuzz/MarkdownFuzzTestInputs", "src/test/resources/bad")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        // flexmark's own parser takes minutes on the corpus's largest files: they are the point.
        walk.filter(f -> Files.isRegularFile(f) && f.toFile().length() < 20_000).forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(100);
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (!manyBackslashesInALabel(text)) {
        sameAsFlexmark(text);
      }
    }
  }

  /**
   * Whether a '[' is followed by more than ten backslashes before the next bracket: flexmark's
   * label pattern takes exponential time on those (with either parser), and {@code MarkdownCheck}
   * refuses them before parsing.
   */
  private static boolean manyBackslashesInALabel(String text) {
    int count = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        count = 0;
      } else if (c == ']') {
        count = -1;
      } else if (c == '\\' && count >= 0 && ++count > 10) {
        return true;
      }
    }
    return false;
  }

  @Test
  void referenceDefinitionsAreStillRead() {
    String html = HTML.render(LINEAR.parse("See [terms][t].\n\n[t]: https://example.org/t\n"));
    assertThat(html).contains("<a href=\"https://example.org/t\">terms</a>");
  }

  @Test
  void addressesAreReadAsTheBrowserReadsThem() {
    assertThat(MarkdownSyntax.asBrowserReads("/\t/evil.example/p")).isEqualTo("//evil.example/p");
    assertThat(MarkdownSyntax.asBrowserReads("/\n/evil.example/p")).isEqualTo("//evil.example/p");
    assertThat(MarkdownSyntax.asBrowserReads("/\r\n/evil.example")).isEqualTo("//evil.example");
    assertThat(MarkdownSyntax.asBrowserReads("\u0001//evil.example")).isEqualTo("//evil.example");
    assertThat(MarkdownSyntax.asBrowserReads(" \u0000 //evil.example \u001f")).isEqualTo("//evil.example");
    assertThat(MarkdownSyntax.asBrowserReads("ht\ttps://example.org")).isEqualTo("https://example.org");
    assertThat(MarkdownSyntax.asBrowserReads("/%09/evil.example")).isEqualTo("/%09/evil.example");
    assertThat(MarkdownSyntax.asBrowserReads("/a b/")).isEqualTo("/a b/");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "//evil.example|true",
        "/\\evil.example|true",
        "\\/evil.example|true",
        "\\\\evil.example|true",
        "/evil.example|false",
        "\uFF0F\uFF0Fevil.example|false",
        "/%2F/evil.example|false",
        "https://example.org|false",
      })
  void twoSlashesOrBackslashesInAnyMixNameAnotherSite(String read, boolean other) {
    assertThat(MarkdownSyntax.isProtocolRelative(read)).isEqualTo(other);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://example.org|true",
        "HTTPS://example.org|true",
        "HtTp://example.org|true",
        "//example.org|true",
        "mailto:a@example.org|false",
        "tel:+15555550100|false",
        "/promises/|false",
        "#top|false",
        "https:|true",
      })
  void everyWebLinkToAnotherSiteInAnyCaseIsExternal(String read, boolean external) {
    assertThat(MarkdownSyntax.isExternalWeb(read)).isEqualTo(external);
  }
}
