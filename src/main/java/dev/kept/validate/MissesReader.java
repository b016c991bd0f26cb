package dev.kept.validate;

import dev.kept.load.YNode;
import dev.kept.load.YNode.YList;
import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Account;
import dev.kept.model.FigureRow;
import dev.kept.model.Findings;
import dev.kept.model.Markdown;
import dev.kept.model.Period;
import dev.kept.model.Promise;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a promise's {@code misses:} list (H22): each item is the organisation's account of one
 * miss, naming what it explains ({@code period: 2026-04}, a run {@code period: 2026-03 to 2026-05},
 * or {@code headline: 2026-10}, the headline whose window ends in that period), with {@code
 * written}, {@code happened}, {@code doing} and an optional {@code follow_up}.
 *
 * <p>What can be told from the promise file is checked here; whether each period is in the figures
 * is checked once they are read ({@link #checkPeriods}); whether each was missed is for the measure
 * stage, which judges them.
 */
final class MissesReader {
  static final List<String> KEYS = List.of("period", "headline", "written", "happened", "doing", "follow_up");
  private static final String EXAMPLE =
      "Write '- period: 2026-04' then, indented, 'written: YYYY-MM-DD', 'happened: ...',"
          + " 'doing: ...' and, if you will report back, 'follow_up: YYYY-MM-DD'.";

  private final Settings settings;
  private final Findings findings;
  private final Lint lint;

  MissesReader(Settings settings, Findings findings, Lint lint) {
    this.settings = settings;
    this.findings = findings;
    this.lint = lint;
  }

  /** Every account in the list, in the order written; one with an error is left out (and reported). */
  List<Account> read(YList list) {
    List<Account> accounts = new ArrayList<>();
    for (YNode item : list.items()) {
      if (item instanceof YMap map) {
        account(map).ifPresent(accounts::add);
      } else {
        findings.error(item.pos(), "each item of 'misses' should be an account of one miss, a mapping", EXAMPLE);
      }
    }
    for (int i = 0; i < accounts.size(); i++) {
      for (int j = 0; j < i; j++) {
        Account a = accounts.get(i);
        Account b = accounts.get(j);
        if (a.overlaps(b) && a.written().equals(b.written())) {
          findings.ruleError(
              "H22",
              a.pos(),
              "two accounts of the same miss were written on " + a.written() + " (the other at line "
                  + b.pos().line() + ")",
              "Join them into one account, or give the later one the day it was written: readers"
                  + " see every account, newest first.");
        }
      }
    }
    return accounts;
  }

  private Optional<Account> account(YMap map) {
    int errorsBefore = findings.errorCount();
    Fields f = new Fields(map, "an account of a miss", KEYS, findings);
    CommentCuts.check(map, List.of("happened", "doing"), findings);
    boolean headline = f.has("headline");
    Optional<Period> from = Optional.empty();
    Optional<Period> to = Optional.empty();
    if (headline && f.has("period")) {
      findings.ruleError(
          "H22",
          f.keyPos("headline"),
          "an account explains either a 'period' or a 'headline', not both",
          "Write one account for the period's miss and another for the headline's.");
    } else if (headline) {
      from = f.scalar("headline").flatMap(s -> period(s, "headline"));
      to = from;
    } else if (f.has("period")) {
      Optional<YScalar> s = f.scalar("period");
      if (s.isPresent()) {
        String text = s.get().text().strip();
        int at = text.indexOf(" to ");
        if (at > 0) {
          from = period(s.get(), "period", text.substring(0, at).strip());
          to = period(s.get(), "period", text.substring(at + 4).strip());
          if (from.isPresent() && to.isPresent() && to.get().compareTo(from.get()) < 0) {
            findings.ruleError(
                "H22",
                s.get().pos(),
                "the run of periods '" + text + "' ends before it starts",
                "Write the earlier period first: 'period: " + to.get() + " to " + from.get() + "'.");
            from = Optional.empty();
          }
        } else {
          from = period(s.get(), "period", text);
          to = from;
        }
      }
    } else if (!f.misspelt("period") && !f.misspelt("headline")) {
      findings.ruleError(
          "H22",
          map.pos(),
          "an account of a miss does not say which miss it explains",
          "Add 'period: " + Period.example(settings.kind(), settings.yearStarts()) + "' (a missed"
              + " period, or a run such as 'period: 2026-03 to 2026-05'), or 'headline: "
              + Period.example(settings.kind(), settings.yearStarts()) + "' (the headline whose"
              + " window ends in that period).");
    }
    Optional<LocalDate> written =
        f.required("written", "Give the day the account was written: 'written: YYYY-MM-DD'.")
            .flatMap(s -> date(s, "written"));
    if (written.isPresent() && written.get().isAfter(settings.published())) {
      findings.ruleError(
          "H22",
          f.posOf("written"),
          "the account was written on " + written.get() + ", after the charter's published date, "
              + settings.published(),
          "Give the day it was really written; publish the charter on or after that day.");
      written = Optional.empty();
    }
    if (written.isPresent() && from.isPresent() && written.get().isBefore(from.get().start())) {
      findings.ruleError(
          "H22",
          f.posOf("written"),
          "the account was written on " + written.get() + ", before " + from.get() + " began",
          "An account explains a miss that has happened: give the day it was really written.");
      written = Optional.empty();
    }
    Optional<Markdown> happened = prose(f, "happened", "Say what happened, in plain words: readers see it beside the miss.");
    Optional<Markdown> doing = prose(f, "doing", "Say what you are doing about it, in plain words.");
    Optional<LocalDate> followUp = f.scalar("follow_up").flatMap(s -> date(s, "follow_up"));
    if (followUp.isPresent() && written.isPresent() && followUp.get().isBefore(written.get())) {
      findings.ruleError(
          "H22",
          f.posOf("follow_up"),
          "the report-back date " + followUp.get() + " is before the account was written, "
              + written.get(),
          "Give the day you will report back, on or after the day you wrote the account.");
      followUp = Optional.empty();
    }
    if (findings.errorCount() > errorsBefore
        || from.isEmpty() || to.isEmpty() || written.isEmpty() || happened.isEmpty() || doing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Account(headline, from.get(), to.get(), written.get(), happened.get(), doing.get(), followUp, map.pos()));
  }

  private Optional<Markdown> prose(Fields f, String key, String hint) {
    return f.required(key, hint).map(s -> {
      lint.text(s, key);
      return MarkdownCheck.check(s, key, findings);
    });
  }

  private Optional<Period> period(YScalar s, String key) {
    return period(s, key, s.text().strip());
  }

  private Optional<Period> period(YScalar s, String key, String text) {
    Optional<Period> p = Period.parse(text, settings.kind(), settings.yearStarts());
    if (p.isEmpty()) {
      String example = Period.example(settings.kind(), settings.yearStarts());
      findings.error(
          s.pos(),
          "'" + key + "' should be a " + settings.kind().word() + " such as " + example + ", not '" + text + "'",
          key.equals("period")
              ? "Name the missed period as its figures file does, or a run: 'period: " + example + " to "
                  + example + "'."
              : "Name the last period of the headline's window, as its figures file does.");
    }
    return p;
  }

  private Optional<LocalDate> date(YScalar s, String key) {
    Optional<LocalDate> d = PromiseReader.parseDate(s.text().strip());
    if (d.isEmpty()) {
      findings.error(
          s.pos(),
          DateWords.problem(key, s.text().strip()),
          "Write the year, month and day with hyphens, such as 2026-05-12.");
    }
    return d;
  }

  /**
   * Each account names periods that are in the figures: every period of a run, and the end of a
   * headline's window, which must also have ended by the published date (a headline pools only
   * complete periods). An error at the account for each that is not.
   */
  static void checkPeriods(Promise promise, List<FigureRow> rows, Settings settings, Findings findings) {
    Set<Period> inFigures = new HashSet<>();
    rows.forEach(r -> inFigures.add(r.period()));
    for (Account a : promise.misses()) {
      for (Period p = a.from(); p.compareTo(a.to()) <= 0; p = p.next()) {
        if (!inFigures.contains(p)) {
          findings.ruleError(
              "H22",
              a.pos(),
              "the account explains " + (a.headline() ? "the headline ending in " : "") + p
                  + ", but the figures have no row for " + p,
              "Name a period in figures/" + promise.id() + ".csv: an account explains a miss the"
                  + " figures show. It never changes a figure or a verdict.");
          break;
        }
        if (a.headline() && !p.endedBy(settings.published())) {
          findings.ruleError(
              "H22",
              a.pos(),
              "the account explains the headline ending in " + p + ", but " + p
                  + " had not ended by the published date, so no headline ends there",
              "Name the last complete period of the headline's window: the headline pools only"
                  + " complete periods.");
        }
      }
    }
  }
}
