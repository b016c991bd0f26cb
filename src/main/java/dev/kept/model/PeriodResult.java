package dev.kept.model;

import java.util.Objects;

/**
 * One period of one promise, judged.
 *
 * @param rule the target and definition in force in the period (H15)
 * @param note the figures file's note (for a gap, the reason; may be empty otherwise)
 * @param provisional whether the period had not ended by the published date (H13, H18)
 */
public record PeriodResult(
    Period period, TargetRule rule, Result result, String note, boolean provisional) {
  public PeriodResult {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(note, "note");
  }
}
