package dev.kept.render;

import dev.kept.model.Charter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a site tells search engines: {@code robots.txt}, always, and {@code sitemap.xml} listing
 * every page but the 404 page, when the charter has a {@code base_url} (a sitemap needs absolute
 * addresses).
 */
final class Crawlers {
  private Crawlers() {}

  /** Writes the sitemap (when the charter has a base address) and robots.txt. */
  static void write(Charter charter, List<String> pages, Map<String, Object> common, PageWriter writer, Output out)
      throws IOException, ThemeException {
    if (charter.baseUrl().isPresent()) {
      String base = SiteRenderer.withSlash(charter.baseUrl().get().toString());
      List<String> urls = new ArrayList<>();
      for (String page : pages) {
        if (!page.equals(SitePaths.NOT_FOUND)) {
          urls.add(base + SitePaths.url(page));
        }
      }
      Map<String, Object> sitemap = new HashMap<>(common);
      sitemap.put("urls", urls);
      sitemap.put("lastmod", charter.published().toString());
      writer.write(SitePaths.SITEMAP, "sitemap.ftlx", sitemap);
    }
    try (OutputStream o = out.open(SitePaths.ROBOTS)) {
      o.write(robots(charter).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Allows every crawler everywhere, and names the sitemap when there is one. */
  static String robots(Charter charter) {
    return "User-agent: *\nAllow: /\n"
        + charter.baseUrl().map(u -> "Sitemap: " + SiteRenderer.withSlash(u.toString()) + SitePaths.SITEMAP + "\n").orElse("");
  }
}
