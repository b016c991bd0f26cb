package dev.kept.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.kept.model.Markdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Renders charter Markdown to HTML that is safe to put in a page: flexmark renders it with raw HTML
 * escaped, then a Jsoup safelist keeps only plain text markup and links to {@code http}, {@code
 * https}, {@code mailto} and {@code tel}. External links open as usual but carry {@code
 * rel="noopener noreferrer"}.
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

  private static final Parser PARSER = Parser.builder(OPTIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
  private static final Cleaner CLEANER =
      new Cleaner(
          new Safelist()
              .addTags("p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote")
              .addAttributes("a", "href")
              .addProtocols("a", "href", "http", "https", "mailto", "tel")
              .preserveRelativeLinks(true));

  private MarkdownHtml() {}

  /** The Markdown as safe HTML: block elements, as for a page's body. */
  static String block(Markdown markdown) {
    return clean(RENDERER.render(PARSER.parse(markdown.source())));
  }

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
      String href = a.attr("href");
      if (href.startsWith("http://") || href.startsWith("https://")) {
        a.attr("rel", "noopener noreferrer");
      }
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html().strip();
  }
}
