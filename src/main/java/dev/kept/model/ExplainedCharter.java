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
 * @param latestFigures how the active promises did in the charter's latest complete period, as the
 *     feed announces it; empty when there is no complete period or no active promise reports on it
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
    List<ExplainedExample> examples,
    Optional<LatestFigures> latestFigures) {
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
    Objects.requireNonNull(latestFigures, "latestFigures");
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
   * @param lowered when the target was last lowered, in words ("July 2025"), if it ever was
   * @param retiredSentence when and why it was retired (H16), the first sentences of {@code
   *     statusSentence}; empty for a promise in force
   * @param accounts its accounts of misses in words (H22), newest first
   * @param inShort the promise in one line of plain text: its {@code promise_brief}, or else the
   *     first sentence of its promise
   * @param remedyInShort the remedy in a few words ("A £30 credit, paid without asking", "No
   *     remedy")
   * @param remedySentence how often the remedy was given over the headline's window, in words; "We
   *     do not publish how often we paid it." for a remedy without figures; empty for {@code
   *     remedy: none}
   * @param unexplained each clear miss in the headline's window with no account (H22), in words
   *     ("February 2026"), oldest first
   */
  public record ExplainedPromise(
      MeasuredPromise measured,
      Optional<ExplainedHeadline> headline,
      String statusSentence,
      List<String> changes,
      String label,
      Optional<ExplainedPeriod> latest,
      Optional<String> lowered,
      Optional<String> retiredSentence,
      List<ExplainedAccount> accounts,
      String inShort,
      String remedyInShort,
      String remedySentence,
      List<String> unexplained) {
    /** A promise in words without accounts of misses, one-line and remedy words. */
    public ExplainedPromise(
        MeasuredPromise measured,
        Optional<ExplainedHeadline> headline,
        String statusSentence,
        List<String> changes,
        String label,
        Optional<ExplainedPeriod> latest,
        Optional<String> lowered,
        Optional<String> retiredSentence) {
      this(measured, headline, statusSentence, changes, label, latest, lowered, retiredSentence, List.of(), "", "", "", List.of());
    }

    public ExplainedPromise {
      accounts = List.copyOf(accounts);
      unexplained = List.copyOf(unexplained);
      Objects.requireNonNull(inShort, "inShort");
      Objects.requireNonNull(remedyInShort, "remedyInShort");
      Objects.requireNonNull(remedySentence, "remedySentence");
      Objects.requireNonNull(measured, "measured");
      Objects.requireNonNull(latest, "latest");
      Objects.requireNonNull(lowered, "lowered");
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(statusSentence, "statusSentence");
      changes = List.copyOf(changes);
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(retiredSentence, "retiredSentence");
    }

    public Promise promise() {
      return measured.promise();
    }
  }

  /**
   * An account of a miss in words (H22).
   *
   * @param explains what it explains, in words: a period ("April 2026"), a run ("March 2026 to May
   *     2026"), or a headline's window
   * @param written the day it was written, in words
   * @param followUp the report-back date in words; empty when it gives none
   * @param overdue "Report-back overdue since 3 May 2026" when that date is before the charter's
   *     published date and no later account of the same miss follows it; empty otherwise
   * @param current whether it explains the promise's current headline: a headline account of its
   *     window or, when the window is one period, an account of that period
   */
  public record ExplainedAccount(
      Account account, String explains, String written, String followUp, String overdue, boolean current) {
    public ExplainedAccount {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(explains, "explains");
      Objects.requireNonNull(written, "written");
      Objects.requireNonNull(followUp, "followUp");
      Objects.requireNonNull(overdue, "overdue");
    }
  }

  /**
   * One period in words; {@code when} is the period itself in words ("March 2026"); {@code remedy}
   * how often the remedy was given in it, when its row says.
   */
  public record ExplainedPeriod(PeriodResult result, String when, Words words, Optional<RemedyWords> remedy) {
    /** A period without remedy figures. */
    public ExplainedPeriod(PeriodResult result, String when, Words words) {
      this(result, when, words, Optional.empty());
    }

    public ExplainedPeriod {
      Objects.requireNonNull(remedy, "remedy");
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

  /**
   * A headline in words; {@code when} is its window in words; {@code remedy} how often the remedy
   * was given over it (H3), when any period in it says; {@code pooling} what pooling hides in a few
   * words for its card ("Missed in 5 of the 12 months."), empty when the headline sentence has
   * nothing to say of it (H21).
   */
  public record ExplainedHeadline(
      Headline headline, String when, Words words, Optional<RemedyWords> remedy, String pooling) {
    /** A headline without remedy figures. */
    public ExplainedHeadline(Headline headline, String when, Words words) {
      this(headline, when, words, Optional.empty(), "");
    }

    public ExplainedHeadline {
      Objects.requireNonNull(pooling, "pooling");
      Objects.requireNonNull(remedy, "remedy");
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(words, "words");
    }
  }

  /**
   * The charter's latest complete period as its figures were published: how many active promises
   * report on it, and which of them missed their target in it.
   *
   * @param period the latest complete period; {@code when} the same in words ("October 2026")
   * @param measured how many active promises report on the period (figures, no cases, or a
   *     declared gap): those whose {@link ExplainedPromise#latest()} is that period; at least one
   * @param missed those of them whose period was MISSED, in the charter's order; the figure of
   *     each is its {@link ExplainedPromise#latest()}
   */
  public record LatestFigures(Period period, String when, int measured, List<ExplainedPromise> missed) {
    public LatestFigures {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(when, "when");
      if (measured < 1 || missed.size() > measured) {
        throw new IllegalArgumentException("measured " + measured + ", missed " + missed.size());
      }
      missed = List.copyOf(missed);
    }
  }
}
