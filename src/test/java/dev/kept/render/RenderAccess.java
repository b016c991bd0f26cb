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
}
