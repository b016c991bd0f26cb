package dev.kept.render;

import dev.kept.model.Markdown;

/** Test access to the package-private Markdown renderer, for fuzz tests in other packages. */
public final class RenderAccess {
  private RenderAccess() {}

  public static String markdownBlock(Markdown markdown) {
    return MarkdownHtml.block(markdown);
  }

  public static String markdownInline(Markdown markdown) {
    return MarkdownHtml.inline(markdown);
  }

  /** The Markdown by the full flexmark-and-Jsoup path, never the plain-paragraph short cut. */
  public static String markdownRendered(Markdown markdown) {
    return MarkdownHtml.rendered(markdown.source());
  }
}
