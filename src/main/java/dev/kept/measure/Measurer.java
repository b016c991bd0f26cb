package dev.kept.measure;

import dev.kept.model.Charter;
import dev.kept.model.Counts;
import dev.kept.model.Example;
import dev.kept.model.FigureRow;
import dev.kept.model.Headline;
import dev.kept.model.MeasuredCharter;
import dev.kept.model.MeasuredPromise;
import dev.kept.model.Period;
import dev.kept.model.PeriodResult;
import dev.kept.model.Promise;
import dev.kept.model.PromiseStatus;
import dev.kept.model.Remedies;
import dev.kept.model.RemedyResult;
import dev.kept.model.Share;
import dev.kept.model.TargetRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Measures a charter: each promise's headline by the charter's one rule (H13), and every period of
 * a promise against the target in force then (H15).
 *
 * <p>The headline rule: pool (H3) the counts of the charter's {@code headline} latest complete
 * periods, ending at the latest period that had ended by the published date (by the calendar: the
 * period before the one the published date falls in). The window is the same for every active
 * promise, never chosen per promise; provisional periods are never pooled; gaps in the window are
 * listed, not averaged over. A retired promise's window ends at its own last complete period. When
 * the target changed within the window, the pooled figure is judged against the highest target in
 * force during it, so a lowered target cannot flatter the headline.
 *
 * <p>{@link #measure(Charter)} measures what the charter-wide pages need; {@link #periods} judges
 * one promise's every period, so that a build holds one promise's periods at a time.
 *
 * <p>Thread-safe: instances hold one charter's settings.
 */
public final class Measurer {
  private final Charter charter;
  private final Judge judge;
  private final Period latestComplete;

  private final dev.kept.model.Reuse reuse;

  public Measurer(Charter charter) {
    this(charter, dev.kept.model.Reuse.NONE);
  }

  /**
   * @param reuse what each promise's measure and its part in the charter-wide figures are taken
   *     from: step {@code "measure"}, slotted by the promise's id, keyed by the promise. The
   *     charter's settings are not in the key: a caller that reuses across charters whose {@link
   *     dev.kept.model.Settings} differ must forget the step.
   */
  public Measurer(Charter charter, dev.kept.model.Reuse reuse) {
    this.reuse = java.util.Objects.requireNonNull(reuse, "reuse");
    this.charter = charter;
    this.judge = new Judge(charter.minimumCases(), charter.exclusionWarning());
    this.latestComplete =
        Period.latestEndedBy(charter.published(), charter.periodKind(), charter.yearStarts());
  }

  /** Measures the charter as far as its charter-wide pages need; each promise on every core. */
  public MeasuredCharter measure() {
    List<Part> parts =
        charter.promises().parallelStream()
            .map(p -> reuse.get("measure", p.id(), p, () -> part(p)))
            .toList();
    Period first = null;
    Period provisional = null;
    SortedMap<Share, Long> minimums = new TreeMap<>();
    EnumMap<Example.Kind, Example> examples = new EnumMap<>(Example.Kind.class);
    for (Part part : parts) {
      if (part.first() != null && (first == null || part.first().compareTo(first) < 0)) {
        first = part.first();
      }
      if (part.provisional() != null && (provisional == null || part.provisional().compareTo(provisional) > 0)) {
        provisional = part.provisional();
      }
      part.minimums().forEach(minimums::putIfAbsent);
      part.examples().forEach(e -> examples.putIfAbsent(e.kind(), e));
    }
    List<dev.kept.model.Finding> findings = new ArrayList<>();
    parts.forEach(part -> findings.addAll(part.findings()));
    return new MeasuredCharter(
        charter, parts.stream().map(Part::measured).toList(), Optional.of(latestComplete),
        Optional.ofNullable(first), Optional.ofNullable(provisional), minimums, List.copyOf(examples.values()),
        findings);
  }

  /** One promise's measure and its part in the charter-wide figures. */
  private record Part(
      MeasuredPromise measured, Period first, Period provisional, SortedMap<Share, Long> minimums, List<Example> examples,
      List<dev.kept.model.Finding> findings) {}

  /** Measures one promise, and finds its part in the charter-wide figures. */
  private Part part(Promise promise) {
    Period first = null;
    Period provisional = null;
    SortedMap<Share, Long> minimums = new TreeMap<>();
    for (FigureRow row : promise.figures()) {
      Period p = row.period();
      if (first == null || p.compareTo(first) < 0) {
        first = p;
      }
      if (!p.endedBy(charter.published()) && (provisional == null || p.compareTo(provisional) > 0)) {
        provisional = p;
      }
    }
    for (FigureRow row : promise.figures()) {
      Share target = promise.targetFor(row.period()).orElseThrow().target();
      minimums.computeIfAbsent(target, judge::minimumCases);
    }
    MeasuredPromise measured = measure(promise);
    List<dev.kept.model.Finding> findings = List.of();
    if (promise.isMeasured()) {
      // H22: its accounts of misses checked against its verdicts, and its clear misses without one.
      // The recent periods are judged already; only others (a longer window, an older account) again.
      java.util.Map<Period, PeriodResult> judged = new java.util.HashMap<>();
      List<PeriodResult> recent = measured.recent();
      recent.forEach(r -> judged.put(r.period(), r));
      Owning.Owned owned =
          Owning.check(
              promise, measured.headline(),
              row -> judged.computeIfAbsent(row.period(), p -> result(promise, row)),
              end -> headline(promise, end, recent),
              charter.published());
      measured = new MeasuredPromise(promise, measured.headline(), measured.recent(), owned.misses());
      findings = owned.findings();
    }
    return new Part(measured, first, provisional, minimums, examples(List.of(promise)), findings);
  }

  private MeasuredPromise measure(Promise promise) {
    if (!promise.isMeasured()) {
      return new MeasuredPromise(promise, Optional.empty(), List.of());
    }
    List<FigureRow> rows = promise.figures();
    List<PeriodResult> recent = new ArrayList<>();
    for (FigureRow row : rows.subList(Math.max(0, rows.size() - MeasuredPromise.RECENT), rows.size())) {
      recent.add(result(promise, row));
    }
    Optional<Period> end =
        promise.status() == PromiseStatus.ACTIVE
            ? Optional.of(latestComplete)
            : rows.stream().map(FigureRow::period).filter(p -> p.endedBy(charter.published())).max(Period::compareTo);
    return new MeasuredPromise(promise, end.flatMap(e -> headline(promise, e, recent)), recent);
  }

  /** Every period of one promise judged against the target in force then, oldest first (H11, H15). */
  public List<PeriodResult> periods(Promise promise) {
    List<PeriodResult> periods = new ArrayList<>(promise.figures().size());
    for (FigureRow row : promise.figures()) {
      periods.add(result(promise, row));
    }
    return periods;
  }

  private PeriodResult result(Promise promise, FigureRow row) {
    TargetRule rule = promise.targetFor(row.period()).orElseThrow();
    return new PeriodResult(
        row.period(),
        rule,
        row.counts().map(c -> judge.judge(c, rule.target())).orElseGet(() -> judge.gap(rule.target())),
        row.note(),
        !row.period().endedBy(charter.published()),
        row.remedies().map(r -> remedy(r, List.of())));
  }

  /** Remedy counts measured: the range of the share given (H6), none when nothing was owed (H9). */
  static RemedyResult remedy(Remedies r, List<Period> without) {
    return new RemedyResult(
        r,
        r.owed() == 0 ? Optional.empty() : Optional.of(Wilson.interval(r.given(), r.owed())),
        without);
  }

  /**
   * The first figure of each kind in {@code promises}, in their order. A row is judged in full only
   * when it could show a kind not yet found: its kind is decided first without the interval, and rows with
   * no cases or no figures need no judging to tell. Once every kind is found the scan stops; when
   * a kind never occurs (no flagged period, say), every row that could show it is looked at.
   */
  private List<Example> examples(List<Promise> promises) {
    EnumMap<Example.Kind, Example> found = new EnumMap<>(Example.Kind.class);
    EnumSet<Example.Kind> counted =
        EnumSet.complementOf(EnumSet.of(Example.Kind.NO_DATA, Example.Kind.NO_CASES, Example.Kind.FLAGGED));
    scan:
    for (Promise promise : promises) {
      for (FigureRow row : promise.figures()) {
        if (found.size() == Example.Kind.values().length) {
          break scan;
        }
        Optional<Counts> counts = row.counts();
        boolean wanted;
        if (counts.isEmpty()) {
          wanted = !found.containsKey(Example.Kind.NO_DATA);
        } else {
          Counts c = counts.get();
          boolean flaggable = c.excluded() > 0 && !found.containsKey(Example.Kind.FLAGGED);
          if (c.cases() == 0) {
            wanted = flaggable || !found.containsKey(Example.Kind.NO_CASES);
          } else {
            wanted = flaggable || !found.keySet().containsAll(counted)
                && !found.containsKey(judge.kind(c, promise.targetFor(row.period()).orElseThrow().target()));
          }
        }
        if (wanted) {
          PeriodResult result = result(promise, row);
          for (Example.Kind kind : Example.Kind.of(result.result())) {
            found.putIfAbsent(kind, new Example(kind, promise, result));
          }
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The headline over the window ending at {@code end}, with each period in it judged on its own
   * (its parts); a period already judged among {@code recent} is taken from there.
   */
  private Optional<Headline> headline(Promise promise, Period end, List<PeriodResult> recent) {
    Period since = promise.since().orElseThrow();
    if (since.compareTo(end) > 0) {
      return Optional.empty();
    }
    Period from = end.plus(1 - charter.headlinePeriods());
    if (from.compareTo(since) < 0) {
      from = since;
    }
    Counts pooled = null;
    Remedies remedies = null;
    List<Period> withoutRemedies = new ArrayList<>();
    List<Period> gaps = new ArrayList<>();
    Share highest = null;
    boolean changed = false;
    String definition = null;
    boolean redefined = false;
    List<PeriodResult> parts = new ArrayList<>();
    java.util.Map<Period, PeriodResult> judged = new java.util.HashMap<>();
    for (PeriodResult r : recent) {
      judged.put(r.period(), r);
    }
    for (FigureRow row : promise.figures()) {
      Period p = row.period();
      if (p.compareTo(from) < 0 || p.compareTo(end) > 0 || !p.endedBy(charter.published())) {
        continue;
      }
      TargetRule rule = promise.targetFor(p).orElseThrow();
      Share target = rule.target();
      if (definition != null && !definition.equals(rule.keptWhen())) {
        redefined = true;
      }
      definition = rule.keptWhen();
      if (highest != null && target.compareTo(highest) != 0) {
        changed = true;
      }
      if (highest == null || target.compareTo(highest) > 0) {
        highest = target;
      }
      PeriodResult part = judged.get(p);
      parts.add(part != null ? part : result(promise, row));
      if (row.counts().isEmpty()) {
        gaps.add(p);
      } else {
        Counts c = row.counts().get();
        pooled = pooled == null ? c : pooled.plus(c);
        // H3: remedies are pooled as counts over the same periods, never as an average of shares.
        if (row.remedies().isPresent()) {
          remedies = remedies == null ? row.remedies().get() : remedies.plus(row.remedies().get());
        } else {
          withoutRemedies.add(p);
        }
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
            redefined,
            parts,
            Optional.ofNullable(remedies).map(r -> remedy(r, withoutRemedies))));
  }
}
