package dev.kept.render;

import java.io.IOException;
import java.util.Map;

/** Writes one page of a site from a theme template and its data, when the output wants that page. */
@FunctionalInterface
interface PageWriter {
  /**
   * @param path the page's path relative to the site root ("groups/health/index.html")
   * @param template the theme template's name ("group.ftlh")
   * @param model what the template sees
   */
  void write(String path, String template, Map<String, Object> model) throws IOException, ThemeException;
}
