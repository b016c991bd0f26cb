package dev.kept.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kept serve}, end to end: the real jar, a real port, real file edits. */
class KeptServeIT {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesRebuildsOnEditShowsErrorsAndRecovers() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    String jar = Path.of(System.getProperty("kept.jar", "target/kept.jar")).toAbsolutePath().toString();
    Process kept =
        new ProcessBuilder("java", "-jar", jar, "serve", "--port", "0", "--charter", charter.toString())
            .redirectError(dir.resolve("stderr").toFile())
            .start();
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(kept.getInputStream(), StandardCharsets.UTF_8));
      String line = stdout.readLine();
      Matcher m = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)").matcher(String.valueOf(line));
      assertThat(m.find()).as("first line: %s", line).isTrue();
      String base = m.group(1);
      String page = base + "promises/calls/";

      assertThat(get(page)).contains("<h1>Answering calls").contains("/_kept/reload.js");
      assertThat(get(base + "_kept/reload.js")).contains("EventSource");

      List<String> events = new CopyOnWriteArrayList<>();
      Thread listener = new Thread(() -> listen(base + "_kept/events", events));
      listener.setDaemon(true);
      listener.start();
      waitFor(() -> !events.isEmpty(), "the event stream to connect");

      Path promise = charter.resolve("promises/calls.yaml");
      String good = Files.readString(promise);
      Files.writeString(promise, good.replace("title: Answering calls", "title: Answering every call"));
      waitFor(() -> get(page).contains("<h1>Answering every call"), "the edited title to be served");
      assertThat(events).anyMatch(e -> e.equals("event: reload"));

      Files.writeString(promise, good.replace("unit: calls", "unit: calls\n\tbroken: yes"));
      waitFor(() -> get(page).contains("The charter has 1 error"), "the error page");
      assertThat(get(page)).contains(charter + "/promises/calls.yaml:4:1").contains("a tab is used to indent this line");
      assertThat(Files.readString(dir.resolve("stderr"))).contains("a tab is used to indent this line");

      Files.writeString(promise, good);
      waitFor(() -> get(page).contains("<h1>Answering calls"), "the page to come back");
      assertThat(Files.readString(dir.resolve("stderr"))).containsPattern("Rebuilt in \\d+ ms");
    } finally {
      kept.destroy();
      kept.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void servesOnlyOnLoopback() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    String jar = Path.of(System.getProperty("kept.jar", "target/kept.jar")).toAbsolutePath().toString();
    Process kept = new ProcessBuilder("java", "-jar", jar, "serve", "--port", "0", "--charter", charter.toString()).start();
    try {
      String line = new BufferedReader(new InputStreamReader(kept.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertThat(line).contains("http://127.0.0.1:");
    } finally {
      kept.destroy();
      kept.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private String get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private void listen(String url, List<String> events) {
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          events.add(line);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the server stopped
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

}
