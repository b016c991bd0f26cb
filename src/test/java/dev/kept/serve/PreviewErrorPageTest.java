package dev.kept.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import dev.kept.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's error page (issue 12): the theme's {@code error.ftlh}, styled by the site's
 * stylesheet, with file, line, column, message, hint and the offending lines, status 500; a
 * theme's own error page that breaks the page rules, or a broken theme, gets the built-in one.
 */
class PreviewErrorPageTest {
  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private Preview preview;

  /** Starts on the minimal charter with a tab indenting line 4 of its promise: one error, at 4:1. */
  private void startBroken(Optional<Path> templates) throws IOException {
    start(Fixtures.minimal(), templates, true);
  }

  private void start(CharterFixture fixture, Optional<Path> templates, boolean tab) throws IOException {
    Path charter = fixture.writeTo(dir.resolve("charter"));
    if (tab) {
      Path promise = charter.resolve("promises/calls.yaml");
      Files.writeString(promise, Files.readString(promise).replace("unit: calls", "unit: calls\n\tbroken: yes"));
    }
    preview =
        new Preview(
            new Pipeline.Options(charter, "charter", dir.resolve("site"), Fixtures.BUILD_DATE, Limits.DEFAULT, templates),
            0,
            new PrintStream(logged, true, StandardCharsets.UTF_8));
    preview.start();
  }

  @AfterEach
  void stop() {
    if (preview != null) {
      preview.close();
    }
  }

  @Test
  void aBrokenCharterGetsTheThemesErrorPageWithTheOffendingLinesAndStatus500() throws Exception {
    startBroken(Optional.empty());
    HttpResponse<String> page = get("promises/calls/");
    assertThat(page.statusCode()).isEqualTo(500);
    Properties words = words();
    assertThat(page.body())
        .contains("<link rel=\"stylesheet\" href=\"/assets/kept.css\">")
        .contains("<title>" + words.getProperty("error_page_title") + "</title>")
        .contains(words.getProperty("error_heading_one"))
        .contains("<code>charter/promises/calls.yaml:4:1</code>")
        .contains("a tab is used to indent this line")
        .contains("<dt>" + words.getProperty("error_file") + "</dt><dd><code>charter/promises/calls.yaml</code></dd>")
        .contains("<dt>" + words.getProperty("error_line") + "</dt><dd>4</dd>")
        .contains("<dt>" + words.getProperty("error_column") + "</dt><dd>1</dd>")
        // the offending line, its tab shown and marked, a caret under it, and the lines around it
        .contains("4 | <mark>\\u0009</mark>broken: yes\n  | ^\n")
        .contains("3 | unit: calls\n")
        .contains(Preview.SCRIPT);
    String hint = new dev.kept.Pipeline(new Pipeline.Options(dir.resolve("charter"), "charter", dir.resolve("x"),
        Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.empty())).check().findings().get(0).hint().orElseThrow();
    assertThat(page.body()).contains(org.jsoup.nodes.Entities.escape(hint));
    // As a site's page would be, once the preview's reload is taken out.
    assertThat(Verifier.checkPage("error.html", new String(
        ServeMatchesBuildTest.withoutReload(page.body().getBytes(StandardCharsets.UTF_8), "error"), StandardCharsets.UTF_8)))
        .isEmpty();
    // No site was ever built: its stylesheet still comes, from the theme.
    HttpResponse<String> css = get("assets/kept.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
  }

  @Test
  void aThemesOwnErrorPageIsShown() throws Exception {
    Path theme = Files.createDirectories(dir.resolve("theme"));
    Files.writeString(theme.resolve("error.ftlh"), builtIn("error.ftlh").replace("<h1>", "<h1>OUR OWN "));
    startBroken(Optional.of(theme));
    assertThat(get("").body()).contains("<h1>OUR OWN The charter has 1 error");
  }

  @Test
  void aThemesErrorPageThatBreaksThePageRulesFallsBackToTheBuiltInOne() throws Exception {
    Path theme = Files.createDirectories(dir.resolve("theme"));
    Files.writeString(theme.resolve("error.ftlh"), builtIn("error.ftlh").replace("<h1>", "<script>alert(1)</script><h1>OUR OWN "));
    startBroken(Optional.of(theme));
    HttpResponse<String> page = get("");
    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.body()).contains("<h1>The charter has 1 error").doesNotContain("alert(1)").doesNotContain("OUR OWN");
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("the theme's error page cannot be shown");
  }

  @Test
  void aBrokenThemeStillGetsAnErrorPageSayingWhatIsWrongWithIt() throws Exception {
    Path theme = Files.createDirectories(dir.resolve("theme"));
    Files.writeString(theme.resolve("error.ftlh"), "<#if>broken\n");
    start(Fixtures.minimal(), Optional.of(theme), false);
    HttpResponse<String> page = get("");
    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.body()).contains("The charter has 1 error").contains("error.ftlh:1:").contains(Preview.SCRIPT);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(preview.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Properties words() throws IOException {
    Properties words = new Properties();
    try (InputStream in = PreviewErrorPageTest.class.getResourceAsStream("/dev/kept/theme/i18n/en.properties")) {
      words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return words;
  }

  private static String builtIn(String template) throws IOException {
    try (InputStream in = PreviewErrorPageTest.class.getResourceAsStream("/dev/kept/theme/" + template)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
