package dev.kept.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kept.Pipeline;
import dev.kept.model.Finding;
import dev.kept.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;

/**
 * A live preview of a charter's site.
 *
 * <pre>{@code
 * Preview preview = new Preview(options, 8080, System.out);
 * preview.start();   // builds, serves, watches
 * ...
 * preview.close();
 * }</pre>
 *
 * <p>A rebuild after any change under the charter or theme folder replaces the served site only
 * when it succeeds; when the charter is broken, every page shows the errors (file, line, column,
 * message) instead, and the last good build stays on disk. Open tabs reload themselves after every
 * rebuild through server-sent events. The server listens on 127.0.0.1 only. Thread-safe.
 */
public final class Preview implements AutoCloseable {
  static final String EVENTS = "/_kept/events";
  static final String SCRIPT = "/_kept/reload.js";
  private static final String RELOAD_JS =
      "new EventSource('" + EVENTS + "').addEventListener('reload', function () { location.reload(); });\n";
  private static final String PREVIEW_CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

  private final Pipeline.Options options;
  private final int requestedPort;
  private final PrintStream log;
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(daemon("kept-preview-http"));
  private volatile List<Finding> errors = List.of();
  private volatile int builds;
  private HttpServer server;
  private WatchService watcher;
  private Thread watchThread;

  /**
   * @param options what to build; its output folder is where the preview keeps the site
   * @param port the port to listen on, or 0 for any free one
   * @param log where each rebuild's time and outcome are reported
   */
  public Preview(Pipeline.Options options, int port, PrintStream log) {
    this.options = Objects.requireNonNull(options, "options");
    this.requestedPort = port;
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Builds once, starts serving and watching. */
  public void start() throws IOException {
    rebuild();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
    server.setExecutor(pool);
    server.createContext("/", this::serve);
    server.start();
    watcher = FileSystems.getDefault().newWatchService();
    register(options.charter());
    options.templates().ifPresent(t -> {
      try {
        register(t);
      } catch (IOException e) {
        log.println("kept: cannot watch " + t + ": " + e.getMessage());
      }
    });
    watchThread = new Thread(this::watch, "kept-preview-watch");
    watchThread.setDaemon(true);
    watchThread.start();
  }

  /** The address the preview is served at, such as {@code http://127.0.0.1:8080/}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** How many builds have run, the first included. */
  public int builds() {
    return builds;
  }

  private void register(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean relevant = key.pollEvents().stream()
            .map(e -> String.valueOf(e.context()))
            .anyMatch(name -> !name.startsWith(".") && !dev.kept.load.CharterLoader.isEditorFile(name));
        key.reset();
        if (!relevant) {
          continue; // an editor's swap or backup file: nothing a reader would see changed
        }
        // Editors write a file in several steps: wait for them to settle, then build once.
        Thread.sleep(60);
        WatchKey more;
        do {
          key.pollEvents();
          key.reset();
          more = watcher.poll(40, TimeUnit.MILLISECONDS);
          if (more != null) {
            key = more;
          }
        } while (more != null);
        rebuild();
        register(options.charter());
        if (options.templates().isPresent()) {
          register(options.templates().get());
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.println("kept: the preview stopped watching: " + e.getMessage());
    }
  }

  /** Builds the site, reports how long it took, and tells open tabs to reload. */
  synchronized void rebuild() {
    long start = System.nanoTime();
    List<Finding> found;
    try {
      Pipeline.Outcome outcome = new Pipeline(options).build();
      found = outcome.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
      for (Finding f : outcome.findings()) {
        if (f.severity() == Severity.WARNING) {
          log.println(f);
        }
      }
    } catch (Exception e) {
      found = List.of(new Finding(Severity.ERROR, dev.kept.model.SourcePos.file(String.valueOf(options.out())),
          "the site could not be written: " + e.getMessage(), java.util.Optional.empty(), java.util.Optional.empty()));
    }
    errors = found;
    builds++;
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (found.isEmpty()) {
      log.println((builds == 1 ? "Built" : "Rebuilt") + " in " + ms + " ms.");
    } else {
      for (Finding f : found) {
        log.println(f);
      }
      log.println(found.size() + (found.size() == 1 ? " error" : " errors") + " after " + ms
          + " ms; the browser shows them until they are fixed.");
    }
    broadcast();
  }

  private void broadcast() {
    byte[] event = ("event: reload\ndata: " + builds + "\n\n").getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : listeners) {
      try {
        out.write(event);
        out.flush();
      } catch (IOException e) {
        listeners.remove(out);
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(SCRIPT)) {
        send(exchange, 200, "text/javascript; charset=utf-8", RELOAD_JS.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(EVENTS)) {
        events(exchange);
        return;
      }
      Path root = options.out().toAbsolutePath().normalize();
      String relative = path.substring(1);
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root)) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (Files.isDirectory(file)) {
        if (!path.endsWith("/")) {
          exchange.getResponseHeaders().set("Location", path + "/");
          send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
          return;
        }
        file = file.resolve("index.html");
      }
      List<Finding> broken = errors;
      boolean html = file.getFileName().toString().endsWith(".html");
      if (!broken.isEmpty() && (html || !Files.exists(file))) {
        send(exchange, 200, "text/html; charset=utf-8", errorPage(broken).getBytes(StandardCharsets.UTF_8));
        return;
      }
      int status = 200;
      if (!Files.isRegularFile(file)) {
        file = root.resolve("404.html");
        status = 404;
        html = true;
        if (!Files.isRegularFile(file)) {
          send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      byte[] body = Files.readAllBytes(file);
      if (html) {
        body = withReload(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      send(exchange, status, type(file), body);
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write((": connected after build " + builds + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    listeners.add(out);
    try {
      while (listeners.contains(out)) {
        Thread.sleep(15_000);
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      listeners.remove(out);
    }
  }

  /** The page a broken charter shows in place of every page, until it is fixed. */
  static String errorPage(List<Finding> findings) {
    StringBuilder items = new StringBuilder();
    for (Finding f : findings) {
      items.append("<li><code>").append(Entities.escape(f.pos().toString())).append("</code> ")
          .append(Entities.escape(f.message()));
      f.hint().ifPresent(h -> items.append("<br><small>").append(Entities.escape(h)).append("</small>"));
      items.append("</li>\n");
    }
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + PREVIEW_CSP + "\">\n"
        + "<title>Kept preview: the site could not be built</title>\n"
        + "<script src=\"" + SCRIPT + "\" defer></script>\n</head>\n<body>\n"
        + "<main>\n<h1>The charter has " + findings.size() + (findings.size() == 1 ? " error" : " errors") + "</h1>\n"
        + "<p>" + (findings.size() == 1 ? "Fix it" : "Fix them") + " and save: this page comes back by itself. The last good build is still on disk.</p>\n"
        + "<ol class=\"kept-errors\">\n" + items + "</ol>\n</main>\n</body>\n</html>\n";
  }

  /** The page with the reload script, and a policy that lets that one script run. */
  static String withReload(String html) {
    String page = html.replaceFirst(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"" + PREVIEW_CSP + "\">");
    int head = page.indexOf("</head>");
    if (head < 0) {
      return page;
    }
    return page.substring(0, head) + "<script src=\"" + SCRIPT + "\" defer></script>\n" + page.substring(head);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private static String type(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".html")) return "text/html; charset=utf-8";
    if (name.endsWith(".css")) return "text/css; charset=utf-8";
    if (name.endsWith(".svg")) return "image/svg+xml";
    if (name.endsWith(".json")) return "application/json";
    if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
    if (name.endsWith(".xml")) return "application/xml";
    if (name.endsWith(".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    if (watchThread != null) {
      watchThread.interrupt();
    }
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    listeners.clear();
    if (server != null) {
      server.stop(0);
    }
    pool.shutdownNow();
  }
}
