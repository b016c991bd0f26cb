package dev.kept.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One promise, checked and typed, with its figures.
 *
 * <p>A promise is either measured (it has {@link #targets()}, a {@link #since()} period and figures,
 * possibly none yet) or not measured yet ({@code measure: none}, H19), in which case {@code
 * targets} and {@code figures} are empty.
 *
 * @param id the file name without {@code .yaml}; also the promise's address on the site
 * @param unit the plural noun for what is counted ("calls"); may be empty when not measured
 * @param keptWhen what counts as kept now (the latest target's definition); may be empty when not
 *     measured
 * @param targets every version of the target, oldest first (H15); empty when not measured
 * @param since the first period the promise applies to; empty when not measured
 * @param notCovered what the promise does not cover, each as Markdown; may be empty
 * @param exclusions reason code to plain description, in the order written (H12)
 * @param measured how the promise is measured; empty when the charter does not say
 * @param remedy what a customer gets when the promise is broken; empty when the charter says
 *     {@code none}
 * @param retirement when and why it was retired; present exactly when {@code status} is RETIRED
 * @param about who keeps it, its group, and where it is published
 * @param figures the figures, one row per period, oldest first, without holes (H11)
 * @param misses the organisation's accounts of its misses (H22), in the order written in the file
 * @param promiseBrief the promise in one line of plain text, for its card ({@code promise_brief});
 *     empty when the charter does not give one (the card then shows the promise's first sentence)
 * @param remedyTerms how the remedy is named in a sentence and whether it must be claimed; {@link
 *     RemedyTerms#NONE} for {@code remedy: none}
 */
public record Promise(
    String id,
    SourcePos pos,
    String title,
    PromiseStatus status,
    Markdown promise,
    String unit,
    String keptWhen,
    List<TargetRule> targets,
    Optional<Period> since,
    List<Markdown> notCovered,
    Map<String, String> exclusions,
    Optional<Markdown> measured,
    Optional<Markdown> remedy,
    Optional<Retirement> retirement,
    About about,
    List<FigureRow> figures,
    List<Account> misses,
    Optional<String> promiseBrief,
    RemedyTerms remedyTerms) {

  /** A promise with no accounts of misses (H22), no one-line brief and no remedy terms. */
  public Promise(
      String id,
      SourcePos pos,
      String title,
      PromiseStatus status,
      Markdown promise,
      String unit,
      String keptWhen,
      List<TargetRule> targets,
      Optional<Period> since,
      List<Markdown> notCovered,
      Map<String, String> exclusions,
      Optional<Markdown> measured,
      Optional<Markdown> remedy,
      Optional<Retirement> retirement,
      About about,
      List<FigureRow> figures) {
    this(
        id, pos, title, status, promise, unit, keptWhen, targets, since, notCovered, exclusions,
        measured, remedy, retirement, about, figures, List.of(), Optional.empty(), RemedyTerms.NONE);
  }

  public Promise {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pos, "pos");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(keptWhen, "keptWhen");
    targets = List.copyOf(targets);
    Objects.requireNonNull(since, "since");
    notCovered = List.copyOf(notCovered);
    exclusions = Collections.unmodifiableMap(new LinkedHashMap<>(exclusions));
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(remedy, "remedy");
    Objects.requireNonNull(retirement, "retirement");
    Objects.requireNonNull(about, "about");
    figures = Figures.of(figures); // compact: a charter holds every row until its record is written
    misses = List.copyOf(misses);
    Objects.requireNonNull(promiseBrief, "promiseBrief");
    Objects.requireNonNull(remedyTerms, "remedyTerms");
    if (remedy.isEmpty() && !remedyTerms.equals(RemedyTerms.NONE)) {
      throw new IllegalArgumentException("a promise with no remedy has no remedy terms");
    }
    if (targets.isEmpty() != since.isEmpty()) {
      throw new IllegalArgumentException("a measured promise has both targets and since");
    }
    if ((status == PromiseStatus.RETIRED) != retirement.isPresent()) {
      throw new IllegalArgumentException("a retired promise, and only one, has a retirement");
    }
  }

  /** The same promise with its figures. */
  public Promise withFigures(List<FigureRow> rows) {
    return new Promise(
        id, pos, title, status, promise, unit, keptWhen, targets, since, notCovered, exclusions,
        measured, remedy, retirement, about, rows, misses, promiseBrief, remedyTerms);
  }

  /** The accounts of the period {@code p}'s miss (H22), newest first. */
  public List<Account> accountsOf(Period p) {
    return newestFirst(misses.stream().filter(a -> a.explains(p)).toList());
  }

  /** The accounts of the headline whose window ends in {@code end} (H22), newest first. */
  public List<Account> accountsOfHeadline(Period end) {
    return newestFirst(misses.stream().filter(a -> a.explainsHeadline(end)).toList());
  }

  private static List<Account> newestFirst(List<Account> accounts) {
    List<Account> sorted = new java.util.ArrayList<>(accounts);
    sorted.sort(java.util.Comparator.comparing(Account::written).reversed());
    return List.copyOf(sorted);
  }

  /** Whether any of its figures say how often the remedy was owed and given. */
  public boolean hasRemedyFigures() {
    return Figures.anyRemedies(figures);
  }

  /** Whether the promise is measured at all ({@code measure: none} means it is not, H19). */
  public boolean isMeasured() {
    return !targets.isEmpty();
  }

  /** The target in force for a period (H15), or empty before the promise starts. */
  public Optional<TargetRule> targetFor(Period period) {
    TargetRule found = null;
    for (TargetRule rule : targets) {
      if (rule.from().compareTo(period) <= 0) {
        found = rule;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The latest target, or empty when not measured. */
  public Optional<TargetRule> currentTarget() {
    return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(targets.size() - 1));
  }
}
