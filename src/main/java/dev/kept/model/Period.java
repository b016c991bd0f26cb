package dev.kept.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reporting period: a month ({@code 2026-03}), a calendar quarter ({@code 2026-Q1}) or a year
 * ({@code 2026}, or {@code 2023-24} for a fiscal year that starts in month {@code yearStarts}).
 *
 * <p>Periods of one kind form a sequence: {@link #index()} counts them from year 0, so the next
 * period is {@code index + 1} and gaps are easy to see. Periods compare by start date.
 *
 * @param kind the period's length
 * @param index months, quarters or years since year 0 (for fiscal years, the year it starts in)
 * @param yearStarts the month a year starts in (1 for calendar years); only used by {@link
 *     PeriodKind#YEAR}
 */
public record Period(PeriodKind kind, int index, int yearStarts) implements Comparable<Period> {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern FISCAL_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");

  public Period {
    Objects.requireNonNull(kind, "kind");
    if (yearStarts < 1 || yearStarts > 12) {
      throw new IllegalArgumentException("yearStarts must be a month number, 1 to 12");
    }
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
  }

  /**
   * Reads a period as written in a charter, or empty if {@code text} is not a well-formed period of
   * this kind.
   */
  public static Optional<Period> parse(String text, PeriodKind kind, int yearStarts) {
    Matcher m;
    switch (kind) {
      case MONTH:
        m = MONTH.matcher(text);
        if (m.matches()) {
          int year = Integer.parseInt(m.group(1));
          int month = Integer.parseInt(m.group(2));
          if (month >= 1 && month <= 12) {
            return Optional.of(new Period(kind, year * 12 + month - 1, yearStarts));
          }
        }
        return Optional.empty();
      case QUARTER:
        m = QUARTER.matcher(text);
        if (m.matches()) {
          int year = Integer.parseInt(m.group(1));
          return Optional.of(
              new Period(kind, year * 4 + Integer.parseInt(m.group(2)) - 1, yearStarts));
        }
        return Optional.empty();
      case YEAR:
        if (yearStarts == 1) {
          m = YEAR.matcher(text);
          return m.matches()
              ? Optional.of(new Period(kind, Integer.parseInt(m.group(1)), 1))
              : Optional.empty();
        }
        m = FISCAL_YEAR.matcher(text);
        if (m.matches()) {
          int year = Integer.parseInt(m.group(1));
          int endsIn = Integer.parseInt(m.group(2));
          if ((year + 1) % 100 == endsIn) {
            return Optional.of(new Period(kind, year, yearStarts));
          }
        }
        return Optional.empty();
      default:
        throw new AssertionError(kind);
    }
  }

  /** The period of this kind that contains {@code day}. */
  public static Period containing(LocalDate day, PeriodKind kind, int yearStarts) {
    switch (kind) {
      case MONTH:
        return new Period(kind, day.getYear() * 12 + day.getMonthValue() - 1, yearStarts);
      case QUARTER:
        return new Period(kind, day.getYear() * 4 + (day.getMonthValue() - 1) / 3, yearStarts);
      default:
        int year = day.getMonthValue() >= yearStarts ? day.getYear() : day.getYear() - 1;
        return new Period(kind, year, yearStarts);
    }
  }

  /**
   * The latest period of this kind that has ended by {@code day}: the one before the period
   * containing it.
   */
  public static Period latestEndedBy(LocalDate day, PeriodKind kind, int yearStarts) {
    return containing(day, kind, yearStarts).plus(-1);
  }

  /** How a period of this kind is written, for error messages: {@code 2026-03}, and so on. */
  public static String example(PeriodKind kind, int yearStarts) {
    switch (kind) {
      case MONTH:
        return "2026-03";
      case QUARTER:
        return "2026-Q1";
      default:
        return yearStarts == 1 ? "2026" : "2023-24";
    }
  }

  /** The first day of the period. */
  public LocalDate start() {
    switch (kind) {
      case MONTH:
        return LocalDate.of(index / 12, index % 12 + 1, 1);
      case QUARTER:
        return LocalDate.of(index / 4, (index % 4) * 3 + 1, 1);
      default:
        return LocalDate.of(index, yearStarts, 1);
    }
  }

  /** The first day after the period. */
  public LocalDate end() {
    return next().start();
  }

  /** The last day of the period. */
  public LocalDate lastDay() {
    return end().minusDays(1);
  }

  public Period next() {
    return plus(1);
  }

  public Period plus(int periods) {
    return new Period(kind, index + periods, yearStarts);
  }

  /** How many periods from {@code this} to {@code other}: positive when {@code other} is later. */
  public int until(Period other) {
    if (other.kind != kind) {
      throw new IllegalArgumentException("periods of different kinds");
    }
    return other.index - index;
  }

  /** Whether this period has ended by the given day (the day is after its last day). */
  public boolean endedBy(LocalDate day) {
    return !end().isAfter(day);
  }

  /** The period as written in charters: {@code 2026-03}, {@code 2026-Q1}, {@code 2026}, {@code 2023-24}. */
  public String label() {
    switch (kind) {
      case MONTH:
        return pad4(index / 12) + "-" + pad2(index % 12 + 1);
      case QUARTER:
        return pad4(index / 4) + "-Q" + (index % 4 + 1);
      default:
        return yearStarts == 1 ? pad4(index) : pad4(index) + "-" + pad2((index + 1) % 100);
    }
  }

  private static String pad2(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static String pad4(int n) {
    String s = String.valueOf(n);
    return "0000".substring(Math.min(4, s.length())) + s;
  }

  @Override
  public int compareTo(Period other) {
    return start().compareTo(other.start());
  }

  @Override
  public String toString() {
    return label();
  }
}
