package dev.kept;

import dev.kept.Pipeline.StageTime;
import dev.kept.explain.Explainer;
import dev.kept.load.CharterLoader;
import dev.kept.measure.Measurer;
import dev.kept.model.Charter;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.MeasuredCharter;
import dev.kept.model.MeasuredPromise;
import dev.kept.model.PromiseRecord;
import dev.kept.render.DataRenderer;
import dev.kept.render.Output;
import dev.kept.render.SiteRenderer;
import dev.kept.render.Theme;
import dev.kept.render.ThemeException;
import dev.kept.validate.CharterValidator;
import dev.kept.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Kept's pipeline run again and again over one charter, as {@code kept serve} runs it: each {@link
 * #refresh} brings what is understood of the charter up to date with its files, redoing only what
 * a change touched, and returns a {@link Snapshot} that renders any file of the site when it is
 * asked for, through the same checks as a build's verify stage. Nothing is written to disk.
 *
 * <pre>{@code
 * Incremental charter = new Incremental(options);
 * Incremental.Refresh r = charter.refresh();          // after every change
 * r.snapshot().flatMap(s -> s.file("index.html"));   // when a reader asks
 * }</pre>
 *
 * <p>What is kept from one refresh to the next: what reading each promise and figures file found
 * (read again when the file changed, see {@link CharterLoader.Memo}); each promise's check (made
 * again when its files or the settings it depends on changed, see {@link CharterValidator.Memo});
 * each promise's measure and words (made again when the promise changed, and all of them when any
 * charter-wide setting in {@code charter.yaml} changed); and the theme (loaded again when a file in
 * the theme folder changed). The charter-wide parts of every stage (the charter's order, its
 * latest period, its summary, groups and examples) are made again at every refresh. So the
 * findings are the ones a fresh {@link Pipeline#check} would give, in the same order, and every
 * file a snapshot renders has the bytes a fresh {@link Pipeline#build} would write.
 *
 * <p>{@link #refresh} runs one at a time; snapshots are thread-safe.
 */
public final class Incremental {
  /** How many promises' rendered files a snapshot keeps, most recently asked for first. */
  private static final int RENDERED_PROMISES = 64;

  private final Pipeline.Options options;
  private final CharterLoader loader;
  private final CharterLoader.Memo reads = new CharterLoader.Memo();
  private final CharterValidator.Memo checks = new CharterValidator.Memo();
  private List<Object> settings = List.of();
  private Explainer explainer;
  private Measurer.Memo measures = new Measurer.Memo();
  private Map<MeasuredPromise, ExplainedPromise> words = new IdentityHashMap<>();
  private Theme theme;
  private List<Object> themeFiles = List.of();
  private SiteRenderer renderer;
  private Optional<SiteRenderer.Site> site = Optional.empty();

  /** @param options what to understand; its output folder is not used */
  public Incremental(Pipeline.Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.loader = new CharterLoader(options.limits());
  }

  /**
   * What one refresh found and made.
   *
   * @param findings every finding, as {@link Pipeline#check} (and a build's theme) would give them
   * @param snapshot the site, when the charter and theme have no errors
   * @param promiseFiles how many promise files were found, drafts included
   * @param filesRead how many promise and figures files were read, rather than remembered
   *     ({@code charter.yaml} is read every time)
   * @param promisesChecked how many promises were checked, rather than remembered
   * @param promisesMeasured how many promises were measured and put into words, rather than
   *     remembered
   * @param times how long each stage took
   */
  public record Refresh(
      List<Finding> findings,
      Optional<Snapshot> snapshot,
      int promiseFiles,
      int filesRead,
      int promisesChecked,
      int promisesMeasured,
      List<StageTime> times) {
    public Refresh {
      findings = List.copyOf(findings);
      Objects.requireNonNull(snapshot, "snapshot");
      times = List.copyOf(times);
    }

    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }
  }

  /**
   * Brings the charter up to date with its files: loads, validates, measures and explains what
   * changed, and prepares the site's renderer (the theme and each promise's card for the index).
   * Renders no page: a {@link Snapshot} renders each when it is asked for.
   */
  public synchronized Refresh refresh() {
    List<StageTime> times = new ArrayList<>();
    long[] last = {System.nanoTime()};
    java.util.function.Consumer<String> stage = name -> {
      long now = System.nanoTime();
      times.add(new StageTime(name, (now - last[0]) / 1_000_000));
      last[0] = now;
    };
    Findings findings = new Findings();
    CharterLoader.LoadResult loaded = loader.load(options.charter(), options.charterName(), reads);
    findings.addAll(loaded.findings());
    int promiseFiles = loaded.charter().promiseIds().size();
    stage.accept("load");
    CharterValidator.ValidationResult validated =
        new CharterValidator().validate(loaded.charter(), options.buildDate(), checks);
    findings.addAll(validated.findings());
    stage.accept("validate");
    if (findings.hasErrors() || validated.charter().isEmpty()) {
      return new Refresh(findings.all(), Optional.empty(), promiseFiles, reads.reads(), checks.checks(), 0, times);
    }
    Charter charter = validated.charter().get();
    List<Object> now = settings(charter);
    if (!now.equals(settings) || explainer == null) {
      // A charter-wide setting changed: every measure and every word may change with it.
      settings = now;
      explainer = Explainer.forCharter(charter);
      measures = new Measurer.Memo();
      words = new IdentityHashMap<>();
    }
    Measurer measurer = new Measurer(charter);
    MeasuredCharter measuredCharter = measurer.measure(measures);
    stage.accept("measure");
    Map<MeasuredPromise, ExplainedPromise> knownWords = words;
    ExplainedCharter explained =
        explainer.explain(measuredCharter, m -> Optional.ofNullable(knownWords.get(m)));
    words = new IdentityHashMap<>();
    explained.promises().forEach(e -> words.put(e.measured(), e));
    stage.accept("explain");
    Snapshot snapshot;
    try {
      if (themeChanged()) {
        theme = Theme.load(options.templates());
        renderer = new SiteRenderer(theme);
        site = Optional.empty();
      }
      SiteRenderer.Site begun =
          site.isPresent() ? renderer.begin(explained, site.get()) : renderer.begin(explained);
      site = Optional.of(begun);
      snapshot = new Snapshot(explained, measurer, explainer, begun);
    } catch (ThemeException e) {
      findings.addAll(e.findings());
      theme = null; // load it again next time, whatever its files say
      return new Refresh(findings.all(), Optional.empty(), promiseFiles, reads.reads(), checks.checks(), measures.measured(), times);
    }
    stage.accept("prepare the site");
    return new Refresh(findings.all(), Optional.of(snapshot), promiseFiles, reads.reads(), checks.checks(), measures.measured(), times);
  }

  /**
   * Every field of the charter but its promises: what measuring and explaining a promise may read.
   * Each is kept with its text as well as its value, because some values are equal in more than
   * one spelling that the words show as written ({@code 0.5%} and {@code 0.50%}).
   */
  private static List<Object> settings(Charter charter) {
    List<Object> values = new ArrayList<>();
    for (RecordComponent c : Charter.class.getRecordComponents()) {
      if (!c.getName().equals("promises")) {
        try {
          Object value = c.getAccessor().invoke(charter);
          values.add(value);
          values.add(String.valueOf(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read the charter's " + c.getName(), e);
        }
      }
    }
    return values;
  }

  /**
   * Whether the theme must be loaded again: it has not been loaded, or loading it failed, or a file
   * in its folder changed or has just been modified.
   */
  private boolean themeChanged() {
    List<Object> files = themeFiles();
    boolean changed = theme == null || files.isEmpty() || !files.equals(themeFiles);
    themeFiles = files;
    return changed;
  }

  /**
   * Each file in the theme folder with its stamp (size, modification and change times, inode: the
   * loader's {@link CharterLoader.Stamp}, so a rewrite with its time set back is seen); empty when
   * any may have changed unseen (modified within the last {@code 2} s, as {@link
   * CharterLoader.Memo} explains, or not a regular file, or unreadable), and a list with one element
   * for the built-in theme alone.
   */
  private List<Object> themeFiles() {
    if (options.templates().isEmpty()) {
      return List.of("built-in");
    }
    long settled = System.currentTimeMillis() - 2_000;
    List<Object> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(options.templates().get())) {
      for (Path file : walk.sorted().toList()) {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          continue; // a folder's files are listed themselves
        }
        Optional<CharterLoader.Stamp> stamp = CharterLoader.Stamp.of(file);
        if (stamp.isEmpty() || stamp.get().modified() / 1_000_000 >= settled) {
          return List.of();
        }
        files.add(List.of(file.toString(), stamp.get()));
      }
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
    return files;
  }

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
   * A file too big to hold in memory ({@code charter.json}: about 50 kB a promise), rendered as it
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

  /**
   * The site of one refresh, rendered a file at a time when asked for: a promise's page, badge and
   * figures from its record, made then; each page about the whole charter (index, groups, method,
   * retired, 404, feed, sitemap) on its own; robots.txt, the theme's assets and {@code
   * charter.schema.json} together with the first of those; {@code charter.json} as it is sent. Every
   * page and image is checked as a build's verify stage checks it, and a file the site must have
   * that no renderer wrote is refused. Rendered files are kept, so asking again is quick.
   *
   * <p>Thread-safe.
   */
  public static final class Snapshot {
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

    private Snapshot(ExplainedCharter explained, Measurer measurer, Explainer explainer, SiteRenderer.Site site) {
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
      if (path.equals("charter.json")) {
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
      String id = null;
      if (path.startsWith("promises/") && path.indexOf('/', "promises/".length()) > 0) {
        id = path.substring("promises/".length(), path.indexOf('/', "promises/".length()));
      } else if (path.startsWith("figures/") && path.endsWith(".csv")) {
        id = path.substring("figures/".length(), path.length() - ".csv".length());
      }
      return Optional.ofNullable(id).filter(byId::containsKey);
    }

    /** One promise's page, badge and figures, as a build writes them. */
    private Map<String, byte[]> promiseFiles(ExplainedPromise promise) throws ThemeException {
      String id = promise.promise().id();
      Map<String, byte[]> files = promiseFiles.get(id);
      if (files != null) {
        return files;
      }
      Verifier verifier = new Verifier();
      Map<String, byte[]> written = new ConcurrentHashMap<>();
      Output out = verifier.watching(memory(written));
      PromiseRecord record = record(promise);
      try {
        site.promise(record, out);
        data.csv(record, out);
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
        written.remove("charter.json");
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
        paths.addAll(Pipeline.dataFiles(explained));
        required = paths;
      }
      return paths;
    }

    /**
     * Writes {@code charter.json} as a build does: each promise's record measured, put into words
     * and added in the charter's order, in batches on every core, so a batch's records are held at
     * a time.
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
      Output out = verifier.watching(path -> path.equals("charter.json") ? unclosed : OutputStream.nullOutputStream());
      try (DataRenderer.Json json = data.begin(explained, out)) {
        Pipeline.inOrder(explained.promises(), p -> data.fragment(record(p)), json);
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
  }
}
