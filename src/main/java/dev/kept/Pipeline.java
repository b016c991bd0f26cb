package dev.kept;

import dev.kept.explain.Explainer;
import dev.kept.load.CharterLoader;
import dev.kept.load.Limits;
import dev.kept.measure.Measurer;
import dev.kept.model.Charter;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.PromiseRecord;
import dev.kept.render.Output;
import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.MeasuredCharter;
import dev.kept.publish.PublishException;
import dev.kept.publish.Publisher;
import dev.kept.render.DataRenderer;
import dev.kept.render.SiteRenderer;
import dev.kept.render.Theme;
import dev.kept.render.ThemeException;
import dev.kept.validate.CharterValidator;
import dev.kept.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs Kept's stages in order and times each one:
 *
 * <pre>
 * load → validate → measure → explain → render → verify → publish
 * </pre>
 *
 * <p>{@link #check} stops after explain and writes nothing; {@link #build} goes on to publish. A
 * charter with errors stops after validate, and the output folder is left as it was.
 *
 * <p>Thread-safe: instances hold only their options.
 */
public final class Pipeline {

  /**
   * What to build.
   *
   * @param charter the charter folder
   * @param charterName the folder as the user named it, for messages
   * @param out the output folder
   * @param buildDate the day of the build (H1, H18)
   * @param templates a theme folder whose files override the built-in theme, or empty
   */
  public record Options(
      Path charter,
      String charterName,
      Path out,
      LocalDate buildDate,
      Limits limits,
      Optional<Path> templates) {
    public Options {
      Objects.requireNonNull(templates, "templates");
      Objects.requireNonNull(charter, "charter");
      Objects.requireNonNull(charterName, "charterName");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(buildDate, "buildDate");
      Objects.requireNonNull(limits, "limits");
    }
  }

  /** How long one stage took. */
  public record StageTime(String stage, long millis) {
    @Override
    public String toString() {
      return stage + " " + millis + " ms";
    }
  }

  /**
   * What a run found and did.
   *
   * @param charter the explained charter, when the charter had no errors
   * @param published whether a new site replaced the output
   * @param promiseFiles how many promise files were checked, drafts included
   */
  public record Outcome(
      List<Finding> findings,
      List<StageTime> times,
      Optional<ExplainedCharter> charter,
      boolean published,
      int promiseFiles) {
    public Outcome {
      findings = List.copyOf(findings);
      times = List.copyOf(times);
      Objects.requireNonNull(charter, "charter");
    }

    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }
  }

  private final Options options;

  public Pipeline(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Loads, validates, measures and explains the charter; writes nothing. */
  public Outcome check() {
    Timer timer = new Timer();
    Findings findings = new Findings();
    Optional<ExplainedCharter> explained = understand(findings, timer).map(Understood::explained);
    return new Outcome(findings.all(), timer.times, explained, false, timer.promiseFiles);
  }

  /**
   * Builds the site and publishes it atomically.
   *
   * <p>After the charter-wide measure and explain, each promise's whole record is measured, put
   * into words, rendered and checked on its own, on every core, and let go once its files are
   * written: what is made for the site is held one promise per core at a time (the validated
   * charter, with every figure, is held throughout). Its part of {@code
   * charter.json} is added in the charter's order. Then the pages about the whole charter are
   * rendered, the staged site is verified, and it is published.
   *
   * @throws PublishException when the output folder cannot be written or replaced; the previous
   *     output is left as it was
   * @throws IOException when writing a file of the new site fails; the previous output is left
   * @throws IllegalStateException when the staged site fails verification and no theme of the
   *     company's is to blame (a bug in Kept); a company's theme whose pages fail it gets findings
   *     at its own files instead
   */
  public Outcome build() throws PublishException, IOException {
    return build(Publisher.DEFAULT_WAIT, notice -> {});
  }

  /**
   * Builds the site and publishes it atomically, as {@link #build()}, waiting up to {@code wait}
   * for another build of the same output folder to finish.
   *
   * @param onWait told once, in words, when this build has to wait for another
   * @throws PublishException also when another build held the output folder for longer than {@code
   *     wait}
   */
  public Outcome build(java.time.Duration wait, java.util.function.Consumer<String> onWait)
      throws PublishException, IOException {
    Timer timer = new Timer();
    Findings findings = new Findings();
    Optional<Understood> understood = understand(findings, timer);
    if (understood.isEmpty()) {
      return new Outcome(findings.all(), timer.times, Optional.empty(), false, timer.promiseFiles);
    }
    ExplainedCharter explained = understood.get().explained();
    Theme theme;
    try {
      theme = Theme.load(options.templates());
    } catch (ThemeException e) {
      findings.addAll(e.findings());
      return new Outcome(findings.all(), timer.times, Optional.empty(), false, timer.promiseFiles);
    }
    Publisher publisher = new Publisher(options.out(), wait, onWait);
    try (Publisher.Staging staging = publisher.begin()) {
      timer.start();
      Verifier verifier = new Verifier();
      Output out = verifier.watching(staging);
      DataRenderer data = new DataRenderer();
      try (DataRenderer.Json json = data.begin(explained, out)) {
        SiteRenderer.Site site = new SiteRenderer(theme).begin(explained);
        new Records(understood.get(), data, site, out, json).write();
        timer.stop("promise records");
        json.finish();
        site.finish(out);
        timer.stop("charter pages");
      } catch (ThemeException e) {
        findings.addAll(e.findings());
        return new Outcome(findings.all(), timer.times, Optional.empty(), false, timer.promiseFiles);
      }
      List<String> pages = SiteRenderer.pages(explained);
      List<String> files = dataFiles(explained);
      List<String> problems = verifier.finish(staging.root(), pages, files);
      timer.stop("verify");
      if (!problems.isEmpty()) {
        // What a company's theme wrote into the pages is its finding, at its own file and line;
        // anything else (a missing file, a link, or the built-in theme's markup) is Kept's bug.
        List<dev.kept.verify.Problem> markup = verifier.markupProblems();
        java.util.Set<String> fromMarkup =
            markup.stream().map(dev.kept.verify.Problem::toString).collect(java.util.stream.Collectors.toSet());
        if (options.templates().isPresent() && fromMarkup.containsAll(problems)) {
          findings.addAll(dev.kept.verify.ThemeBlame.findings(options.templates().get(), markup));
          return new Outcome(findings.all(), timer.times, Optional.empty(), false, timer.promiseFiles);
        }
        throw new IllegalStateException("the built site failed verification: " + problems);
      }
      // Reads the staged folder back: every required file is there and is the one this build wrote.
      staging.commit(java.util.stream.Stream.concat(pages.stream(), files.stream()).toList());
      timer.stop("publish");
    }
    return new Outcome(findings.all(), timer.times, Optional.of(explained), true, timer.promiseFiles);
  }

  /** What the charter-wide stages made, and the stages that go on to make each promise's record. */
  private record Understood(Charter charter, Measurer measurer, Explainer explainer, ExplainedCharter explained) {}

  /**
   * Writes every promise's record: in batches of the charter's order, each batch on every core, its
   * parts of {@code charter.json} added in order once the batch is done.
   */
  private record Records(
      Understood understood, DataRenderer data, SiteRenderer.Site site, Output out, DataRenderer.Json json) {
    void write() throws IOException, ThemeException {
      try {
        inOrder(understood.explained().promises(), this::record, json);
      } catch (ThemeFailure f) {
        throw f.cause;
      } catch (java.io.UncheckedIOException f) {
        throw f.getCause();
      }
    }

    /** Measures, explains and renders one promise's record; returns its part of charter.json. */
    private byte[] record(ExplainedPromise promise) {
      PromiseRecord record =
          understood.explainer().record(
              promise, understood.measurer().periods(promise.promise()), understood.charter());
      try {
        site.promise(record, out);
        data.csv(record, out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (ThemeException e) {
        throw new ThemeFailure(e);
      }
      return data.fragment(record);
    }
  }

  /** How many promises' records are made at once, on every core, before their parts are added. */
  private static final int BATCH = 64;

  /**
   * Adds each promise's part of {@code charter.json}, in the charter's order: the parts are made in
   * batches, each batch on every core, so that only a batch's records are held at a time.
   */
  static void inOrder(
      List<ExplainedPromise> promises, java.util.function.Function<ExplainedPromise, byte[]> part, DataRenderer.Json json)
      throws IOException {
    for (int from = 0; from < promises.size(); from += BATCH) {
      List<byte[]> fragments =
          promises.subList(from, Math.min(promises.size(), from + BATCH)).parallelStream().map(part).toList();
      for (byte[] fragment : fragments) {
        json.promise(fragment);
      }
    }
  }

  /** The data files a site must have: charter.json, its schema, and each measured promise's figures. */
  static List<String> dataFiles(ExplainedCharter explained) {
    List<String> files = new ArrayList<>(List.of("charter.json", "charter.schema.json"));
    for (ExplainedPromise p : explained.promises()) {
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

  private Optional<Understood> understand(Findings findings, Timer timer) {
    timer.start();
    CharterLoader.LoadResult loaded =
        new CharterLoader(options.limits()).load(options.charter(), options.charterName());
    findings.addAll(loaded.findings());
    timer.promiseFiles = loaded.charter().promiseIds().size();
    timer.stop("load");
    CharterValidator.ValidationResult validated =
        new CharterValidator().validate(loaded.charter(), options.buildDate());
    findings.addAll(validated.findings());
    timer.stop("validate");
    if (findings.hasErrors() || validated.charter().isEmpty()) {
      return Optional.empty();
    }
    Charter charter = validated.charter().get();
    Measurer measurer = new Measurer(charter);
    MeasuredCharter measured = measurer.measure();
    timer.stop("measure");
    Explainer explainer = Explainer.forCharter(charter);
    ExplainedCharter explained = explainer.explain(measured);
    timer.stop("explain");
    return Optional.of(new Understood(charter, measurer, explainer, explained));
  }

  /** Times stages one after another. */
  private static final class Timer {
    private final List<StageTime> times = new ArrayList<>();
    private long last;
    private int promiseFiles;

    void start() {
      last = System.nanoTime();
    }

    void stop(String stage) {
      long now = System.nanoTime();
      times.add(new StageTime(stage, (now - last) / 1_000_000));
      last = now;
    }
  }
}
