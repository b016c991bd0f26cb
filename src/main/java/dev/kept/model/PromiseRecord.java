package dev.kept.model;

import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import java.util.List;
import java.util.Optional;
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

  /**
   * Every period its page labels "Not yet explained" (H22): the clear misses of the headline's
   * window with no account, as measure found them (warned of and counted on the index), and those
   * before the window, found here from the record's periods, judged already, so that the table
   * leaves no miss unmarked; these are neither warned of nor counted.
   */
  public java.util.Set<Period> notYetExplained() {
    java.util.Set<Period> out = new java.util.HashSet<>(explained.measured().misses().unexplained());
    Optional<Period> from = explained.headline().map(h -> h.headline().from());
    if (promise().status() != PromiseStatus.ACTIVE || from.isEmpty()) {
      return out;
    }
    for (ExplainedPeriod p : periods) {
      Period at = p.result().period();
      if (at.compareTo(from.get()) < 0 && p.result().result().clearMiss() && promise().accountsOf(at).isEmpty()) {
        out.add(at);
      }
    }
    return out;
  }
}
