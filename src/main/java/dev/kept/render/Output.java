package dev.kept.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where renderers write the site: a folder that only the publish stage makes visible.
 *
 * <p>Implementations refuse any path that would leave the folder.
 */
public interface Output {
  /**
   * Opens a new file for writing, creating its folders.
   *
   * @param relativePath a path inside the output, with {@code /} between names, such as {@code
   *     figures/answer-calls.csv}
   * @throws IllegalArgumentException when the path is absolute, empty, or leaves the output
   */
  OutputStream open(String relativePath) throws IOException;

  /**
   * Writes a whole text file in UTF-8, creating its folders. Outputs that check what is written
   * read the text as it is, rather than decoding it back from {@code open}'s bytes.
   *
   * @throws IllegalArgumentException when the path is absolute, empty, or leaves the output
   */
  default void write(String relativePath, String text) throws IOException {
    try (OutputStream o = open(relativePath)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Whether this output wants the file at {@code relativePath}: a renderer may skip making a page
   * that is not wanted, so that one page of a site can be rendered on its own. Every file is wanted
   * unless an implementation says otherwise.
   */
  default boolean wants(String relativePath) {
    return true;
  }
}
