package dev.kept.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure in words, in the charter's language: one of three kinds, as its {@link Verdict} allows.
 *
 * <ul>
 *   <li>{@link NoData}: a declared gap (H11): a label and a sentence, no counts;
 *   <li>{@link NoCases}: counts with nothing counted (H9): no rate, no range;
 *   <li>{@link Rate}: the displayed rate (H5), its range (H6) and its counts (H4).
 * </ul>
 *
 * <p>Every kind has a label (the verdict in a few words, never only a colour, H14) and the generated
 * sentence that states it (H10). What a kind does not have, it has no field for: nothing is an
 * empty string standing for "absent".
 */
public sealed interface Words permits Words.NoData, Words.NoCases, Words.Rate {
  /** The verdict in a few words ("Missed narrowly"). */
  String label();

  /** The generated sentence that states the figure, the target and the verdict. */
  String sentence();

  /** The same words with another sentence (used to add a prefix such as "Provisional"). */
  Words withSentence(String newSentence);

  /** The counts in words; empty for a declared gap. */
  Optional<Counted> counted();

  /** The rate, its range and its counts in words, when there is a rate. */
  default Optional<Rate> rate() {
    return this instanceof Rate r ? Optional.of(r) : Optional.empty();
  }

  /** The excluded cases in words (H12), when any were excluded. */
  default Optional<Excluded> excluded() {
    return counted().flatMap(Counted::excluded);
  }

  /**
   * The margin in the promise's own unit, when there is a rate to have one: by how many cases a
   * target was missed, or how many were kept beyond it ("We missed it by 4 calls: 9,500 of 10,000
   * would have met 95%."). Empty for a declared gap, no cases, a result too few to tell (H8), and a
   * 100% target kept in full.
   */
  default Optional<String> margin() {
    return Optional.empty();
  }

  /** The sentence on excluded cases (H12), when any were excluded. */
  default Optional<String> exclusions() {
    return excluded().map(Excluded::sentence);
  }

  /** A declared gap (H11): "No figures for October 2026. Our phone system failed." */
  record NoData(String label, String sentence) implements Words {
    public NoData {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(sentence, "sentence");
    }

    @Override
    public NoData withSentence(String newSentence) {
      return new NoData(label, newSentence);
    }

    @Override
    public Optional<Counted> counted() {
      return Optional.empty();
    }
  }

  /** Counts with no case counted (H9): "No cases in October 2026". */
  record NoCases(String label, Counted counts, String sentence) implements Words {
    public NoCases {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(sentence, "sentence");
    }

    @Override
    public NoCases withSentence(String newSentence) {
      return new NoCases(label, counts, newSentence);
    }

    @Override
    public Optional<Counted> counted() {
      return Optional.of(counts);
    }
  }

  /**
   * A rate in words.
   *
   * @param figure the rate as displayed ("94.96%", "just under 95%")
   * @param low the displayed low end of the likely range, rounded down
   * @param high the displayed high end, rounded up
   * @param margin the margin in the promise's unit, when it has one (see {@link Words#margin()})
   */
  record Rate(
      String label, String figure, String low, String high, Counted counts, String sentence, Optional<String> margin)
      implements Words {
    public Rate {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(figure, "figure");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(sentence, "sentence");
      Objects.requireNonNull(margin, "margin");
    }

    @Override
    public Rate withSentence(String newSentence) {
      return new Rate(label, figure, low, high, counts, newSentence, margin);
    }

    @Override
    public Optional<Counted> counted() {
      return Optional.of(counts);
    }
  }

  /**
   * The counts of a period or headline, formatted.
   *
   * @param kept the kept count ("9,496")
   * @param cases the counted cases ("10,000")
   * @param denominator the figure's denominator phrase, "9,496 of 10,000 calls" (H4)
   * @param excludedCount the excluded count ("98"; "0" when none were excluded)
   * @param excludedByReason each exclusion reason's count, formatted, in the promise's order
   * @param excluded the excluded cases in words; empty when none were excluded
   */
  record Counted(
      String kept,
      String cases,
      String denominator,
      String excludedCount,
      Map<String, String> excludedByReason,
      Optional<Excluded> excluded) {
    public Counted {
      Objects.requireNonNull(kept, "kept");
      Objects.requireNonNull(cases, "cases");
      Objects.requireNonNull(denominator, "denominator");
      Objects.requireNonNull(excludedCount, "excludedCount");
      excludedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(excludedByReason));
      Objects.requireNonNull(excluded, "excluded");
    }
  }

  /**
   * Excluded cases in words (H12).
   *
   * @param denominator "98 of 10,098 calls": the excluded count with all cases as its
   *     denominator (H4)
   * @param share the share of all cases excluded, displayed
   * @param stressedFigure the rate with exclusions counted as not kept, displayed
   * @param stressedDenominator its denominator, "9,496 of 10,098 calls" (H4)
   * @param sentence the generated sentence on the excluded cases, with any flag
   */
  record Excluded(
      String denominator, String share, String stressedFigure, String stressedDenominator, String sentence) {
    public Excluded {
      Objects.requireNonNull(denominator, "denominator");
      Objects.requireNonNull(share, "share");
      Objects.requireNonNull(stressedFigure, "stressedFigure");
      Objects.requireNonNull(stressedDenominator, "stressedDenominator");
      Objects.requireNonNull(sentence, "sentence");
    }
  }
}
