package dev.kept.measure;

import dev.kept.model.Charter;
import dev.kept.model.Counts;
import dev.kept.model.FigureRow;
import dev.kept.model.Headline;
import dev.kept.model.MeasuredCharter;
import dev.kept.model.MeasuredPromise;
import dev.kept.model.Period;
import dev.kept.model.PeriodResult;
import dev.kept.model.Promise;
import dev.kept.model.PromiseStatus;
import dev.kept.model.Share;
import dev.kept.model.TargetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Measures a whole charter: every period of every promise against the target in force then (H15),
 * and each promise's headline by the charter's one rule (H13).
 *
 * <p>The headline rule: pool (H3) the counts of the charter's {@code headline} latest complete
 * periods, ending at the latest period that had ended by the published date across the charter's
 * active promises (by the calendar: the period before the one the published date falls in). The window is the same for every active promise, never chosen per promise;
 * provisional periods are never pooled; gaps in the window are listed, not averaged over. A retired
 * promise's window ends at its own last complete period. When the target changed within the window,
 * the pooled figure is judged against the highest target in force during it, so a lowered target
 * cannot flatter the headline.
 *
 * <p>Thread-safe: a pure function of the charter.
 */
public final class Measurer {

  public MeasuredCharter measure(Charter charter) {
    Judge judge = new Judge(charter.minimumCases(), charter.exclusionWarning());
    Optional<Period> latestComplete =
        Optional.of(
            Period.latestEndedBy(charter.published(), charter.periodKind(), charter.yearStarts()));
    // Each promise is measured on its own: on every core, in the charter's order.
    List<MeasuredPromise> promises =
        charter.promises().parallelStream().map(p -> measure(p, charter, judge, latestComplete)).toList();
    return new MeasuredCharter(charter, promises, latestComplete);
  }

  private static MeasuredPromise measure(
      Promise promise, Charter charter, Judge judge, Optional<Period> charterLatest) {
    if (!promise.isMeasured()) {
      return new MeasuredPromise(promise, List.of(), Optional.empty());
    }
    List<PeriodResult> periods = new ArrayList<>();
    for (FigureRow row : promise.figures()) {
      TargetRule rule = promise.targetFor(row.period()).orElseThrow();
      periods.add(
          new PeriodResult(
              row.period(),
              rule,
              row.counts()
                  .map(c -> judge.judge(c, rule.target()))
                  .orElseGet(() -> judge.gap(rule.target())),
              row.note(),
              !row.period().endedBy(charter.published())));
    }
    Optional<Period> end =
        promise.status() == PromiseStatus.ACTIVE
            ? charterLatest
            : periods.stream()
                .filter(p -> !p.provisional())
                .map(PeriodResult::period)
                .max(Period::compareTo);
    return new MeasuredPromise(
        promise, periods, end.flatMap(e -> headline(promise, periods, e, charter, judge)));
  }

  private static Optional<Headline> headline(
      Promise promise, List<PeriodResult> periods, Period end, Charter charter, Judge judge) {
    Period since = promise.since().orElseThrow();
    if (since.compareTo(end) > 0) {
      return Optional.empty();
    }
    Period from = end.plus(1 - charter.headlinePeriods());
    if (from.compareTo(since) < 0) {
      from = since;
    }
    Counts pooled = null;
    List<Period> gaps = new ArrayList<>();
    Share highest = null;
    boolean changed = false;
    String definition = null;
    boolean redefined = false;
    for (PeriodResult p : periods) {
      if (p.period().compareTo(from) < 0 || p.period().compareTo(end) > 0 || p.provisional()) {
        continue;
      }
      Share target = p.rule().target();
      if (definition != null && !definition.equals(p.rule().keptWhen())) {
        redefined = true;
      }
      definition = p.rule().keptWhen();
      if (highest != null && target.compareTo(highest) != 0) {
        changed = true;
      }
      if (highest == null || target.compareTo(highest) > 0) {
        highest = target;
      }
      if (p.result().counts().isEmpty()) {
        gaps.add(p.period());
      } else {
        Counts c = p.result().counts().get();
        pooled = pooled == null ? c : pooled.plus(c);
      }
    }
    if (highest == null) {
      highest = promise.targetFor(end).orElseThrow().target();
    }
    int span = from.until(end) + 1;
    return Optional.of(
        new Headline(
            from,
            end,
            span,
            gaps,
            pooled == null ? judge.gap(highest) : judge.judge(pooled, highest),
            changed,
            redefined));
  }
}
