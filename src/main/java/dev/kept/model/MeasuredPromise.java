package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the charter-wide pages need of one measured promise: its headline and its most recent
 * periods. Every period's result is measured on its own, one promise at a
 * time, as a {@link PromiseRecord} is built; so a charter of any size is never held judged in full.
 *
 * @param headline empty when the promise is not measured (H19), or has no complete period yet
 * @param recent the results of its last {@link #RECENT} periods, oldest first, provisional ones and
 *     gaps included
 * @param misses its clear misses that have no account yet (H22)
 */
public record MeasuredPromise(
    Promise promise, Optional<Headline> headline, List<PeriodResult> recent, Misses misses) {
  /** How many recent periods a promise's summary shows. */
  public static final int RECENT = 12;

  /** A promise with no clear miss left unexplained. */
  public MeasuredPromise(Promise promise, Optional<Headline> headline, List<PeriodResult> recent) {
    this(promise, headline, recent, Misses.NONE);
  }

  public MeasuredPromise {
    Objects.requireNonNull(misses, "misses");
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(headline, "headline");
    recent = List.copyOf(recent);
  }
}
