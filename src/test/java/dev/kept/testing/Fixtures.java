package dev.kept.testing;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.model.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Shared test data: a small valid charter, the fixed build date, and a pipeline to run. */
public final class Fixtures {
  /** Every test builds as if on this day. */
  public static final LocalDate BUILD_DATE = LocalDate.of(2026, 11, 22);

  /** A small charter with no problems: one promise, four months. */
  public static final String MINIMAL =
      """
      -- charter.yaml --
      organisation: Test Water
      title: Our promises
      published: 2026-11-16
      next_update: 2026-12-14
      -- promises/calls.yaml --
      title: Answering calls
      promise: We answer your call within 2 minutes.
      unit: calls
      kept_when: a person answered within 2 minutes
      target: 95%
      since: 2026-07
      not_covered: []
      remedy: none
      -- figures/calls.csv --
      period,cases,kept,excluded,note
      2026-07,100,96,0,
      2026-08,100,97,0,
      2026-09,100,94,0,
      2026-10,100,99,0,
      """;

  private Fixtures() {}

  public static CharterFixture minimal() {
    return CharterFixture.of(MINIMAL);
  }

  /** Runs {@code check} on a charter folder, naming it {@code charter} in findings. */
  public static Pipeline.Outcome check(Path charter) {
    return pipeline(charter, charter.resolveSibling("site")).check();
  }

  public static Pipeline pipeline(Path charter, Path out) {
    return new Pipeline(
        new Pipeline.Options(charter, "charter", out, BUILD_DATE, Limits.DEFAULT, java.util.Optional.empty()));
  }

  /** Each finding's headline, {@code path:line:column: severity: message}. */
  public static List<String> headlines(List<Finding> findings) {
    return findings.stream().map(Finding::headline).toList();
  }

  /**
   * Every promise's whole record, in the charter's order, made as a build makes them (one at a time
   * there; all at once here, for tests on small charters).
   */
  public static List<dev.kept.model.PromiseRecord> records(dev.kept.model.ExplainedCharter explained) {
    dev.kept.model.Charter charter = explained.charter();
    dev.kept.measure.Measurer measurer = new dev.kept.measure.Measurer(charter);
    dev.kept.explain.Explainer explainer = dev.kept.explain.Explainer.forCharter(charter);
    return explained.promises().stream()
        .map(p -> explainer.record(p, measurer.periods(p.promise()), charter))
        .toList();
  }

  /** The record of one promise, by id. */
  public static dev.kept.model.PromiseRecord record(dev.kept.model.ExplainedCharter explained, String id) {
    return records(explained).stream().filter(r -> r.promise().id().equals(id)).findFirst().orElseThrow();
  }

  /** The repository's example charter. */
  public static Path exampleCharter() {
    return Path.of("charter").toAbsolutePath();
  }
}
