package dev.kept.model;

/** The length of the charter's reporting period. Every figures file uses the charter's kind. */
public enum PeriodKind {
  MONTH("month", 12),
  QUARTER("quarter", 4),
  YEAR("year", 1);

  private final String word;
  private final int perYear;

  PeriodKind(String word, int perYear) {
    this.word = word;
    this.perYear = perYear;
  }

  /** The word used in {@code charter.yaml}: {@code month}, {@code quarter} or {@code year}. */
  public String word() {
    return word;
  }

  /** How many periods make a year; also the default headline window (H13). */
  public int perYear() {
    return perYear;
  }
}
