package dev.kept.model;

import java.util.Objects;

/**
 * A figure from the charter itself that shows one kind of result, for the method page's worked
 * examples: the first of its kind in the charter's order.
 */
public record Example(Kind kind, Promise promise, PeriodResult period) {
  public Example {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(period, "period");
  }

  /** The kinds of result the method page explains, in the order it explains them. */
  public enum Kind {
    MET_CLEAR,
    MET_NARROW,
    MISSED_NARROW,
    MISSED_CLEAR,
    MISSED_FEW,
    TOO_FEW,
    NO_CASES,
    NO_DATA,
    /** A period whose exclusions are flagged (H12). */
    FLAGGED;

    /** The kinds a result shows; a result may show two (a flagged miss, say). */
    public static java.util.EnumSet<Kind> of(Result r) {
      java.util.EnumSet<Kind> kinds =
          java.util.EnumSet.of(of(r.verdict(), r.qualifier().orElse(null), r.fewCases()));
      if (r.exclusionFlag()) {
        kinds.add(FLAGGED);
      }
      return kinds;
    }

    /** The kind of a verdict, with its qualifier (null when it has none) and H8's few cases. */
    public static Kind of(Verdict verdict, Qualifier qualifier, boolean fewCases) {
      return switch (verdict) {
        case MET -> qualifier == Qualifier.CLEAR ? MET_CLEAR : MET_NARROW;
        case MISSED -> fewCases ? MISSED_FEW : qualifier == Qualifier.CLEAR ? MISSED_CLEAR : MISSED_NARROW;
        case TOO_FEW_TO_TELL -> TOO_FEW;
        case NO_CASES -> NO_CASES;
        case NO_DATA -> NO_DATA;
      };
    }
  }
}
