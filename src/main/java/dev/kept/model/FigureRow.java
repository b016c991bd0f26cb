package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a promise's figures file: the counts for a period, or a declared gap with its reason
 * (H11).
 *
 * @param counts the counts, or empty for a declared gap
 * @param note the row's note; for a gap, the reason there are no figures (never blank)
 */
public record FigureRow(Period period, SourcePos pos, Optional<Counts> counts, String note) {
  public FigureRow {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(note, "note");
    if (counts.isEmpty() && note.isBlank()) {
      throw new IllegalArgumentException("a gap needs its reason (H11)");
    }
  }

  public boolean isGap() {
    return counts.isEmpty();
  }
}
