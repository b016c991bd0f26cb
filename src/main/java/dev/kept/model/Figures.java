package dev.kept.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A promise's figure rows, held as columns of numbers rather than as a record per row: about 40
 * bytes a row instead of 170. A charter holds every row of every promise from validation until
 * each promise's record is written, and at 10,000 promises of 120 months the rows were 60% of the
 * live heap.
 *
 * <p>Each {@link #get} makes the row afresh, equal to the one it was made from. Rows that do not
 * share a period kind, a file and one list of exclusion reasons (never so for rows read from one
 * figures file, but possible for rows made by hand) are kept as they are. Immutable.
 */
final class Figures extends AbstractList<FigureRow> implements RandomAccess {
  private final PeriodKind kind;
  private final int yearStarts;
  private final String file;
  private final String[] reasons;
  private final int[] periods;
  private final int[] lines;
  private final int[] columns;
  /** Cases kept, or -1 for a declared gap. */
  private final long[] kept;
  private final long[] cases;
  /** Excluded cases by reason, {@code reasons.length} to a row. */
  private final long[] excluded;
  /** Each row's note, or null for none. */
  private final String[] notes;
  /** Remedies owed and given, -1 where a row has none; null when no row has any. */
  private final long[] owed;
  private final long[] given;

  private Figures(List<FigureRow> rows, String[] reasons) {
    int n = rows.size();
    FigureRow first = rows.get(0);
    this.kind = first.period().kind();
    this.yearStarts = first.period().yearStarts();
    this.file = first.pos().file();
    this.reasons = reasons;
    this.periods = new int[n];
    this.lines = new int[n];
    this.columns = new int[n];
    this.kept = new long[n];
    this.cases = new long[n];
    this.excluded = new long[n * reasons.length];
    this.notes = new String[n];
    boolean anyRemedies = false;
    for (FigureRow row : rows) {
      anyRemedies |= row.remedies().isPresent();
    }
    this.owed = anyRemedies ? new long[n] : null;
    this.given = anyRemedies ? new long[n] : null;
    for (int i = 0; i < n; i++) {
      FigureRow row = rows.get(i);
      periods[i] = row.period().index();
      lines[i] = row.pos().line();
      columns[i] = row.pos().column();
      notes[i] = row.note().isEmpty() ? null : row.note();
      if (owed != null) {
        owed[i] = row.remedies().map(Remedies::owed).orElse(-1L);
        given[i] = row.remedies().map(Remedies::given).orElse(-1L);
      }
      if (row.counts().isEmpty()) {
        kept[i] = -1;
        continue;
      }
      Counts c = row.counts().get();
      kept[i] = c.kept();
      cases[i] = c.cases();
      int r = 0;
      for (long x : c.excludedByReason().values()) {
        excluded[i * reasons.length + r++] = x;
      }
    }
  }

  /** The rows, compact where they can be; otherwise an immutable copy of the list. */
  static List<FigureRow> of(List<FigureRow> rows) {
    if (rows instanceof Figures) {
      return rows;
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    FigureRow first = rows.get(0);
    String[] reasons = null;
    for (FigureRow row : rows) {
      if (row.period().kind() != first.period().kind()
          || row.period().yearStarts() != first.period().yearStarts()
          || !row.pos().file().equals(first.pos().file())) {
        return List.copyOf(rows);
      }
      if (row.counts().isPresent()) {
        String[] keys = row.counts().get().excludedByReason().keySet().toArray(new String[0]);
        if (reasons == null) {
          reasons = keys;
        } else if (!java.util.Arrays.equals(reasons, keys)) {
          return List.copyOf(rows);
        }
      }
    }
    return new Figures(rows, reasons == null ? new String[0] : reasons);
  }

  @Override
  public FigureRow get(int i) {
    Period period = new Period(kind, periods[i], yearStarts);
    SourcePos pos = new SourcePos(file, lines[i], columns[i]);
    String note = notes[i] == null ? "" : notes[i];
    if (kept[i] < 0) {
      return new FigureRow(period, pos, Optional.empty(), note);
    }
    Map<String, Long> byReason =
        switch (reasons.length) {
          case 0 -> Map.of();
          case 1 -> Map.of(reasons[0], excluded[i]);
          default -> {
            Map<String, Long> ordered = new java.util.LinkedHashMap<>();
            for (int r = 0; r < reasons.length; r++) {
              ordered.put(reasons[r], excluded[i * reasons.length + r]);
            }
            yield ordered;
          }
        };
    Optional<Remedies> remedies =
        owed == null || owed[i] < 0 ? Optional.empty() : Optional.of(new Remedies(owed[i], given[i]));
    return new FigureRow(period, pos, Optional.of(new Counts(kept[i], cases[i], byReason)), note, remedies);
  }

  @Override
  public int size() {
    return periods.length;
  }

  /** Whether any row has remedy figures; without making the rows when they are compact. */
  static boolean anyRemedies(List<FigureRow> rows) {
    if (rows instanceof Figures f) {
      if (f.owed == null) {
        return false;
      }
      for (long o : f.owed) {
        if (o >= 0) {
          return true;
        }
      }
      return false;
    }
    for (FigureRow row : rows) {
      if (row.remedies().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** For tests: whether rows were kept compact. */
  static boolean isCompact(List<FigureRow> rows) {
    return rows instanceof Figures;
  }
}
