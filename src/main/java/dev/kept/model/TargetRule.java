package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One effective-dated version of a promise's target and definition (H15).
 *
 * @param from the first period this version applies to
 * @param target the share that must be kept
 * @param keptWhen what counts as kept from this period on
 * @param reason why the target or definition changed; empty only for the first version
 * @param change how this version's target differs from the one before it
 * @param definitionChanged whether what counts as kept differs from the version before, whatever
 *     happened to the target (H15: a raised target can hide a looser definition)
 */
public record TargetRule(
    Period from,
    Share target,
    String keptWhen,
    Optional<String> reason,
    Change change,
    boolean definitionChanged,
    SourcePos pos) {

  /** How a version of a target compares with the one before it. */
  public enum Change {
    FIRST,
    RAISED,
    LOWERED,
    /** Same target, but a different definition of what counts as kept. */
    REDEFINED,
    UNCHANGED
  }

  public TargetRule {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(keptWhen, "keptWhen");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(pos, "pos");
  }
}
