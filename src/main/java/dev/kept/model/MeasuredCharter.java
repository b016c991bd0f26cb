package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The charter with every promise measured, in the charter's order (H14).
 *
 * @param latestComplete the latest period that had ended by the published date, by the calendar:
 *     the end of every active promise's headline window (H13); always present
 */
public record MeasuredCharter(
    Charter charter, List<MeasuredPromise> promises, Optional<Period> latestComplete) {
  public MeasuredCharter {
    Objects.requireNonNull(charter, "charter");
    promises = List.copyOf(promises);
    Objects.requireNonNull(latestComplete, "latestComplete");
  }
}
