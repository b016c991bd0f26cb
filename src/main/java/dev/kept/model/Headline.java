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
 * @param parts every period in the window that has a row in the figures file, gaps included, each
 *     judged on its own against the target in force then (H15), oldest first: what the pooled
 *     figure is made of, so that its words can say what pooling hides (H21), name each gap's reason
 *     (H11) and each flagged exclusion (H12)
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
    List<PeriodResult> parts,
    java.util.Optional<RemedyResult> remedy) {
  public Headline {
    parts = List.copyOf(parts);
    Objects.requireNonNull(remedy, "remedy");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    gaps = List.copyOf(gaps);
    Objects.requireNonNull(result, "result");
  }
}
