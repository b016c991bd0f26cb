package dev.kept.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The measured charter with every figure put into words: what the render stage publishes.
 *
 * @param summary the charter-wide summary sentence ("We met 6 of our 10 promises ...")
 */
public record ExplainedCharter(MeasuredCharter measured, List<ExplainedPromise> promises, String summary) {
  public ExplainedCharter {
    Objects.requireNonNull(measured, "measured");
    promises = List.copyOf(promises);
    Objects.requireNonNull(summary, "summary");
  }

  public Charter charter() {
    return measured.charter();
  }

  /** One promise in words. */
  public record ExplainedPromise(
      MeasuredPromise measured,
      List<ExplainedPeriod> periods,
      Optional<ExplainedHeadline> headline,
      String statusSentence) {
    public ExplainedPromise {
      Objects.requireNonNull(measured, "measured");
      periods = List.copyOf(periods);
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(statusSentence, "statusSentence");
    }

    public Promise promise() {
      return measured.promise();
    }
  }

  /** One period in words. */
  public record ExplainedPeriod(PeriodResult result, Words words) {
    public ExplainedPeriod {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(words, "words");
    }
  }

  /** A headline in words. */
  public record ExplainedHeadline(Headline headline, Words words) {
    public ExplainedHeadline {
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(words, "words");
    }
  }
}
