package dev.kept.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.kept.model.Markdown;
import dev.kept.model.MarkdownSyntax;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders charter Markdown to HTML that is safe to put in a page: flexmark renders it with raw HTML
 * escaped, then a Jsoup safelist keeps only plain text markup and links to {@code http}, {@code
 * https}, {@code mailto} and {@code tel}. Links are judged as a browser reads them ({@link
 * MarkdownSyntax#asBrowserReads}): one that would take the reader to another site without naming
 * its scheme ({@code /&#9;/evil.example}) is unwrapped to its text, and every {@code http} or {@code
 * https} link, in any case ({@code HTTPS://}), carries {@code rel="noopener noreferrer"}.
 *
 * <p>The validate stage already refuses raw HTML and unsafe links; this is the second wall.
 * Thread-safe: the parser, renderer and cleaner are built once and shared.
 */
final class MarkdownHtml {
  private static final MutableDataSet OPTIONS = new MutableDataSet();

  static {
    OPTIONS.set(HtmlRenderer.ESCAPE_HTML, true);
    OPTIONS.set(HtmlRenderer.SOFT_BREAK, " ");
  }

  private static final Parser PARSER = MarkdownSyntax.parser(OPTIONS);
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
  private static final java.util.Set<String> SCHEMES =
      java.util.Set.of("http", "https", "mailto", "tel");
  private static final Cleaner CLEANER =
      new Cleaner(
          new Safelist()
              .addTags("p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote")
              .addAttributes("a", "href")
              .addProtocols("a", "href", SCHEMES.toArray(String[]::new))
              .preserveRelativeLinks(true));

  private MarkdownHtml() {}

  /** The Markdown as safe HTML: block elements, as for a page's body. */
  static String block(Markdown markdown) {
    String plain = plainParagraphs(markdown.source());
    return plain != null ? plain : rendered(markdown.source());
  }

  /**
   * The Markdown as safe HTML by the full path: flexmark, then the safelist; a long text on a
   * thread with a deep stack ({@link MarkdownSyntax#read}).
   */
  static String rendered(String source) {
    return MarkdownSyntax.read(source, text -> clean(RENDERER.render(PARSER.parse(text))));
  }

  /**
   * The HTML of Markdown that is only plain paragraphs, or {@code null} when it may be anything
   * more. Most charter texts are sentences with no Markdown in them, and for those the full path
   * (a flexmark parse, a render, a Jsoup parse and clean) was a tenth of the time of a large build.
   *
   * <p>It answers only for text made of letters, digits, spaces and the punctuation that means
   * nothing in Markdown or HTML, in lines that start with a letter or an opening bracket or quote
   * and have no space at either end. Such text is paragraphs split at blank lines with their lines
   * joined by a space, exactly as the full path renders it ({@code MarkdownHtmlTest} compares the
   * two on thousands of texts); anything else goes the full path.
   */
  static String plainParagraphs(String source) {
    StringBuilder html = new StringBuilder(source.length() + 16);
    boolean inParagraph = false;
    int lineStart = 0;
    int length = source.length();
    while (lineStart <= length) {
      int lineEnd = source.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = length;
      }
      if (lineEnd == lineStart) {
        if (inParagraph) {
          html.append("</p>\n");
          inParagraph = false;
        }
      } else {
        char first = source.charAt(lineStart);
        if (!(Character.isLetter(first) || "(\"'\u2018\u201C".indexOf(first) >= 0)
            || source.charAt(lineEnd - 1) == ' ') {
          return null;
        }
        for (int i = lineStart; i < lineEnd; i++) {
          char c = source.charAt(i);
          if (!Character.isLetterOrDigit(c) && PLAIN_PUNCTUATION.indexOf(c) < 0) {
            return null;
          }
        }
        html.append(inParagraph ? " " : "<p>").append(source, lineStart, lineEnd);
        inParagraph = true;
      }
      lineStart = lineEnd + 1;
    }
    if (inParagraph) {
      html.append("</p>");
    } else if (html.length() == 0) {
      return null;
    }
    int end = html.length();
    while (end > 0 && html.charAt(end - 1) == '\n') {
      end--;
    }
    return html.substring(0, end);
  }

  /**
   * Characters that are plain text wherever they stand in a line that starts with a letter, an
   * opening bracket or a quote.
   */
  private static final String PLAIN_PUNCTUATION = " .,;:?!'\"()/%$@=+-\u00A3\u20AC\u2018\u2019\u201C\u201D\u2013\u2014\u2026";

  /** The Markdown as safe HTML without its wrapping paragraph, for use inside a list item. */
  static String inline(Markdown markdown) {
    String html = block(markdown);
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  private static String clean(String html) {
    Document dirty = Jsoup.parseBodyFragment(html, "https://kept.invalid/");
    Document clean = CLEANER.clean(dirty);
    for (Element a : clean.select("a[href]")) {
      // Decided on the address as the browser reads it: "/\t/evil.example" is another site.
      String read = MarkdownSyntax.asBrowserReads(a.attr("href"));
      if (MarkdownSyntax.isProtocolRelative(read)
          || MarkdownSyntax.scheme(read).filter(s -> !SCHEMES.contains(s)).isPresent()) {
        a.unwrap();
      } else if (MarkdownSyntax.isExternalWeb(read)) {
        a.attr("rel", "noopener noreferrer");
      }
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html().strip();
  }
}
