package dev.kept;

import dev.kept.explain.Explainer;
import dev.kept.measure.Measurer;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.PromiseRecord;
import dev.kept.render.DataRenderer;
import dev.kept.render.Output;
import dev.kept.render.SitePaths;
import dev.kept.render.SiteRenderer;
import dev.kept.render.ThemeException;
import dev.kept.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A charter's site, ready to render: what the pipeline's stages made of the charter up to explain,
 * with the theme's renderer begun on it. A build {@linkplain #write writes} every file of it into
 * a folder; the preview renders each {@linkplain #file file} when a reader asks for it. Both render
 * a promise's page, badge, data.json and figures from its record, made then (measured and put into words),
 * with the same code, so a file has the same bytes either way.
 *
 * <p>{@link #file} renders a promise's files together; each page about the whole charter (index,
 * groups, method, retired, 404, feed, sitemap) on its own; robots.txt, the theme's assets and
 * {@code charter.schema.json} together with the first of those; {@code charter.json} as it is
 * sent. Every page and image is checked as a build's verify stage checks it, and a file the site
 * must have that no renderer wrote is refused. Rendered files are kept, so asking again is quick.
 *
 * <p>Thread-safe.
 */
public final class Snapshot {
  /** How many promises' rendered files a snapshot keeps, most recently asked for first. */
  private static final int RENDERED_PROMISES = 64;

  /** One file of the site, rendered and checked. */
  public sealed interface SiteFile permits Rendered, Streamed {
    /** Where the file is in the site, such as {@code promises/calls/index.html}. */
    String path();
  }

  /** A file rendered in memory: every page, image and small data file. */
  public record Rendered(String path, byte[] bytes) implements SiteFile {
    public Rendered {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * A file that grows with the charter ({@code charter.json}: a few kB a promise), rendered as it
   * is written out.
   */
  public record Streamed(String path, Body body) implements SiteFile {
    public Streamed {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(body, "body");
    }
  }

  /** Renders a streamed file. */
  @FunctionalInterface
  public interface Body {
    /** Renders the file into {@code out}; does not close it. */
    void writeTo(OutputStream out) throws IOException;
  }

  private final ExplainedCharter explained;
  private final Measurer measurer;
  private final Explainer explainer;
  private final SiteRenderer.Site site;
  private final DataRenderer data = new DataRenderer();
  private final Map<String, ExplainedPromise> byId = new HashMap<>();
  private final Map<String, Map<String, byte[]>> promiseFiles =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
              return size() > RENDERED_PROMISES;
            }
          });
  private final Map<String, byte[]> charterFiles = new ConcurrentHashMap<>();
  private volatile Set<String> charterPaths;
  private volatile Set<String> required;

  Snapshot(ExplainedCharter explained, Measurer measurer, Explainer explainer, SiteRenderer.Site site) {
    this.explained = explained;
    this.measurer = measurer;
    this.explainer = explainer;
    this.site = site;
    for (ExplainedPromise p : explained.promises()) {
      byId.put(p.promise().id(), p);
    }
  }

  /** The charter this site shows. */
  public ExplainedCharter charter() {
    return explained;
  }

  /**
   * The file at {@code path} in the site, rendered and checked; empty when the site has no such
   * file.
   *
   * @param path relative to the site's root, with {@code /} between names, such as {@code
   *     index.html} or {@code promises/calls/badge.svg}
   * @throws ThemeException when a template fails on this charter, as a build would report it
   * @throws IllegalStateException when the rendered file fails the verify stage's checks, or a
   *     file the site must have was not rendered (a bug in Kept, or a theme that writes script)
   */
  public Optional<SiteFile> file(String path) throws ThemeException {
    if (path.equals(SitePaths.CHARTER_JSON)) {
      return Optional.of(new Streamed(path, this::charterJson));
    }
    Optional<String> id = promiseOf(path);
    if (id.isPresent()) {
      byte[] bytes = promiseFiles(byId.get(id.get())).get(path);
      if (bytes != null) {
        return Optional.of(new Rendered(path, bytes));
      }
    }
    Optional<byte[]> bytes = charterFile(path);
    if (bytes.isPresent()) {
      return Optional.of(new Rendered(path, bytes.get()));
    }
    if (required().contains(path)) {
      throw new IllegalStateException("the preview's site failed verification: " + path + " was not written");
    }
    return Optional.empty();
  }

  /** The promise whose record holds the file at {@code path}, when it names one of the charter's. */
  private Optional<String> promiseOf(String path) {
    return SitePaths.promiseOf(path).filter(byId::containsKey);
  }

  /** One promise's page, badge, record and figures, as a build writes them. */
  private Map<String, byte[]> promiseFiles(ExplainedPromise promise) throws ThemeException {
    String id = promise.promise().id();
    Map<String, byte[]> files = promiseFiles.get(id);
    if (files != null) {
      return files;
    }
    Verifier verifier = new Verifier();
    Map<String, byte[]> written = new ConcurrentHashMap<>();
    Output out = verifier.watching(memory(written));
    try {
      write(promise, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory does not fail
    }
    refuse(verifier.problems());
    files = Map.copyOf(written);
    promiseFiles.put(id, files);
    return files;
  }

  /**
   * A file about the whole charter (a page, the feed, the sitemap, robots.txt, a theme asset, the
   * JSON schema), rendered alone the first time it is asked for; empty when there is none.
   */
  private Optional<byte[]> charterFile(String path) throws ThemeException {
    byte[] known = charterFiles.get(path);
    if (known == null && charterPaths().contains(path)) {
      Map<String, byte[]> written = render(path::equals);
      written.forEach(charterFiles::putIfAbsent);
      known = written.get(path);
    }
    return Optional.ofNullable(known);
  }

  /**
   * Every file about the whole charter, found by running the renderer with no page wanted: what
   * it is asked whether it wants, and what it writes anyway (the cheap files, kept).
   */
  private Set<String> charterPaths() throws ThemeException {
    Set<String> paths = charterPaths;
    if (paths == null) {
      Set<String> asked = ConcurrentHashMap.newKeySet();
      render(path -> {
        asked.add(path);
        return false;
      }).forEach((path, bytes) -> {
        asked.add(path);
        charterFiles.putIfAbsent(path, bytes);
      });
      paths = Set.copyOf(asked);
      charterPaths = paths;
    }
    return paths;
  }

  /**
   * Renders the files about the whole charter that {@code wanted} accepts, and those the
   * renderers write without asking; checks them as the verify stage does.
   */
  private Map<String, byte[]> render(java.util.function.Predicate<String> wanted) throws ThemeException {
    Verifier verifier = new Verifier();
    Map<String, byte[]> written = new ConcurrentHashMap<>();
    Output checked = verifier.watching(memory(written));
    Output out = new Output() {
      @Override
      public OutputStream open(String path) throws IOException {
        return checked.open(path);
      }

      @Override
      public void write(String path, String text) throws IOException {
        checked.write(path, text);
      }

      @Override
      public boolean wants(String path) {
        return wanted.test(path);
      }
    };
    try {
      // The data renderer writes the schema as it starts charter.json; that file is rendered
      // on its own when asked for, so this start of it is let go.
      data.begin(explained, out).close();
      written.remove(SitePaths.CHARTER_JSON);
      site.finish(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    refuse(verifier.problems());
    return written;
  }

  /** Every page and data file the site must have, as the verify stage lists them. */
  private Set<String> required() {
    Set<String> paths = required;
    if (paths == null) {
      paths = new HashSet<>(SiteRenderer.pages(explained));
      paths.addAll(dataFiles(explained));
      required = paths;
    }
    return paths;
  }

  /**
   * Writes {@code charter.json} as a build does: each promise's part, made from its charter-wide
   * words (no period is measured again), added in the charter's order.
   */
  private void charterJson(OutputStream target) throws IOException {
    Verifier verifier = new Verifier();
    OutputStream unclosed = new FilterOutputStream(target) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
    Output out = verifier.watching(path -> path.equals(SitePaths.CHARTER_JSON) ? unclosed : OutputStream.nullOutputStream());
    try (DataRenderer.Json json = data.begin(explained, out)) {
      inOrder(explained.promises(), data::fragment, json);
      json.finish();
    }
    refuse(verifier.problems());
  }

  /** A promise's whole record: every period measured and put into words. */
  private PromiseRecord record(ExplainedPromise promise) {
    return explainer.record(promise, measurer.periods(promise.promise()), explained.charter());
  }

  private static void refuse(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the preview's site failed verification: " + problems);
    }
  }

  /** An output that keeps each file's bytes in {@code files} when it is closed. */
  private static Output memory(Map<String, byte[]> files) {
    return path -> new ByteArrayOutputStream(8 * 1024) {
      @Override
      public void close() {
        files.put(path, toByteArray());
      }
    };
  }

  /**
   * Writes every file of the site into {@code out}, as a build does: each promise's record made,
   * rendered (page, badge, {@code data.json}, figures) and let go, in batches of the charter's
   * order on every core, its part of {@code charter.json} added in order; then the pages about the
   * whole charter.
   *
   * @param promisesDone told when every promise's files are written
   */
  void write(Output out, Runnable promisesDone) throws IOException, ThemeException {
    try (DataRenderer.Json json = data.begin(explained, out)) {
      try {
        inOrder(explained.promises(), promise -> record(promise, out), json);
      } catch (ThemeFailure f) {
        throw f.cause;
      } catch (UncheckedIOException f) {
        throw f.getCause();
      }
      promisesDone.run();
      json.finish();
      site.finish(out);
    }
  }

  /** Renders one promise's record into {@code out}; returns its part of charter.json. */
  private byte[] record(ExplainedPromise promise, Output out) {
    try {
      write(promise, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ThemeException e) {
      throw new ThemeFailure(e);
    }
    return data.fragment(promise);
  }

  /** One promise's whole record, made and written: its page and badge, its figures CSV and data.json. */
  private void write(ExplainedPromise promise, Output out) throws IOException, ThemeException {
    PromiseRecord record = record(promise);
    site.promise(record, out);
    data.csv(record, out);
    data.record(record, explained.charter(), out);
  }

  /** How many promises' records are made at once, on every core, before their parts are added. */
  private static final int BATCH = 64;

  /**
   * Adds each promise's part of {@code charter.json}, in the charter's order: the parts are made in
   * batches, each batch on every core, so that only a batch's records are held at a time (in a
   * build, making a part renders the promise's record).
   */
  static void inOrder(
      List<ExplainedPromise> promises, java.util.function.Function<ExplainedPromise, byte[]> part, DataRenderer.Json json)
      throws IOException {
    if (promises.isEmpty()) {
      return;
    }
    // The first promise is made on this thread: every class its record needs (render, data,
    // verify, jsoup's) is initialised here, so an out-of-memory error in an initialiser is thrown
    // as itself, not seen by the workers as "NoClassDefFoundError: Could not initialize class"
    // (OutOfMemoryIT, -Xmx7m). The order of the parts is unchanged.
    json.promise(part.apply(promises.get(0)));
    for (int from = 1; from < promises.size(); from += BATCH) {
      List<byte[]> fragments =
          promises.subList(from, Math.min(promises.size(), from + BATCH)).parallelStream().map(part).toList();
      for (byte[] fragment : fragments) {
        json.promise(fragment);
      }
    }
  }

  /** Every page a site must have, as the verify stage lists them. */
  static List<String> pages(ExplainedCharter explained) {
    return SiteRenderer.pages(explained);
  }

  /**
   * The data files a site must have: charter.json, its schema, each promise's record and each
   * measured promise's figures.
   */
  static List<String> dataFiles(ExplainedCharter explained) {
    List<String> files = new ArrayList<>(List.of(SitePaths.CHARTER_JSON, SitePaths.CHARTER_SCHEMA));
    for (ExplainedPromise p : explained.promises()) {
      files.add(DataRenderer.dataPath(p.promise()));
      if (p.promise().isMeasured()) {
        files.add(DataRenderer.csvPath(p.promise()));
      }
    }
    return files;
  }

  /** Carries a theme's failure out of a parallel stream. */
  private static final class ThemeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ThemeException cause;

    ThemeFailure(ThemeException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }
  }
}
