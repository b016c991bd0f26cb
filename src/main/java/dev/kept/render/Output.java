package dev.kept.render;

import java.io.IOException;
import java.io.OutputStream;

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
   * Whether this output wants the file at {@code relativePath}: a renderer may skip making a page
   * that is not wanted, so that one page of a site can be rendered on its own. Every file is wanted
   * unless an implementation says otherwise.
   */
  default boolean wants(String relativePath) {
    return true;
  }
}
