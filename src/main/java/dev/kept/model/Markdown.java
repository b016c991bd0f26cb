package dev.kept.model;

import java.util.Objects;

/**
 * Markdown text from a charter, with where it starts. It has been checked for raw HTML and unsafe
 * links, but is not yet rendered: rendering belongs to the site.
 */
public record Markdown(String source, SourcePos pos) {
  public Markdown {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pos, "pos");
  }

  public boolean isBlank() {
    return source.isBlank();
  }
}
