package dev.kept.model;

import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import java.util.List;
import java.util.Objects;

/**
 * One promise's whole record: the promise in words with every period judged and in words, oldest
 * first, gaps included (H11). A build makes one promise's record at a time, renders it and lets it
 * go: what is made for the site is held one promise at a time, not for the whole charter.
 */
public record PromiseRecord(ExplainedPromise explained, List<ExplainedPeriod> periods) {
  public PromiseRecord {
    Objects.requireNonNull(explained, "explained");
    periods = List.copyOf(periods);
  }

  public Promise promise() {
    return explained.promise();
  }
}
