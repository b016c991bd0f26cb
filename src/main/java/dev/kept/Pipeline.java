package dev.kept;

import dev.kept.explain.Explainer;
import dev.kept.load.CharterLoader;
import dev.kept.load.Limits;
import dev.kept.measure.Measurer;
import dev.kept.model.Charter;
import dev.kept.model.ExplainedCharter;
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
      return findings.stream().anyMatch(f -> f.severity() == dev.kept.model.Severity.ERROR);
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
    Optional<ExplainedCharter> explained = understand(findings, timer);
    return new Outcome(findings.all(), timer.times, explained, false, timer.promiseFiles);
  }

  /**
   * Builds the site and publishes it atomically.
   *
   * @throws PublishException when the output folder cannot be written or replaced; the previous
   *     output is left as it was
   * @throws IOException when writing a file of the new site fails; the previous output is left
   * @throws IllegalStateException when the staged site fails verification (a bug in Kept)
   */
  public Outcome build() throws PublishException, IOException {
    Timer timer = new Timer();
    Findings findings = new Findings();
    Optional<ExplainedCharter> explained = understand(findings, timer);
    if (explained.isEmpty()) {
      return new Outcome(findings.all(), timer.times, explained, false, timer.promiseFiles);
    }
    Theme theme;
    try {
      theme = Theme.load(options.templates());
    } catch (ThemeException e) {
      findings.addAll(e.findings());
      return new Outcome(findings.all(), timer.times, Optional.empty(), false, timer.promiseFiles);
    }
    Publisher publisher = new Publisher(options.out());
    try (Publisher.Staging staging = publisher.begin()) {
      timer.start();
      new DataRenderer().render(explained.get(), staging);
      timer.stop("render data");
      try {
        new SiteRenderer(theme).render(explained.get(), staging);
      } catch (ThemeException e) {
        findings.addAll(e.findings());
        return new Outcome(findings.all(), timer.times, Optional.empty(), false, timer.promiseFiles);
      }
      timer.stop("render site");
      List<String> problems = new Verifier().verify(staging.root(), explained.get());
      timer.stop("verify");
      if (!problems.isEmpty()) {
        throw new IllegalStateException("the built site failed verification: " + problems);
      }
      staging.commit();
      timer.stop("publish");
    }
    return new Outcome(findings.all(), timer.times, explained, true, timer.promiseFiles);
  }

  private Optional<ExplainedCharter> understand(Findings findings, Timer timer) {
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
    MeasuredCharter measured = new Measurer().measure(charter);
    timer.stop("measure");
    ExplainedCharter explained = Explainer.forCharter(charter).explain(measured);
    timer.stop("explain");
    return Optional.of(explained);
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
