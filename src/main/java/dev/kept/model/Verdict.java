package dev.kept.model;

/**
 * The status of a figure against its target (H7, H8, H9, H11). The names are part of the published
 * data format ({@code charter.json}); never reorder or rename them.
 */
public enum Verdict {
  /** {@code k / n ≥ t} exactly, on enough cases to tell (H7, H8). */
  MET,
  /** {@code k / n < t} exactly, however few the cases (H8: uncertainty never softens a failure). */
  MISSED,
  /** The target was reached, but on fewer than {@code n_min} cases (H8). */
  TOO_FEW_TO_TELL,
  /** There were no cases in the period: {@code n = 0} (H9). */
  NO_CASES,
  /** No figures were published for the period: a declared gap (H11). */
  NO_DATA
}
