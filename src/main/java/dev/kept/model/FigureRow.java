package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a promise's figures file: the counts for a period, or a declared gap with its reason
 * (H11).
 *
 * @param counts the counts, or empty for a declared gap
 * @param note the row's note; for a gap, the reason there are no figures (never blank)
 * @param remedies how often the remedy was owed and given in the period; empty when the figures
 *     file does not say (no {@code remedies_owed} and {@code remedies_given} columns, or both left
 *     empty on the row), and always for a gap. No more are owed than cases missed (H1).
 */
public record FigureRow(
    Period period, SourcePos pos, Optional<Counts> counts, String note, Optional<Remedies> remedies) {
  /** A row without remedy figures. */
  public FigureRow(Period period, SourcePos pos, Optional<Counts> counts, String note) {
    this(period, pos, counts, note, Optional.empty());
  }

  public FigureRow {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(remedies, "remedies");
    if (counts.isEmpty() && note.isBlank()) {
      throw new IllegalArgumentException("a gap needs its reason (H11)");
    }
    if (remedies.isPresent()) {
      if (counts.isEmpty()) {
        throw new IllegalArgumentException("a gap has no remedy figures (H11)");
      }
      long missed = counts.get().cases() - counts.get().kept();
      if (remedies.get().owed() > missed) {
        throw new IllegalArgumentException(
            "no more remedies are owed than cases missed (H1): " + remedies.get().owed() + " > " + missed);
      }
    }
  }

  public boolean isGap() {
    return counts.isEmpty();
  }
}
