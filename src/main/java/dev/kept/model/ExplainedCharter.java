package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The measured charter with every figure put into words: what the render stage publishes.
 *
 * @param summary the charter-wide summary sentence ("We met 6 of our 10 promises ...")
 * @param published the published date in words ("16 November 2026")
 * @param nextUpdate the next update in words; empty when the charter does not say
 * @param covered the periods the charter covers, in words ("November 2024 to October 2026");
 *     empty when it has no figures yet
 * @param minimums for each target in the charter, the fewest cases that can tell a result (H8),
 *     in words ("73 cases for a 95% target"), highest target last
 * @param exclusionWarning the charter's exclusion threshold, displayed ("5%")
 * @param groups the groups active promises are filed under, in order of first appearance; empty
 *     when no promise names a group
 * @param window the charter's headline window in words ("the 12 months from November 2025 to
 *     October 2026"), shared by every active promise's headline (H13)
 * @param examples the first figure of each kind in the charter, in words, for the method page
 */
public record ExplainedCharter(
    MeasuredCharter measured,
    List<ExplainedPromise> promises,
    String summary,
    String published,
    String nextUpdate,
    String covered,
    List<String> minimums,
    String exclusionWarning,
    String window,
    List<Group> groups,
    List<ExplainedExample> examples) {
  public ExplainedCharter {
    Objects.requireNonNull(measured, "measured");
    promises = List.copyOf(promises);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    Objects.requireNonNull(covered, "covered");
    minimums = List.copyOf(minimums);
    Objects.requireNonNull(exclusionWarning, "exclusionWarning");
    Objects.requireNonNull(window, "window");
    groups = List.copyOf(groups);
    examples = List.copyOf(examples);
  }

  public Charter charter() {
    return measured.charter();
  }

  /**
   * One promise in words, as far as the charter-wide pages need it; its every period in words is a
   * {@link PromiseRecord}.
   *
   * @param statusSentence the headline sentence, or why there is none, after any retirement note
   * @param changes one sentence per change of target or definition, oldest first (H15)
   * @param label the headline verdict in a few words, or "Not measured yet" (H19)
   * @param latest the figure for the charter's latest complete period, in words, when there is one
   */
  public record ExplainedPromise(
      MeasuredPromise measured,
      Optional<ExplainedHeadline> headline,
      String statusSentence,
      List<String> changes,
      String label,
      Optional<ExplainedPeriod> latest,
      Optional<String> lowered) {
    public ExplainedPromise {
      Objects.requireNonNull(measured, "measured");
      Objects.requireNonNull(latest, "latest");
      Objects.requireNonNull(lowered, "lowered");
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(statusSentence, "statusSentence");
      changes = List.copyOf(changes);
      Objects.requireNonNull(label, "label");
    }

    public Promise promise() {
      return measured.promise();
    }
  }

  /** One period in words; {@code when} is the period itself in words ("March 2026"). */
  public record ExplainedPeriod(PeriodResult result, String when, Words words) {
    public ExplainedPeriod {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(words, "words");
    }
  }

  /** An example figure for the method page, in words. */
  public record ExplainedExample(Example.Kind kind, Promise promise, ExplainedPeriod period) {
    public ExplainedExample {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(promise, "promise");
      Objects.requireNonNull(period, "period");
    }
  }

  /** A headline in words; {@code when} is its window in words. */
  public record ExplainedHeadline(Headline headline, String when, Words words) {
    public ExplainedHeadline {
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(words, "words");
    }
  }
}
