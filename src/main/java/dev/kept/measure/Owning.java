package dev.kept.measure;

import dev.kept.model.Account;
import dev.kept.model.FigureRow;
import dev.kept.model.Finding;
import dev.kept.model.Headline;
import dev.kept.model.Misses;
import dev.kept.model.Period;
import dev.kept.model.PeriodResult;
import dev.kept.model.Promise;
import dev.kept.model.PromiseStatus;
import dev.kept.model.Result;
import dev.kept.model.Severity;
import dev.kept.model.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * H22, a miss is owned: checks one promise's accounts of its misses against its verdicts, and
 * finds the clear misses that have none.
 *
 * <ul>
 *   <li>An account of a period or a headline that was not missed is an error: an account explains
 *       a miss, and never changes a figure or a verdict.
 *   <li>An active promise's clear misses (MISSED, outside normal variation, on enough cases to
 *       tell) in its current headline window, each complete period and the headline itself, with
 *       no account, are each a warning at the figures row (the headline's at the promise file):
 *       {@code --strict} makes them errors. A headline over one period is that period's figure:
 *       its miss is the period's, warned once. Earlier periods may have accounts, and show them, but
 *       are not asked for one. A retired promise is not asked for new accounts.
 * </ul>
 *
 * <p>Stateless.
 */
final class Owning {
  private Owning() {}

  /** What checking one promise's accounts found. */
  record Owned(Misses misses, List<Finding> findings) {}

  /**
   * @param judged a period's row, judged against the target in force then
   * @param headlineEndingIn the headline whose window ends in a period, as the charter's rule
   *     makes it
   * @param published the charter's published date: only periods ended by it are asked for an
   *     account
   */
  static Owned check(
      Promise promise,
      Optional<Headline> headline,
      Function<FigureRow, PeriodResult> judged,
      Function<Period, Optional<Headline>> headlineEndingIn,
      LocalDate published) {
    List<Finding> findings = new ArrayList<>();
    Map<Period, FigureRow> rows = new HashMap<>();
    promise.figures().forEach(r -> rows.put(r.period(), r));
    for (Account a : promise.misses()) {
      if (a.headline()) {
        Optional<Result> r = headlineEndingIn.apply(a.from()).map(Headline::result);
        Verdict v = r.map(Result::verdict).orElse(Verdict.NO_DATA);
        if (v != Verdict.MISSED) {
          findings.add(notMissed(a, "the headline ending in " + a.from(), v));
        }
        continue;
      }
      for (Period p = a.from(); p.compareTo(a.to()) <= 0; p = p.next()) {
        FigureRow row = rows.get(p);
        Verdict v = row == null ? Verdict.NO_DATA : judged.apply(row).result().verdict();
        if (v != Verdict.MISSED) {
          findings.add(notMissed(a, p.toString(), v));
          break;
        }
      }
    }
    if (promise.status() != PromiseStatus.ACTIVE || headline.isEmpty()) {
      return new Owned(Misses.NONE, findings);
    }
    Headline h = headline.get();
    List<Period> unexplained = new ArrayList<>();
    for (FigureRow row : promise.figures()) {
      Period p = row.period();
      if (p.compareTo(h.from()) < 0 || p.compareTo(h.to()) > 0 || !p.endedBy(published) || row.isGap()) {
        continue;
      }
      if (judged.apply(row).result().clearMiss() && promise.accountsOf(p).isEmpty()) {
        unexplained.add(p);
        findings.add(
            new Finding(
                Severity.WARNING,
                row.pos(),
                p + " was missed clearly, and the promise has no account of it yet",
                Optional.of(
                    "Add to 'misses' in promises/" + promise.id() + ".yaml: '- period: " + p
                        + "', with 'written', 'happened', 'doing' and 'follow_up'. Until then the"
                        + " page says \"Not yet explained\"."),
                Optional.of("H22")));
      }
    }
    // A headline over one period is that period's figure: its miss is the period's, warned and
    // counted once, and an account of the period explains it.
    boolean onePeriod = h.from().equals(h.to());
    boolean headlineUnexplained =
        h.result().clearMiss()
            && promise.accountsOfHeadline(h.to()).isEmpty()
            && !(onePeriod && (unexplained.contains(h.to()) || !promise.accountsOf(h.to()).isEmpty()));
    if (headlineUnexplained) {
      findings.add(
          new Finding(
              Severity.WARNING,
              promise.pos(),
              "the headline, " + h.from() + " to " + h.to() + ", was missed clearly, and the promise"
                  + " has no account of it yet",
              Optional.of(
                  "Add to 'misses': '- headline: " + h.to() + "', with 'written', 'happened',"
                      + " 'doing' and 'follow_up'. Until then the page says \"Not yet explained\"."),
              Optional.of("H22")));
    }
    return new Owned(new Misses(unexplained, headlineUnexplained), findings);
  }

  private static Finding notMissed(Account a, String what, Verdict v) {
    String was =
        switch (v) {
          case MET -> "was met";
          case TOO_FEW_TO_TELL -> "had too few cases to tell";
          case NO_CASES -> "had no cases";
          case NO_DATA -> "has no figures";
          case MISSED -> "was missed";
        };
    return new Finding(
        Severity.ERROR,
        a.pos(),
        "the account explains " + what + ", but it " + was + ", not missed",
        Optional.of(
            "An account explains a miss, and never changes a figure or a verdict: name the missed"
                + " period or headline, or remove the account."),
        Optional.of("H22"));
  }
}
