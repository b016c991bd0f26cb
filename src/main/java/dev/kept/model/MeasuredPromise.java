package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise with every period judged and its headline.
 *
 * @param periods one result per figures row, oldest first, gaps included (H11)
 * @param headline empty when the promise is not measured (H19), or has no complete period yet
 */
public record MeasuredPromise(Promise promise, List<PeriodResult> periods, Optional<Headline> headline) {
  public MeasuredPromise {
    Objects.requireNonNull(promise, "promise");
    periods = List.copyOf(periods);
    Objects.requireNonNull(headline, "headline");
  }
}
