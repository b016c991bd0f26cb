package dev.kept.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The organisation's account of one miss (H22): what happened, what it is doing about it, and when
 * it will report back, as written in a promise's {@code misses:} list. It never changes a figure or
 * a verdict: it is shown beside the miss it explains.
 *
 * <p>An account explains either a run of periods ({@code period: 2026-04}, or {@code period:
 * 2026-03 to 2026-05}, each of them missed) or one headline ({@code headline: 2026-10}: the headline
 * whose window ends in that period). A headline account never carries over to a later window: when
 * the window moves on, it explains the window it named, and the new headline needs its own.
 *
 * @param headline whether it explains a headline rather than periods
 * @param from the first period it explains; for a headline, the last period of its window
 * @param to the last period it explains ({@code from} for one period, and for a headline)
 * @param written the day it was written; a later account of the same miss follows it
 * @param followUp when the organisation will report back; never before {@code written}
 * @param pos where the account starts in its promise file
 */
public record Account(
    boolean headline,
    Period from,
    Period to,
    LocalDate written,
    Markdown happened,
    Markdown doing,
    Optional<LocalDate> followUp,
    SourcePos pos) {
  public Account {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(happened, "happened");
    Objects.requireNonNull(doing, "doing");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(pos, "pos");
    if (to.compareTo(from) < 0 || (headline && !to.equals(from))) {
      throw new IllegalArgumentException("an account explains one headline or a run of periods, in order");
    }
    if (followUp.isPresent() && followUp.get().isBefore(written)) {
      throw new IllegalArgumentException("a follow-up is not before the account was written");
    }
  }

  /** Whether it explains the period {@code p} (a period account whose run holds it). */
  public boolean explains(Period p) {
    return !headline && from.compareTo(p) <= 0 && p.compareTo(to) <= 0;
  }

  /** Whether it explains the headline whose window ends in {@code end}. */
  public boolean explainsHeadline(Period end) {
    return headline && from.equals(end);
  }

  /** Whether it explains some of the same miss as {@code other}: the same headline, or a shared period. */
  public boolean overlaps(Account other) {
    return headline == other.headline && from.compareTo(other.to) <= 0 && other.from.compareTo(to) <= 0;
  }
}
