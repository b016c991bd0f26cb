package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The charter measured as far as its charter-wide pages need: every promise's headline, in the
 * charter's order (H14), and the facts about all its figures that those pages state.
 *
 * @param latestComplete the latest period that had ended by the published date, by the calendar:
 *     the end of every active promise's headline window (H13); always present
 * @param first the earliest period any promise has figures for
 * @param provisional the latest period any promise has figures for that had not ended by the
 *     published date
 * @param minimums for each target some period is judged against, the fewest cases that can tell
 *     a result there (H8)
 * @param examples the first figure of each kind in the charter, in the order of {@link
 *     Example.Kind}
 * @param findings what measuring found about the charter's accounts of misses (H22): an account of
 *     a period or headline that was not missed is an error, a clear miss with no account a warning
 */
public record MeasuredCharter(
    Charter charter,
    List<MeasuredPromise> promises,
    Optional<Period> latestComplete,
    Optional<Period> first,
    Optional<Period> provisional,
    SortedMap<Share, Long> minimums,
    List<Example> examples,
    List<Finding> findings) {
  /** A measured charter about which measuring found nothing to report. */
  public MeasuredCharter(
      Charter charter,
      List<MeasuredPromise> promises,
      Optional<Period> latestComplete,
      Optional<Period> first,
      Optional<Period> provisional,
      SortedMap<Share, Long> minimums,
      List<Example> examples) {
    this(charter, promises, latestComplete, first, provisional, minimums, examples, List.of());
  }

  public MeasuredCharter {
    findings = List.copyOf(findings);
    Objects.requireNonNull(charter, "charter");
    promises = List.copyOf(promises);
    Objects.requireNonNull(latestComplete, "latestComplete");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(provisional, "provisional");
    minimums = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(minimums));
    examples = List.copyOf(examples);
  }
}
