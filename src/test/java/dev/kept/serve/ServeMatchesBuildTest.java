package dev.kept.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.publish.Publisher;
import dev.kept.render.SitePaths;
import dev.kept.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kept serve} serves exactly the bytes {@code kept build} writes, apart from the preview's
 * live reload (issue 12). Every file a build of the example charter writes is fetched from a
 * preview of the same charter over HTTP, each page at its URL as a reader asks for it, and
 * compared byte for byte with the built file once the live reload is taken out of it.
 *
 * <p>The live reload, as the README's serve section states it, is in HTML pages only and in their
 * head only: the Content-Security-Policy meta's policy is {@link #PREVIEW_POLICY} instead of the
 * site's {@link #SITE_POLICY} (it adds {@code script-src 'self'; connect-src 'self'}), and the
 * line {@link #RELOAD_LINE} is inserted just before {@code </head>}. {@link #withoutReload} takes
 * out exactly that: the one script line before {@code </head>}, and the preview's policy put back
 * to the site's. Every other file is compared as it is served.
 */
class ServeMatchesBuildTest {
  static final String SITE_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
  static final String PREVIEW_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
  static final String RELOAD_LINE = "<script src=\"/_kept/reload.js\" defer></script>\n";

  @TempDir Path dir;

  @Test
  void everyFileOfTheSiteIsServedWithTheBytesABuildWrites() throws Exception {
    Path charter = Fixtures.exampleCharter();
    Path site = dir.resolve("site");
    Pipeline.Options options =
        new Pipeline.Options(charter, "charter", site, Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.empty());
    assertThat(new Pipeline(options).build().published()).isTrue();

    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    List<String> compared = new ArrayList<>();
    try (Preview preview = new Preview(options, 0, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      preview.start();
      try (Stream<Path> files = Files.walk(site)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String path = site.relativize(file).toString().replace('\\', '/');
          if (path.equals(Publisher.MARKER)) {
            continue; // the publisher's own mark on the output folder, not a file of the site
          }
          String url = path.equals(SitePaths.NOT_FOUND) ? path : SitePaths.url(path);
          HttpResponse<byte[]> served =
              http.send(HttpRequest.newBuilder(URI.create(preview.url() + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
          assertThat(served.statusCode()).as(url).isEqualTo(200);
          byte[] body = path.endsWith(".html") ? withoutReload(served.body(), url) : served.body();
          assertThat(body).as(url).isEqualTo(Files.readAllBytes(file));
          compared.add(path);
        }
      }
    }
    assertThat(compared)
        .contains("index.html", "404.html", "charter.json", "charter.schema.json", "feed.xml", "robots.txt", "assets/kept.css")
        .anyMatch(p -> p.startsWith("promises/") && p.endsWith("/index.html"))
        .anyMatch(p -> p.endsWith("/badge.svg"))
        .anyMatch(p -> p.startsWith("promises/") && p.endsWith("/data.json"))
        .anyMatch(p -> p.startsWith("figures/") && p.endsWith(".csv"));
  }

  /** A served page without the live reload: the one way the README's serve section states. */
  static byte[] withoutReload(byte[] page, String url) {
    String text = new String(page, StandardCharsets.UTF_8);
    String policy = "content=\"" + PREVIEW_POLICY + "\"";
    assertThat(text).as(url).containsOnlyOnce(policy).containsOnlyOnce(RELOAD_LINE + "</head>");
    return text.replace(policy, "content=\"" + SITE_POLICY + "\"")
        .replace(RELOAD_LINE + "</head>", "</head>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
