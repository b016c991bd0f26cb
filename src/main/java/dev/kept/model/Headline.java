package dev.kept.model;

import java.util.List;
import java.util.Objects;

/**
 * A promise's headline figure: its counts pooled over the charter's headline window (H3, H13).
 *
 * @param from the first period pooled
 * @param to the last period pooled: the charter's latest complete period (or, for a retired
 *     promise, its own last complete period)
 * @param periods how many periods the window spans
 * @param gaps the periods in the window that have no figures (H11); they are not pooled
 * @param targetChanged whether the target changed within the window; the headline is then judged
 *     against the highest target in force during it
 * @param definitionChanged whether what counts as kept changed within the window, so the pooled
 *     counts mix definitions (H15)
 * @param remedy how often the remedy was given, pooled over the same periods as the figure (H3);
 *     empty when no period in the window has remedy figures
 */
public record Headline(
    Period from,
    Period to,
    int periods,
    List<Period> gaps,
    Result result,
    boolean targetChanged,
    boolean definitionChanged,
    java.util.Optional<RemedyResult> remedy) {
  /** A headline without remedy figures. */
  public Headline(
      Period from, Period to, int periods, List<Period> gaps, Result result, boolean targetChanged,
      boolean definitionChanged) {
    this(from, to, periods, gaps, result, targetChanged, definitionChanged, java.util.Optional.empty());
  }

  public Headline {
    Objects.requireNonNull(remedy, "remedy");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    gaps = List.copyOf(gaps);
    Objects.requireNonNull(result, "result");
  }
}
