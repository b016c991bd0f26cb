package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One period of one promise, judged.
 *
 * @param rule the target and definition in force in the period (H15)
 * @param note the figures file's note (for a gap, the reason; may be empty otherwise)
 * @param provisional whether the period had not ended by the published date (H13, H18)
 * @param remedy how often the remedy was given in the period; empty when its row does not say
 */
public record PeriodResult(
    Period period,
    TargetRule rule,
    Result result,
    String note,
    boolean provisional,
    Optional<RemedyResult> remedy) {
  /** A period without remedy figures. */
  public PeriodResult(Period period, TargetRule rule, Result result, String note, boolean provisional) {
    this(period, rule, result, note, provisional, Optional.empty());
  }

  public PeriodResult {
    Objects.requireNonNull(remedy, "remedy");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(note, "note");
  }
}
