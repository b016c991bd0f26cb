package dev.kept.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kept.Memory;
import dev.kept.Snapshot;
import dev.kept.render.ErrorPage;
import dev.kept.render.SitePaths;
import dev.kept.render.Theme;
import dev.kept.render.view.ErrorView;
import dev.kept.verify.Verifier;
import dev.kept.Pipeline;
import dev.kept.model.SourcePos;
import dev.kept.render.ThemeException;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * preview.start();   // understands the charter, serves, watches
 * ...
 * preview.close();
 * }</pre>
 *
 * <p>The preview writes nothing to disk. After any change under the charter or theme folder it
 * brings its understanding of the charter up to date, redoing only what the change touched (see
 * {@link Pipeline#serve}), and then renders each page in memory when a browser asks for it,
 * through the same checks as a build. Its log says how long each rebuild took, from the change
 * being picked up to every page being ready to render from the new charter. When the charter is
 * broken, every page shows the errors (file, line, column, message) instead, while other files
 * are served from the last good charter. Open tabs reload themselves after every rebuild through
 * server-sent events. The server listens on 127.0.0.1 only. Thread-safe.
 */
public final class Preview implements AutoCloseable {
  static final String EVENTS = "/_kept/events";
  static final String SCRIPT = "/_kept/reload.js";
  private static final int WARM_UP_PAGES = 200;
  private static final String RELOAD_JS =
      "new EventSource('" + EVENTS + "').addEventListener('reload', function () { location.reload(); });\n";
  private static final String PREVIEW_CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

  private final Pipeline.Options options;
  private final int requestedPort;
  private final PrintStream log;
  private final boolean verbose;
  private final Pipeline pipeline;
  private final Memory memory = new Memory();
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(daemon("kept-preview-http"));
  private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
  private volatile List<Finding> errors = List.of();
  private volatile Optional<Snapshot> site = Optional.empty();
  private volatile int builds;
  private volatile boolean rebuilding;
  private HttpServer server;
  private WatchService watcher;
  private Thread watchThread;

  /**
   * @param options what to preview; its output folder is not used, as the preview writes nothing
   * @param port the port to listen on, or 0 for any free one
   * @param log where each rebuild's time and outcome are reported
   */
  public Preview(Pipeline.Options options, int port, PrintStream log) {
    this(options, port, log, false);
  }

  /**
   * @param options what to preview; its output folder is not used, as the preview writes nothing
   * @param port the port to listen on, or 0 for any free one
   * @param log where each rebuild's time and outcome are reported
   * @param verbose whether to report the time of each stage of each rebuild too
   */
  public Preview(Pipeline.Options options, int port, PrintStream log, boolean verbose) {
    this.options = Objects.requireNonNull(options, "options");
    this.requestedPort = port;
    this.log = Objects.requireNonNull(log, "log");
    this.verbose = verbose;
    this.pipeline = new Pipeline(options);
  }

  /** Understands the charter once, then starts serving and watching. */
  public void start() throws IOException {
    rebuild();
    site.ifPresent(this::warmUp);
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

  /**
   * Renders the site's pages once, up to {@value #WARM_UP_PAGES} of them, on a background thread
   * of the lowest priority, so that the JIT compiler has compiled the rendering paths before the
   * first readers ask: at 2,000 promises a promise page rendered cold takes 20 to 40 ms, warm about
   * 5. Stops as soon as a rebuild starts. The pages are kept by the snapshot, as if asked for.
   */
  private void warmUp(Snapshot snapshot) {
    Thread warm = new Thread(() -> {
      List<String> pages = dev.kept.render.SiteRenderer.pages(snapshot.charter());
      for (String page : pages.subList(0, Math.min(WARM_UP_PAGES, pages.size()))) {
        if (site.orElse(null) != snapshot || rebuilding) {
          return;
        }
        try {
          snapshot.file(page);
        } catch (ThemeException | RuntimeException e) {
          return; // a reader asking for the page is shown the error
        }
      }
    }, "kept-preview-warm-up");
    warm.setDaemon(true);
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
  }

  /** Watches {@code root} and every folder in it. */
  private void register(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        watched.put(
            dir.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE),
            dir);
      }
    }
  }

  private void watch() {
    try {
      while (true) {
        if (!changed(watcher.take())) {
          continue; // an editor's swap or backup file: nothing a reader would see changed
        }
        // Editors write a file in several steps: wait for them to settle, then build once.
        Thread.sleep(60);
        WatchKey more;
        while ((more = watcher.poll(40, TimeUnit.MILLISECONDS)) != null) {
          changed(more);
        }
        rebuild();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes a folder's events: watches any folder made in it, and says whether a file a reader could
   * see changed (anything but an editor's swap and backup files).
   */
  private boolean changed(WatchKey key) {
    boolean relevant = false;
    Path dir = watched.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        relevant = true;
        continue;
      }
      String name = String.valueOf(event.context());
      if (!name.startsWith(".") && !dev.kept.load.CharterLoader.isEditorFile(name)) {
        relevant = true;
      }
      if (dir != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        try {
          register(dir.resolve(name));
        } catch (IOException e) {
          log.println("kept: cannot watch " + dir.resolve(name) + ": " + e.getMessage());
        }
      }
    }
    if (!key.reset()) {
      watched.remove(key);
    }
    return relevant;
  }

  /**
   * Brings the charter up to date, reports how long it took and what it did, and tells open tabs
   * to reload. The time runs from the start of the refresh to the new charter being ready to
   * serve; pages are rendered after it, when they are asked for.
   */
  synchronized void rebuild() {
    rebuilding = true;
    errorTheme = null;
    long start = System.nanoTime();
    List<Finding> found;
    String did = "";
    try {
      Pipeline.Outcome refresh = pipeline.serve(memory);
      found = refresh.findings().stream().filter(Finding::isError).toList();
      if (refresh.site().isPresent()) {
        site = refresh.site();
      }
      for (Finding f : refresh.findings()) {
        if (!f.isError()) {
          log.println(f);
        }
      }
      did = " (" + count(refresh.made().filesRead(), "file") + " read, "
          + count(refresh.made().promisesChecked(), "promise") + " checked, "
          + refresh.made().promisesMeasured() + " measured, of " + count(refresh.promiseFiles(), "promise file")
          + "; pages are rendered when requested)"
          + (verbose ? ": " + refresh.times().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")) : "");
    } catch (RuntimeException e) {
      found = List.of(new Finding(Severity.ERROR, SourcePos.file(options.charterName()),
          "the preview could not be rebuilt: " + e, Optional.empty(), Optional.empty()));
    }
    errors = found;
    rebuilding = false;
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (found.isEmpty()) {
      log.println((builds == 0 ? "Built" : "Rebuilt") + " in " + ms + " ms" + did + ".");
    } else {
      for (Finding f : found) {
        log.println(f);
      }
      log.println(found.size() + (found.size() == 1 ? " error" : " errors") + " after " + ms
          + " ms; the browser shows them until they are fixed.");
    }
    builds++; // last: whoever waits for this count sees the build's log lines too
    broadcast();
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
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
      if (!allowedHost(exchange.getRequestHeaders().get("Host"), server.getAddress().getPort())) {
        send(exchange, 421, "text/plain; charset=utf-8", MISDIRECTED);
        return;
      }
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
      Optional<String> relative = inSite(path);
      if (relative.isEmpty()) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String file = relative.get().isEmpty() || relative.get().endsWith("/") ? SitePaths.page(relative.get()) : relative.get();
      List<Finding> broken = errors;
      Optional<Snapshot> current = site;
      try {
        Optional<String> folder = SitePaths.folderPage(file);
        if (current.isPresent() && folder.isPresent() && current.get().file(folder.get()).isPresent()) {
          exchange.getResponseHeaders().set("Location", location(SitePaths.url(folder.get())));
          send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
          return;
        }
        boolean html = file.endsWith(".html");
        if (!broken.isEmpty() && current.isEmpty() && SitePaths.assetOf(file).isPresent()) {
          // No site yet to take the stylesheet from: the error page's comes from the theme.
          Optional<byte[]> asset = errorTheme().flatMap(t -> ErrorPage.asset(t, SitePaths.assetOf(file).get()));
          if (asset.isPresent()) {
            send(exchange, 200, type(file), asset.get());
            return;
          }
        }
        if (!broken.isEmpty() && (html || current.isEmpty())) {
          send(exchange, 500, "text/html; charset=utf-8", errorPage(broken));
          return;
        }
        Optional<Snapshot.SiteFile> found = current.isEmpty() ? Optional.empty() : current.get().file(file);
        if (!broken.isEmpty() && found.isEmpty()) {
          send(exchange, 500, "text/html; charset=utf-8", errorPage(broken));
          return;
        }
        int status = 200;
        if (found.isEmpty()) {
          status = 404;
          found = current.isEmpty() ? Optional.empty() : current.get().file(SitePaths.NOT_FOUND);
          if (found.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
          }
        }
        send(exchange, status, found.get());
      } catch (ThemeException e) {
        failed(exchange, file, e.findings());
      } catch (RuntimeException e) {
        failed(exchange, file, List.of(new Finding(Severity.ERROR, SourcePos.file(file),
            "the page could not be rendered: " + e.getMessage(), Optional.empty(), Optional.empty())));
      }
    }
  }

  private static final byte[] MISDIRECTED =
      ("This is Kept's preview. It answers only requests addressed to 127.0.0.1, localhost or [::1]"
              + " with its port, as a browser on this computer sends them.\n")
          .getBytes(StandardCharsets.UTF_8);

  /**
   * Whether a request's {@code Host} header names this preview: exactly one header, {@code
   * 127.0.0.1:PORT}, {@code localhost:PORT} or {@code [::1]:PORT}. Any other name, such as one a
   * DNS-rebinding page points at 127.0.0.1, is refused, so a web page cannot read the preview.
   */
  static boolean allowedHost(List<String> hosts, int port) {
    if (hosts == null || hosts.size() != 1) {
      return false;
    }
    String host = hosts.get(0).strip().toLowerCase(java.util.Locale.ROOT);
    return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port) || host.equals("[::1]:" + port);
  }

  /**
   * A redirect's target: the site's own path, each name percent-encoded, so it always starts with
   * one {@code /} followed by a name, never {@code //} or {@code /\} (which a browser takes for
   * another site).
   */
  static String location(String relative) {
    StringBuilder b = new StringBuilder("/");
    byte[] bytes = relative.getBytes(StandardCharsets.UTF_8);
    for (byte x : bytes) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  /**
   * The path of a request inside the site, without its leading {@code /} and with its trailing
   * one; empty when it would leave the site.
   */
  static Optional<String> inSite(String path) {
    java.util.Deque<String> names = new java.util.ArrayDeque<>();
    for (String name : path.split("/")) {
      if (name.equals("..")) {
        if (names.isEmpty()) {
          return Optional.empty();
        }
        names.removeLast();
      } else if (!name.isEmpty() && !name.equals(".")) {
        names.addLast(name);
      }
    }
    String joined = String.join("/", names);
    return Optional.of(joined.isEmpty() || !path.endsWith("/") ? joined : joined + "/");
  }

  /** Answers a page that could not be rendered with its errors, and logs them. */
  private void failed(HttpExchange exchange, String file, List<Finding> findings) throws IOException {
    log.println("kept: " + file + " could not be rendered:");
    for (Finding f : findings) {
      log.println(f);
    }
    send(exchange, 500, "text/html; charset=utf-8", errorPage(findings));
  }

  private void send(HttpExchange exchange, int status, Snapshot.SiteFile file) throws IOException {
    String type = type(file.path());
    if (file instanceof Snapshot.Rendered rendered) {
      byte[] body = rendered.bytes();
      if (file.path().endsWith(".html")) {
        body = withReload(body);
      }
      send(exchange, status, type, body);
    } else if (file instanceof Snapshot.Streamed streamed) {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, 0);
      OutputStream body = new java.io.BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
      try {
        streamed.body().writeTo(body);
        body.flush();
      } catch (RuntimeException e) {
        // The status is sent; the file stops short, without its closing brackets, so no reader
        // can take it for whole.
        log.println("kept: " + file.path() + " could not be rendered: " + e.getMessage());
      }
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

  /**
   * The page a broken charter or theme shows in place of every page, until it is fixed, with the
   * reload script: the theme's {@code error.ftlh} (see {@link ErrorPage}), in the language of the
   * last good charter. When the theme cannot be loaded, or its error page fails or breaks the
   * rules every page keeps (see {@link Verifier#checkPage}), the built-in theme's is shown; when
   * even that fails, a plain page of the findings.
   */
  byte[] errorPage(List<Finding> findings) {
    String language = site.map(s -> s.charter().charter().language()).orElse("en");
    List<ErrorView> views = ErrorPage.views(findings, this::source);
    for (Optional<Theme> theme : List.of(errorTheme(), Optional.of(Theme.builtIn()))) {
      if (theme.isEmpty()) {
        continue;
      }
      try {
        String html = ErrorPage.render(theme.get(), language, views);
        List<String> problems = Verifier.checkPage(ERROR_PAGE, html);
        if (problems.isEmpty()) {
          return withReload(html.getBytes(StandardCharsets.UTF_8));
        }
        log.println("kept: the theme's error page cannot be shown: " + problems);
      } catch (ThemeException | RuntimeException e) {
        log.println("kept: the theme's error page cannot be shown: " + e.getMessage());
      }
    }
    return plainErrorPage(findings).getBytes(StandardCharsets.UTF_8);
  }

  /** The name the error page is checked under, as if it were a page at the site's root. */
  private static final String ERROR_PAGE = "error.html";

  /**
   * The theme the error page is rendered by: the charter's own, or empty when it is broken. Loaded
   * when first needed after each rebuild (a change to the theme's files brings a rebuild).
   */
  private Optional<Theme> errorTheme() {
    Optional<Theme> theme = errorTheme;
    if (theme == null) {
      try {
        theme = Optional.of(Theme.load(options.templates()));
      } catch (ThemeException | RuntimeException e) {
        theme = Optional.empty();
      }
      errorTheme = theme;
    }
    return theme;
  }

  /** The error page's theme since the last rebuild, or {@code null} before it is first needed. */
  private volatile Optional<Theme> errorTheme;

  /**
   * The file a finding names, when its lines may be shown: a file in the charter folder (named as
   * the user named the folder) or in the theme folder, and nothing outside them.
   */
  private Optional<Path> source(String name) {
    String prefix = options.charterName().endsWith("/")
        ? options.charterName().substring(0, options.charterName().length() - 1) : options.charterName();
    List<Path> candidates = new java.util.ArrayList<>();
    if (name.startsWith(prefix + "/")) {
      candidates.add(options.charter().resolve(name.substring(prefix.length() + 1)));
    }
    options.templates().ifPresent(t -> {
      candidates.add(Path.of(name));
      candidates.add(t.resolve(name));
    });
    for (Path candidate : candidates) {
      try {
        Path real = candidate.toRealPath();
        boolean inside = real.startsWith(options.charter().toRealPath())
            || (options.templates().isPresent() && real.startsWith(options.templates().get().toRealPath()));
        if (inside && Files.isRegularFile(real)) {
          return Optional.of(real);
        }
      } catch (IOException | RuntimeException e) {
        // not this one
      }
    }
    return Optional.empty();
  }

  /** The last resort, when no theme can render the error page: the findings, escaped, unstyled. */
  static String plainErrorPage(List<Finding> findings) {
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
        + "<ol class=\"kept-errors\">\n" + items + "</ol>\n</main>\n</body>\n</html>\n";
  }

  /**
   * The page, in UTF-8, with the reload script and a policy that lets that one script run. Only
   * the head is decoded and changed, so a large page (the index of a big charter) costs no more
   * than a small one.
   */
  static byte[] withReload(byte[] page) {
    int head = indexOf(page, HEAD_END);
    String top = new String(page, 0, head < 0 ? page.length : head, StandardCharsets.UTF_8);
    top = top.replaceFirst(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"" + PREVIEW_CSP + "\">");
    if (head < 0) {
      return top.getBytes(StandardCharsets.UTF_8);
    }
    byte[] start = (top + "<script src=\"" + SCRIPT + "\" defer></script>\n").getBytes(StandardCharsets.UTF_8);
    byte[] whole = java.util.Arrays.copyOf(start, start.length + page.length - head);
    System.arraycopy(page, head, whole, start.length, page.length - head);
    return whole;
  }

  private static final byte[] HEAD_END = "</head>".getBytes(StandardCharsets.UTF_8);

  private static int indexOf(byte[] bytes, byte[] part) {
    search:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue search;
        }
      }
      return i;
    }
    return -1;
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

  private static String type(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
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
