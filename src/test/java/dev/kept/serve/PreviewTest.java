package dev.kept.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real preview on a free port, real requests and real file edits. */
class PreviewTest {
  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private Preview preview;
  private Path charter;

  private void start(CharterFixture fixture, Optional<Path> templates) throws IOException {
    charter = fixture.writeTo(dir.resolve("charter"));
    // Written long ago, as a charter being edited mostly is: only the files edited in a test are
    // new enough to be read again at every rebuild (see CharterLoader.Stamp#settled).
    try (java.util.stream.Stream<Path> files = Files.walk(charter)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
      }
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
  void aRequestPathNeverLeavesTheSite() {
    // The server hands over the path decoded: %2e%2e arrives as "..".
    assertThat(Preview.inSite("/../charter/charter.yaml")).isEmpty();
    assertThat(Preview.inSite("/a/../../x")).isEmpty();
    assertThat(Preview.inSite("/promises/../../x/")).isEmpty();
    assertThat(Preview.inSite("/a/./b/../c")).contains("a/c");
    assertThat(Preview.inSite("/promises/calls/")).contains("promises/calls/");
    assertThat(Preview.inSite("//promises//calls")).contains("promises/calls");
    assertThat(Preview.inSite("/")).contains("");
  }

  @Test
  void servesEveryKindOfFileFromMemoryAndWritesNothing() throws Exception {
    start(Fixtures.minimal(), Optional.empty());
    HttpResponse<String> index = get("");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(index.body())
        .contains("Answering calls")
        .contains("<script src=\"" + Preview.SCRIPT + "\" defer></script>")
        .contains("script-src 'self'");
    assertThat(get("promises/calls/").body()).contains("<h1>Answering calls").contains(Preview.SCRIPT);
    assertThat(get("promises/calls/badge.svg").headers().firstValue("Content-Type")).contains("image/svg+xml");
    assertThat(get("figures/calls.csv").body()).startsWith("period,");
    assertThat(get("how-we-measure/").statusCode()).isEqualTo(200);
    assertThat(get("feed.xml").body()).contains("<feed");
    HttpResponse<String> json = get("charter.json");
    assertThat(json.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(json.body()).startsWith("{").endsWith("}\n").contains("\"id\" : \"calls\"");
    assertThat(get("charter.schema.json").statusCode()).isEqualTo(200);
    HttpResponse<String> record = get("promises/calls/data.json");
    assertThat(record.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(record.body()).startsWith("{").endsWith("}\n").contains("\"id\" : \"calls\"").contains("{\"period\":");

    HttpResponse<String> folder = get("promises/calls");
    assertThat(folder.statusCode()).isEqualTo(301);
    assertThat(folder.headers().firstValue("Location")).contains("/promises/calls/");
    HttpResponse<String> missing = get("promises/nobody/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains(Preview.SCRIPT); // the site's own 404 page
    assertThat(get("../charter/charter.yaml").statusCode()).isEqualTo(404);
    assertThat(send("POST", "").statusCode()).isEqualTo(405);
    HttpResponse<String> head = send("HEAD", "charter.json");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    assertThat(dir.resolve("site")).doesNotExist();
    assertThat(preview.url()).startsWith("http://127.0.0.1:");
    assertThat(log()).containsPattern(
        "Built in \\d+ ms \\(2 files read, 1 promise checked, 1 measured, of 1 promise file; pages are rendered when requested\\)\\.");
  }

  @Test
  void anEditIsServedOnTheNextRequestAfterTheRebuild() throws Exception {
    start(Fixtures.minimal(), Optional.empty());
    assertThat(get("promises/calls/").body()).contains("<h1>Answering calls");
    assertThat(get("").body()).contains("Answering calls");

    int builds = preview.builds();
    Path promise = charter.resolve("promises/calls.yaml");
    Files.writeString(promise, Files.readString(promise).replace("title: Answering calls", "title: Answering every call"));
    awaitRebuild(builds);
    assertThat(get("promises/calls/").body()).contains("<h1>Answering every call");
    assertThat(get("").body()).contains("Answering every call").doesNotContain("Answering calls<");
    assertThat(get("promises/calls/badge.svg").body()).contains("Answering every call");
    assertThat(log()).containsPattern(
        "Rebuilt in \\d+ ms \\(1 file read, 1 promise checked, 1 measured, of 1 promise file; pages are rendered when requested\\)\\.");

    builds = preview.builds();
    Path figures = charter.resolve("figures/calls.csv");
    Files.writeString(figures, Files.readString(figures).replace("2026-10,100,99,0,", "2026-10,100,12,0,"));
    awaitRebuild(builds);
    assertThat(get("figures/calls.csv").body()).contains("2026-10,100,12,");
  }

  @Test
  void anErrorShowsTheErrorPageAndFixingItRestoresThePage() throws Exception {
    start(Fixtures.minimal(), Optional.empty());
    String badge = get("promises/calls/badge.svg").body();
    Path promise = charter.resolve("promises/calls.yaml");
    String good = Files.readString(promise);

    int builds = preview.builds();
    Files.writeString(promise, good.replace("unit: calls", "unit: calls\n\tbroken: yes"));
    awaitRebuild(builds);
    for (String page : new String[] {"", "promises/calls/", "how-we-measure/", "no-such-page.html"}) {
      HttpResponse<String> shown = get(page);
      assertThat(shown.body())
          .as(page)
          .contains("The charter has 1 error")
          .contains("charter/promises/calls.yaml:4:1")
          .contains("a tab is used to indent this line")
          .contains(Preview.SCRIPT);
    }
    // Files that are not pages are still served from the last good charter.
    assertThat(get("promises/calls/badge.svg").body()).isEqualTo(badge);
    assertThat(log()).contains("charter/promises/calls.yaml:4:1: error: a tab is used to indent this line")
        .contains("1 error after");

    builds = preview.builds();
    Files.writeString(promise, good.replace("title: Answering calls", "title: Answering calls again"));
    awaitRebuild(builds);
    assertThat(get("promises/calls/").body()).contains("<h1>Answering calls again").doesNotContain("The charter has");
  }

  @Test
  void aTemplateThatFailsOnAPageShowsItsErrorOnThatPage() throws Exception {
    startWithPromiseHeading("${promise.noSuchThing}</h1>");
    HttpResponse<String> page = get("promises/calls/");
    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.body()).contains("The charter has 1 error").contains("promise.ftlh:");
    assertThat(get("").statusCode()).isEqualTo(200);
    assertThat(log()).contains("promises/calls/index.html could not be rendered");
  }

  @Test
  void aPageTheVerifierWouldRefuseIsNotServed() throws Exception {
    Path theme = startWithPromiseHeading("</h1><script>alert(1)</script>");
    HttpResponse<String> page = get("promises/calls/");
    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.body()).contains("promises/calls/index.html contains a script").doesNotContain("alert(1)");
    // A build refuses the same page, with a finding at the theme's template.
    Pipeline.Outcome outcome = new Pipeline(new Pipeline.Options(
        charter, "charter", dir.resolve("built"), Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.of(theme))).build();
    assertThat(outcome.published()).isFalse();
    assertThat(outcome.findings().get(0).headline())
        .startsWith(theme.resolve("promise.ftlh") + ":")
        .contains(": error: a <script> element (promises/calls/index.html:");
  }

  @Test
  void openTabsAreToldToReloadAfterEveryRebuild() throws Exception {
    start(Fixtures.minimal(), Optional.empty());
    HttpResponse<InputStream> events =
        http.send(HttpRequest.newBuilder(URI.create(preview.url() + Preview.EVENTS.substring(1))).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = events.body()) {
      assertThat(new String(in.readNBytes(": connected after build 1\n\n".length()), StandardCharsets.UTF_8))
          .isEqualTo(": connected after build 1\n\n");
      int builds = preview.builds();
      Files.writeString(charter.resolve("charter.yaml"), Files.readString(charter.resolve("charter.yaml")) + "# edited\n");
      awaitRebuild(builds);
      assertThat(new String(in.readNBytes("event: reload\ndata: 2\n\n".length()), StandardCharsets.UTF_8))
          .isEqualTo("event: reload\ndata: 2\n\n");
    }
  }

  /** Starts the preview of the minimal charter with a theme whose promise page ends its heading so. */
  private Path startWithPromiseHeading(String headingEnd) throws Exception {
    Path theme = Files.createDirectories(dir.resolve("theme"));
    Files.writeString(theme.resolve("promise.ftlh"), builtIn("promise.ftlh").replace("</h1>", headingEnd));
    start(Fixtures.minimal(), Optional.of(theme));
    return theme;
  }

  private static String builtIn(String template) throws IOException {
    try (InputStream in = PreviewTest.class.getResourceAsStream("/dev/kept/theme/" + template)) {
      assertThat(in).as(template).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void awaitRebuild(int builds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (preview.builds() <= builds) {
      assertThat(System.nanoTime()).as("a rebuild within 30 s; the log says:\n%s", log()).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Issue 11, item 9: a redirect goes only to the site's own normalised path. */
  @Test
  void aRedirectNeverLeavesTheSite() throws Exception {
    start(Fixtures.minimal(), Optional.empty());
    int port = java.net.URI.create(preview.url()).getPort();
    for (String path :
        java.util.List.of(
            "/%5cevil.example/%2e%2e%2fpromises/calls",
            "/%5Cevil.example/..%2Fpromises/calls",
            "/%2f%2fevil.example/%2e%2e/promises/calls",
            "/%2f%5cevil.example/%2e%2e/promises/calls",
            "/promises/calls")) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(path).startsWith("HTTP/1.1 301");
      String location = answer.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("location:")).findFirst().orElseThrow();
      assertThat(location).as(path).isEqualToIgnoringCase("Location: /promises/calls/");
    }
    for (String path : java.util.List.of("//evil.example/%2e%2e/promises/calls", "/%09/evil.example/%2e%2e/promises/calls", "/\\evil.example/%2e%2e/promises/calls")) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
      assertThat(answer.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("location:")))
          .as(path).allMatch(l -> l.equalsIgnoreCase("Location: /promises/calls/"));
    }
    assertThat(Preview.location("a b/\\x/é/")).isEqualTo("/a%20b/%5Cx/%C3%A9/");
  }

  /** Issue 11, item 9: only requests addressed to the preview itself are answered (DNS rebinding). */
  @Test
  void onlyTheLoopbackNamesWithThePortAreAnswered() throws Exception {
    start(Fixtures.minimal(), Optional.empty());
    int port = java.net.URI.create(preview.url()).getPort();
    for (String host : java.util.List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port)) {
      assertThat(raw("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).as(host).startsWith("HTTP/1.1 200");
    }
    for (String host :
        java.util.List.of(
            "evil.example:" + port, "evil.example", "127.0.0.1", "localhost", "127.0.0.1:" + (port + 1),
            "127.0.0.1.evil.example:" + port, "localhost.:" + port, "0.0.0.0:" + port, "2130706433:" + port, "")) {
      String answer = raw("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(host).startsWith("HTTP/1.1 421").contains("only requests addressed to 127.0.0.1").doesNotContain("Answering calls");
    }
    assertThat(raw("GET " + Preview.EVENTS + " HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 421");
    assertThat(raw("GET / HTTP/1.0\r\n\r\n")).as("no Host at all").startsWith("HTTP/1.1 421");
    assertThat(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n")).as("two Hosts").startsWith("HTTP/1.1 421");
  }

  /** Sends a request as written and returns the whole answer. */
  private String raw(String request) throws IOException {
    int port = java.net.URI.create(preview.url()).getPort();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int n;
      try {
        while ((n = in.read(buffer)) > 0) {
          answer.write(buffer, 0, n);
        }
      } catch (java.net.SocketTimeoutException e) {
        // the answer is whatever came
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private String log() {
    return logged.toString(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", path);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(preview.url() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
