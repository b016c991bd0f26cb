package dev.kept;

import dev.kept.explain.Explainer;
import dev.kept.load.CharterLoader;
import dev.kept.load.Limits;
import dev.kept.load.RawCharter;
import dev.kept.measure.Measurer;
import dev.kept.model.Charter;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.MeasuredCharter;
import dev.kept.model.Settings;
import dev.kept.publish.PublishException;
import dev.kept.publish.Publisher;
import dev.kept.render.Output;
import dev.kept.render.SiteRenderer;
import dev.kept.render.Theme;
import dev.kept.render.ThemeException;
import dev.kept.validate.CharterValidator;
import dev.kept.verify.Problem;
import dev.kept.verify.ThemeBlame;
import dev.kept.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs Kept's stages in order and times each one:
 *
 * <pre>
 * load → validate → measure → explain → render → verify → publish
 * </pre>
 *
 * <p>{@link #check}, {@link #build} and {@link #serve} run the same stages, in {@link #run}; they
 * differ only in where the site goes ({@link Mode}): nowhere (check stops after explain), into a
 * folder (render, verify and publish), or into memory (a {@link Snapshot} that renders each file
 * when a reader asks for it). A serve run is given the {@link Memory} of the previous one, which
 * wraps the stages so that only what a change touched is made again. A charter with errors stops
 * after validate (or after measure, when an account of a miss explains a period or headline that
 * was not missed, H22), and the output folder is left as it was.
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
   * @param site the site in memory, when served and the charter and theme have no errors
   * @param made how much of the work this run made rather than took from its {@link Memory}
   */
  public record Outcome(
      List<Finding> findings,
      List<StageTime> times,
      Optional<ExplainedCharter> charter,
      boolean published,
      int promiseFiles,
      Optional<Snapshot> site,
      Made made) {
    public Outcome {
      findings = List.copyOf(findings);
      times = List.copyOf(times);
      Objects.requireNonNull(charter, "charter");
      Objects.requireNonNull(site, "site");
      Objects.requireNonNull(made, "made");
    }

    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }
  }

  /**
   * How much of a run's work was made rather than taken from the previous run's {@link Memory}:
   * every piece, in a run without one.
   *
   * @param filesRead promise and figures files read ({@code charter.yaml} is read every time)
   * @param promisesChecked promises checked
   * @param promisesMeasured promises measured and put into words
   */
  public record Made(int filesRead, int promisesChecked, int promisesMeasured) {}

  /** Where a run's site goes. */
  private enum Mode {
    /** Nowhere: the run stops after explain. */
    CHECK,
    /** Into the output folder: rendered, verified and published. */
    BUILD,
    /** Into memory: rendered a file at a time when asked for. */
    SERVE
  }

  private final Options options;

  public Pipeline(Options options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Loads, validates, measures and explains the charter; writes nothing. */
  public Outcome check() {
    try {
      return run(Mode.CHECK, Memory.none(), Optional.empty());
    } catch (IOException | PublishException e) {
      throw new IllegalStateException("a check writes nothing", e);
    }
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
  public Outcome build(Duration wait, Consumer<String> onWait) throws PublishException, IOException {
    return run(Mode.BUILD, Memory.none(), Optional.of(new Publisher(options.out(), wait, onWait)));
  }

  /**
   * Brings the site in memory up to date with the charter's files, as {@code kept serve} does after
   * every change: the same stages as a build, making again only what the change touched since the
   * run that {@code memory} kept, and rendering no page ({@link Outcome#site} renders each when it
   * is asked for). Writes nothing. Its findings are a fresh {@link #check}'s, in the same order, and
   * every file of its site has the bytes a fresh {@link #build} writes. One run at a time per
   * memory.
   */
  public Outcome serve(Memory memory) {
    try {
      return run(Mode.SERVE, Objects.requireNonNull(memory, "memory"), Optional.empty());
    } catch (IOException | PublishException e) {
      throw new IllegalStateException("serving writes nothing", e);
    }
  }

  /**
   * The stages, in order: load → validate → measure → explain → render → verify → publish. Each
   * stage takes its pieces of work through {@code memory}; where the site goes is {@code mode}'s.
   */
  private Outcome run(Mode mode, Memory memory, Optional<Publisher> publisher) throws IOException, PublishException {
    Run run = new Run(memory);
    Optional<Charter> charter = loadAndValidate(run, memory);
    if (charter.isEmpty()) {
      return run.stopped();
    }
    memory.settings(Settings.of(charter.get())); // when one changed, every measure and word is made again
    Measurer measurer = new Measurer(charter.get(), memory.reuse());
    MeasuredCharter measured = run.stage("measure", measurer::measure);
    run.findings.addAll(measured.findings()); // H22: accounts of misses, checked against the verdicts
    if (run.findings.hasErrors()) {
      return run.stopped();
    }
    Explainer explainer = Explainer.forCharter(charter.get(), memory.reuse());
    ExplainedCharter explained = run.stage("explain", () -> explainer.explain(measured));
    if (mode == Mode.CHECK) {
      return run.checked(explained);
    }
    Optional<Snapshot> site = prepare(explained, measurer, explainer, run, memory); // the theme, begun
    if (site.isEmpty()) {
      return run.stopped();
    }
    if (mode == Mode.SERVE) {
      run.time("prepare the site");
      return run.served(site.get()); // rendered and verified a file at a time, when asked for
    }
    return renderVerifyPublish(site.get(), publisher.orElseThrow(), run);
  }

  /**
   * Load, then validate. Load lists the figures files and validate reads each as it checks it, so
   * that the cells of one file per core are held at a time; the raw charter (every promise file's
   * tree) is let go when this returns, and what later stages keep is the validated charter.
   */
  private Optional<Charter> loadAndValidate(Run run, Memory memory) {
    RawCharter raw = run.stage("load", () -> load(run, memory));
    return run.stage("validate", () -> validate(raw, run, memory));
  }

  private RawCharter load(Run run, Memory memory) {
    CharterLoader.LoadResult loaded =
        new CharterLoader(options.limits(), memory.reuse()).load(options.charter(), options.charterName());
    run.findings.addAll(loaded.findings());
    run.promiseFiles = loaded.charter().promiseIds().size();
    return loaded.charter();
  }

  private Optional<Charter> validate(RawCharter raw, Run run, Memory memory) {
    CharterValidator.ValidationResult validated =
        new CharterValidator(memory.reuse()).validate(raw, options.buildDate());
    run.findings.addAll(validated.findings());
    return run.findings.hasErrors() ? Optional.empty() : validated.charter();
  }

  /**
   * Loads the theme (or keeps the last run's, when none of its files changed) and begins the site
   * with it; empty, with the theme's findings, when the theme is broken.
   */
  private Optional<Snapshot> prepare(
      ExplainedCharter explained, Measurer measurer, Explainer explainer, Run run, Memory memory) {
    try {
      Optional<SiteRenderer> kept = memory.keptRenderer(options.templates());
      SiteRenderer renderer = kept.isPresent() ? kept.get() : new SiteRenderer(Theme.load(options.templates()));
      if (kept.isEmpty()) {
        memory.keepRenderer(Optional.of(renderer));
      }
      Optional<SiteRenderer.Site> earlier = memory.site();
      SiteRenderer.Site begun =
          earlier.isPresent() ? renderer.begin(explained, earlier.get()) : renderer.begin(explained);
      memory.site(begun);
      return Optional.of(new Snapshot(explained, measurer, explainer, begun));
    } catch (ThemeException e) {
      run.findings.addAll(e.findings());
      memory.keepRenderer(Optional.empty()); // load it again next time, whatever its files say
      return Optional.empty();
    }
  }

  /** Renders the whole site into a staging folder beside the output, verifies it, and swaps it in. */
  private Outcome renderVerifyPublish(Snapshot site, Publisher publisher, Run run) throws IOException, PublishException {
    ExplainedCharter explained = site.charter();
    try (Publisher.Staging staging = publisher.begin()) {
      run.time(null);
      Verifier verifier = new Verifier();
      Output out = verifier.watching(staging);
      try {
        site.write(out, () -> run.time("promise records"));
        run.time("charter pages");
      } catch (ThemeException e) {
        run.findings.addAll(e.findings());
        return run.stopped();
      }
      List<String> pages = Snapshot.pages(explained);
      List<String> files = Snapshot.dataFiles(explained);
      List<String> problems = verifier.finish(staging.root(), pages, files);
      run.time("verify");
      if (!problems.isEmpty()) {
        // What a company's theme wrote into the pages is its finding, at its own file and line;
        // anything else (a missing file, a link, or the built-in theme's markup) is Kept's bug.
        List<Problem> markup = verifier.markupProblems();
        Set<String> fromMarkup = markup.stream().map(Problem::toString).collect(Collectors.toSet());
        if (options.templates().isPresent() && fromMarkup.containsAll(problems)) {
          run.findings.addAll(ThemeBlame.findings(options.templates().get(), markup));
          return run.stopped();
        }
        throw new IllegalStateException("the built site failed verification: " + problems);
      }
      // Reads the staged folder back: every required file is there and is the one this build wrote.
      staging.commit(Stream.concat(pages.stream(), files.stream()).toList());
      run.time("publish");
    }
    return run.published(explained);
  }

  /** One run's findings and times, and what it tells about itself at its end. */
  private static final class Run {
    private final Memory memory;
    private final Findings findings = new Findings();
    private final List<StageTime> times = new ArrayList<>();
    private long last = System.nanoTime();
    private int promiseFiles;

    Run(Memory memory) {
      this.memory = memory;
      memory.begin();
    }

    /** Runs one stage and times it. */
    <T> T stage(String name, java.util.function.Supplier<T> stage) {
      T made = stage.get();
      time(name);
      return made;
    }

    /** Ends the stage {@code name} now; with {@code null}, starts timing afresh, untimed. */
    void time(String name) {
      long now = System.nanoTime();
      if (name != null) {
        times.add(new StageTime(name, (now - last) / 1_000_000));
      }
      last = now;
    }

    Outcome stopped() {
      return outcome(Optional.empty(), false, Optional.empty());
    }

    Outcome checked(ExplainedCharter explained) {
      return outcome(Optional.of(explained), false, Optional.empty());
    }

    Outcome served(Snapshot site) {
      return outcome(Optional.of(site.charter()), false, Optional.of(site));
    }

    Outcome published(ExplainedCharter explained) {
      return outcome(Optional.of(explained), true, Optional.empty());
    }

    private Outcome outcome(Optional<ExplainedCharter> charter, boolean published, Optional<Snapshot> site) {
      memory.end();
      Made made = new Made(memory.made("read"), memory.made("check"), memory.made("measure"));
      return new Outcome(findings.all(), times, charter, published, promiseFiles, site, made);
    }
  }
}
