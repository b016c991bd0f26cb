package dev.kept.explain;

import dev.kept.model.Charter;
import dev.kept.model.Counts;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.Example;
import dev.kept.model.ExplainedCharter.ExplainedExample;
import dev.kept.model.ExplainedCharter.ExplainedHeadline;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Exclusions;
import dev.kept.model.Headline;
import dev.kept.model.MeasuredCharter;
import dev.kept.model.MeasuredPromise;
import dev.kept.model.Period;
import dev.kept.model.PeriodKind;
import dev.kept.model.PeriodResult;
import dev.kept.model.Promise;
import dev.kept.model.PromiseRecord;
import dev.kept.model.PromiseStatus;
import dev.kept.model.Qualifier;
import dev.kept.model.Remedies;
import dev.kept.model.RemedyResult;
import dev.kept.model.RemedyWords;
import dev.kept.model.Result;
import dev.kept.model.Share;
import dev.kept.model.TargetRule;
import dev.kept.model.Verdict;
import dev.kept.model.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts a measured charter into words (H4, H5, H6, H10, H12, H19): for every period and headline, the
 * displayed figure, its likely range, the plain sentence and the exclusion disclosure; and one
 * summary sentence for the charter.
 *
 * <p>Thread-safe: it holds a language, its numbers and a concurrent cache of periods in words.
 */
public final class Explainer {
  private final Language language;
  private final Numbers numbers;

  private final dev.kept.model.Reuse reuse;

  public Explainer(Language language) {
    this(language, dev.kept.model.Reuse.NONE);
  }

  /**
   * @param reuse what each promise's words are taken from: step {@code "explain"}, slotted by the
   *     promise's id, keyed by the measured promise. The language and the charter's settings are
   *     not in the key: a caller that reuses across charters whose {@link dev.kept.model.Settings}
   *     differ must forget the step.
   */
  public Explainer(Language language, dev.kept.model.Reuse reuse) {
    this.reuse = java.util.Objects.requireNonNull(reuse, "reuse");
    this.language = language;
    this.numbers = new Numbers(language);
  }

  /** The explainer for a charter's language. */
  public static Explainer forCharter(Charter charter) {
    return forCharter(charter, dev.kept.model.Reuse.NONE);
  }

  /** The explainer for a charter's language, taking each promise's words through {@code reuse}. */
  public static Explainer forCharter(Charter charter, dev.kept.model.Reuse reuse) {
    return new Explainer(Language.load(charter.language()), reuse);
  }

  /** Puts the measured charter into words: what its charter-wide pages say. */
  public ExplainedCharter explain(MeasuredCharter measured) {
    Charter charter = measured.charter();
    // Each promise in words on its own, on every core, in the charter's order.
    List<ExplainedPromise> promises =
        measured.promises().parallelStream()
            .map(m -> reuse.get("explain", m.promise().id(), m, () -> explain(m, charter)))
            .toList();
    String covered =
        measured.first()
            .flatMap(
                first ->
                    measured.latestComplete().map(
                        last ->
                            first.equals(last)
                                ? when(first)
                                : language.format("span", Map.of("from", when(first), "to", when(last)))))
            .orElse("");
    Optional<Period> provisional = measured.provisional();
    if (provisional.isPresent() && !covered.isEmpty()) {
      covered = language.format("covered_with_provisional", Map.of("covered", covered, "provisional", when(provisional.get())));
    }
    List<String> minimumWords = new ArrayList<>();
    measured.minimums().forEach(
        (target, n) ->
            minimumWords.add(
                language.format(
                    "minimum", Map.of("count", numbers.count(n), "target", numbers.target(target)))));
    List<ExplainedExample> examples = new ArrayList<>();
    for (Example e : measured.examples()) {
      examples.add(new ExplainedExample(e.kind(), e.promise(), period(e.period(), e.promise(), charter)));
    }
    return new ExplainedCharter(
        measured,
        promises,
        summary(measured),
        date(charter.published()),
        charter.nextUpdate().map(this::date).orElse(""),
        covered,
        minimumWords,
        numbers.target(charter.exclusionWarning()),
        measured.latestComplete().map(latest -> charterWindow(charter, latest)).orElse(""),
        groups(measured),
        examples,
        measured.latestComplete().flatMap(latest -> latestFigures(latest, promises)));
  }

  /**
   * How the active promises did in the latest complete period: those that report on it, and those
   * of them that missed it.
   */
  private Optional<ExplainedCharter.LatestFigures> latestFigures(Period latest, List<ExplainedPromise> promises) {
    int measured = 0;
    List<ExplainedPromise> missed = new ArrayList<>();
    for (ExplainedPromise p : promises) {
      Optional<ExplainedPeriod> period = p.latest();
      if (p.promise().status() == PromiseStatus.ACTIVE
          && period.isPresent()
          && period.get().result().period().equals(latest)) {
        measured++;
        if (period.get().result().result().verdict() == Verdict.MISSED) {
          missed.add(p);
        }
      }
    }
    return measured == 0
        ? Optional.empty()
        : Optional.of(new ExplainedCharter.LatestFigures(latest, when(latest), measured, missed));
  }

  /** One promise's every period in words: its whole record (H11). */
  public PromiseRecord record(ExplainedPromise explained, List<PeriodResult> periods, Charter charter) {
    List<ExplainedPeriod> words = new ArrayList<>(periods.size());
    for (PeriodResult p : periods) {
      words.add(period(p, explained.promise(), charter));
    }
    return new PromiseRecord(explained, words);
  }

  /** The groups active promises are filed under, each with its verdict counts in words. */
  private List<dev.kept.model.Group> groups(MeasuredCharter measured) {
    java.util.LinkedHashMap<String, List<MeasuredPromise>> byGroup = new java.util.LinkedHashMap<>();
    for (MeasuredPromise m : measured.promises()) {
      if (m.promise().status() == PromiseStatus.ACTIVE && m.promise().about().group().isPresent()) {
        byGroup.computeIfAbsent(m.promise().about().group().get(), g -> new ArrayList<>()).add(m);
      }
    }
    List<dev.kept.model.Group> groups = new ArrayList<>();
    java.util.Set<String> slugs = new java.util.HashSet<>();
    for (var e : byGroup.entrySet()) {
      int met = 0;
      int missed = 0;
      int tooFew = 0;
      int other = 0;
      for (MeasuredPromise m : e.getValue()) {
        Verdict v = m.headline().map(h -> h.result().verdict()).orElse(null);
        if (v == Verdict.MET) {
          met++;
        } else if (v == Verdict.MISSED) {
          missed++;
        } else if (v == Verdict.TOO_FEW_TO_TELL) {
          tooFew++;
        } else {
          other++;
        }
      }
      // One rule for names that become folders: a group named CON gets groups/con-group/.
      String slug = dev.kept.model.Names.uniqueSlug(e.getKey(), slugs);
      String sentence =
          language.format(
              "group.summary",
              Map.of(
                  "met", numbers.count(met), "missed", numbers.count(missed),
                  "too_few", numbers.count(tooFew), "other", numbers.count(other),
                  "total", numbers.count(e.getValue().size())));
      groups.add(
          new dev.kept.model.Group(
              e.getKey(), slug, e.getValue().stream().map(m -> m.promise().id()).toList(), sentence,
              new dev.kept.model.Group.Tally(
                  numbers.count(e.getValue().size()), numbers.count(met), numbers.count(missed),
                  numbers.count(tooFew), numbers.count(other))));
    }
    return groups;
  }

  private String charterWindow(Charter charter, Period latest) {
    return window(latest.plus(1 - charter.headlinePeriods()), latest, charter.headlinePeriods());
  }

  private ExplainedPromise explain(MeasuredPromise m, Charter charter) {
    Promise promise = m.promise();
    Optional<ExplainedHeadline> headline =
        m.headline()
            .map(
                h ->
                    new ExplainedHeadline(
                        h, window(h), headline(h, promise, charter),
                        h.remedy().map(r -> remedy(r, promise, window(h), h.from().kind())),
                        poolingBrief(h, promise)));
    String status;
    Optional<String> retired =
        promise.retirement()
            .map(
                r ->
                    language.format(
                        "retired", Map.of("date", date(r.on()), "reason", sentenceCase(r.reason()))));
    if (!promise.isMeasured()) {
      status = language.get("not_measured");
    } else if (headline.isEmpty()) {
      status = language.get("no_figures_yet");
    } else {
      status = headline.get().words().sentence();
    }
    if (promise.status() == PromiseStatus.RETIRED) {
      status = retired.orElseThrow() + " " + status;
    }
    String label =
        !promise.isMeasured()
            ? language.get("label.not_measured")
            : headline.map(h -> h.words().label()).orElse(language.get("label.no_figures_yet"));
    // Only the latest complete period is put into words here; the rest of the recent periods are
    // plotted from their figures, and every period is put into words once, in the promise's record.
    Optional<ExplainedPeriod> latest = Optional.empty();
    for (int i = m.recent().size() - 1; i >= 0 && latest.isEmpty(); i--) {
      if (!m.recent().get(i).provisional()) {
        latest = Optional.of(period(m.recent().get(i), promise, charter));
      }
    }
    Optional<String> lowered =
        promise.targets().stream()
            .filter(r -> r.change() == TargetRule.Change.LOWERED)
            .reduce((a, b) -> b)
            .map(r -> when(r.from()));
    return new ExplainedPromise(
        m, headline, status, changes(promise), label, latest, lowered, retired, accounts(m, charter),
        promise.promiseBrief().orElseGet(() -> dev.kept.model.MarkdownSyntax.firstSentence(promise.promise().source())),
        remedyInShort(promise),
        remedySentence(promise, headline),
        m.misses().unexplained().stream().map(this::when).toList());
  }

  /**
   * H22: a promise's accounts of its misses in words, newest first. An account's report-back date
   * is overdue when it is before the published date and no later account of the same miss follows.
   */
  private List<ExplainedCharter.ExplainedAccount> accounts(MeasuredPromise m, Charter charter) {
    Promise promise = m.promise();
    List<dev.kept.model.Account> all = new ArrayList<>(promise.misses());
    all.sort(java.util.Comparator.comparing(dev.kept.model.Account::written).reversed());
    List<ExplainedCharter.ExplainedAccount> out = new ArrayList<>(all.size());
    for (dev.kept.model.Account a : all) {
      String explains;
      if (a.headline()) {
        Period from = a.from().plus(1 - charter.headlinePeriods());
        Period since = promise.since().orElse(from);
        if (from.compareTo(since) < 0) {
          from = since;
        }
        explains = window(from, a.from(), from.until(a.from()) + 1);
      } else {
        explains =
            a.from().equals(a.to())
                ? when(a.from())
                : language.format("account.run", Map.of("from", when(a.from()), "to", when(a.to())));
      }
      boolean followed =
          all.stream().anyMatch(b -> b != a && b.overlaps(a) && b.written().isAfter(a.written()));
      String overdue =
          a.followUp().filter(d -> d.isBefore(charter.published()) && !followed)
              .map(d -> language.format("account.overdue", Map.of("date", date(d))))
              .orElse("");
      // It explains the current headline: a headline account of its window, or, when the window is
      // one period, an account of that period (the headline is that period's figure).
      boolean current =
          m.headline()
              .map(h -> a.headline() ? h.to().equals(a.from()) : h.from().equals(h.to()) && a.explains(h.to()))
              .orElse(false);
      out.add(
          new ExplainedCharter.ExplainedAccount(
              a, explains, date(a.written()), a.followUp().map(this::date).orElse(""), overdue, current));
    }
    return out;
  }

  /** The remedy in a few words, for a card: "A £30 credit, paid without asking", or "No remedy". */
  private String remedyInShort(Promise promise) {
    if (promise.remedy().isEmpty()) {
      return language.get("remedy.short.none");
    }
    Optional<String> brief = promise.remedyTerms().brief();
    if (brief.isEmpty()) {
      // No brief: the remedy's own first sentence, which says what and how.
      return dev.kept.model.MarkdownSyntax.firstSentence(promise.remedy().get().source());
    }
    String key =
        promise.remedyTerms().automatic().map(a -> a ? "remedy.short.automatic" : "remedy.short.claimed")
            .orElse("remedy.short");
    return capitalised(language.format(key, Map.of("brief", brief.get())));
  }

  /**
   * How often the remedy was given over the headline's window; that it is not published, when the
   * promise has a remedy but no remedy figures; empty for {@code remedy: none}.
   */
  private String remedySentence(Promise promise, Optional<ExplainedHeadline> headline) {
    if (promise.remedy().isEmpty() || !promise.isMeasured()) {
      return "";
    }
    if (!promise.hasRemedyFigures()) {
      return language.get("remedy.unpublished");
    }
    if (headline.isEmpty()) {
      return "";
    }
    return headline.get().remedy()
        .map(RemedyWords::sentence)
        .orElseGet(() -> language.format("remedy.none_in_window", Map.of("when", headline.get().when())));
  }

  /**
   * How often the remedy was given, in words (H4, H5, H6, H9): "In October 2026, we owed a £30
   * credit to 55 customers and paid it to 54 of 55 customers without being asked (98.2%, likely
   * range 90.3% to 99.7%)." For a headline, the periods without remedy figures are named after it.
   */
  private RemedyWords remedy(RemedyResult r, Promise promise, String when, PeriodKind kind) {
    Remedies counts = r.remedies();
    String brief = promise.remedyTerms().brief().orElseGet(() -> language.get("remedy.brief"));
    Map<String, String> values = new HashMap<>();
    values.put("when", when);
    values.put("brief", brief);
    values.put("owed", numbers.count(counts.owed()));
    values.put("given", numbers.count(counts.given()));
    values.put("customers", language.get(counts.owed() == 1 ? "remedy.customer" : "remedy.customers"));
    String denominator =
        language.format(
            "denominator",
            Map.of("kept", values.get("given"), "cases", values.get("owed"), "unit", values.get("customers")));
    List<String> sentences = new ArrayList<>();
    Optional<String> figure = Optional.empty();
    Optional<String> low = Optional.empty();
    Optional<String> high = Optional.empty();
    String inShort;
    if (r.interval().isEmpty()) {
      // H9: nothing owed is no share at all, neither 0% nor 100%.
      sentences.add(language.format("remedy.none_owed", values));
      inShort = language.format("remedy.short.figure.none_owed", values);
    } else {
      figure = Optional.of(numbers.share(counts.given(), counts.owed()));
      String[] range = numbers.shareRange(r.interval().get());
      low = Optional.of(range[0]);
      high = Optional.of(range[1]);
      values.put("figure", figure.get());
      values.put("low", range[0]);
      values.put("high", range[1]);
      values.put("denominator", denominator); // H4: the count beside the share
      String key =
          promise.remedyTerms().automatic().map(a -> a ? "remedy.paid.automatic" : "remedy.paid.claimed")
              .orElse("remedy.paid");
      sentences.add(language.format(key, values));
      inShort = language.format("remedy.short.figure", values);
    }
    if (!r.without().isEmpty()) {
      sentences.add(
          language.format(
              "remedy.without",
              Map.of(
                  "count", numbers.count(r.without().size()),
                  "units", language.get("units." + kind.word()),
                  "list", r.without().stream().map(this::when).collect(Collectors.joining(", ")))));
    }
    return new RemedyWords(String.join(" ", sentences), denominator, figure, low, high, inShort);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
  }

  /** H15: one sentence per change of target or definition, saying what changed, when and why. */
  private List<String> changes(Promise promise) {
    List<String> out = new ArrayList<>();
    TargetRule previous = null;
    for (TargetRule rule : promise.targets()) {
      Map<String, String> values = new HashMap<>();
      values.put("when", when(rule.from()));
      values.put("unit", promise.unit());
      values.put("target", numbers.target(rule.target()));
      values.put("kept_when", stripFullStop(rule.keptWhen()));
      values.put("previous", previous == null ? "" : numbers.target(previous.target()));
      values.put("reason", rule.reason().map(Explainer::sentenceCase).orElse(""));
      String key = "change." + rule.change().name().toLowerCase(java.util.Locale.ROOT);
      String sentence = language.format(key, values);
      if (previous != null
          && rule.change() != TargetRule.Change.REDEFINED
          && !rule.keptWhen().equals(previous.keptWhen())) {
        sentence += " " + language.format("change.also_redefined", values);
      }
      out.add((sentence + " " + values.get("reason")).strip());
      previous = rule;
    }
    return out;
  }

  private String window(Headline h) {
    return window(h.from(), h.to(), h.periods());
  }

  /** A window of periods in words: one period by its name, several as "the 12 months from ...". */
  private String window(Period from, Period to, int periods) {
    return periods == 1
        ? when(from)
        : language.format(
            "window",
            Map.of(
                "count", numbers.count(periods),
                "units", language.get("units." + from.kind().word()),
                "from", when(from),
                "to", when(to)));
  }

  /** One period in words. */
  public ExplainedPeriod period(PeriodResult p, Promise promise, Charter charter) {
    String when = when(p.period());
    return new ExplainedPeriod(
        p, when, words(p, promise, charter), p.remedy().map(r -> remedy(r, promise, when, p.period().kind())));
  }

  /** The words for one period. */
  public Words words(PeriodResult p, Promise promise, Charter charter) {
    String when = when(p.period());
    List<String> sentences = new ArrayList<>();
    if (p.provisional()) {
      sentences.add(language.format("provisional", Map.of("when", when)));
    }
    Words core =
        words(p.result(), promise, charter, when, p.rule().keptWhen(), "sentence.target.period", p.note());
    sentences.add(core.sentence());
    return core.withSentence(String.join(" ", sentences));
  }

  /** The words for a headline. */
  public Words headline(Headline h, Promise promise, Charter charter) {
    String when = window(h);
    String keptWhen = promise.targetFor(h.to()).orElseThrow().keptWhen();
    Words core =
        words(
            h.result(),
            promise,
            charter,
            when,
            keptWhen,
            h.targetChanged()
                ? "sentence.target.changed"
                : promise.status() == PromiseStatus.RETIRED
                    ? "sentence.target.period"
                    : "sentence.target.headline",
            "");
    List<String> sentences = new ArrayList<>(List.of(core.sentence()));
    Verdict verdict = h.result().verdict();
    if (h.result().fewCases() && verdict == Verdict.MISSED) {
      // The few-cases rule in words where the summary is a miss on few cases (H8): a miss stays a miss.
      sentences.add(
          language.format(
              "few_cases_rule.missed",
              Map.of(
                  "minimum", numbers.count(h.result().minimumCases()),
                  "unit", promise.unit(),
                  "target", numbers.target(h.result().target()))));
    }
    if (verdict != Verdict.NO_DATA && verdict != Verdict.NO_CASES && h.periods() > 1) {
      pooling(h, promise, when, "pooling.").ifPresent(sentences::add);
      concentration(h, promise).ifPresent(sentences::add);
    }
    if (h.definitionChanged()) {
      sentences.add(language.get("sentence.definition.changed"));
    }
    if (!h.gaps().isEmpty()) {
      if (verdict != Verdict.NO_DATA) {
        sentences.add(
            language.format(
                "gaps",
                Map.of(
                    "gaps", numbers.count(h.gaps().size()),
                    "count", numbers.count(h.periods()),
                    "units", language.get("units." + h.from().kind().word()))));
      }
      // Every gap with its reason, the figures file's note (H11), even when all are gaps.
      sentences.addAll(gapReasons(h));
    }
    if (h.periods() > 1) {
      tooFewParts(h, promise).forEach(sentences::add);
      flaggedParts(h, promise.unit()).ifPresent(sentences::add);
    }
    return core.withSentence(String.join(" ", sentences));
  }

  /**
   * H21, a status pooling hides: the headline's status set against the status of most of the
   * periods it pools. Only periods with a result count: those MET or MISSED on their own; gaps
   * (no figures), periods with no cases and periods too few to tell (H8) have no status of their
   * own to set against the headline's, and are said in words elsewhere. Where the rule is unclear
   * the reading harder on the organisation wins (as in H8): a met (or too-few-to-tell) headline
   * says how many of its periods were missed whenever any was, since a met figure must not hide a
   * missed month, however few; a missed headline says that its periods were met only when more
   * than half were, never on a tie, since that would soften a miss.
   */
  private Optional<String> pooling(Headline h, Promise promise, String window, String prefix) {
    int met = 0;
    int missed = 0;
    for (PeriodResult part : h.parts()) {
      Verdict v = part.result().verdict();
      if (v == Verdict.MET) {
        met++;
      } else if (v == Verdict.MISSED) {
        missed++;
      }
    }
    int judged = met + missed;
    Verdict verdict = h.result().verdict();
    String key;
    int count;
    if ((verdict == Verdict.MET || verdict == Verdict.TOO_FEW_TO_TELL) && missed > 0) {
      key = prefix + "missed";
      count = missed;
    } else if (verdict == Verdict.MISSED && judged > 1 && 2 * met > judged) {
      key = prefix + "met";
      count = met;
    } else {
      return Optional.empty();
    }
    if (judged < h.periods()) {
      key += ".judged";
    }
    if (judged == 1) {
      key += ".only"; // the one period of the window that could be judged on its own ("only" is loaded, H10)
    } else if (count == judged) {
      key += ".all";
    } else if (count == 1) {
      key += ".one";
    }
    return Optional.of(
        sentenceCase(
            language.format(
                key,
                Map.of(
                    "verdict", language.get("verdict_word." + verdict.name()),
                    "window", window,
                    "count", numbers.count(count),
                    "judged", numbers.count(judged),
                    "units", language.get("units." + h.from().kind().word()),
                    "unit_of_time", language.get("unit_of_time." + h.from().kind().word()),
                    "unit", promise.unit()))));
  }

  /**
   * H21 for a card: what the headline sentence says pooling hides, in a few words ("Missed in 5 of
   * the 12 months."), under the same rule; empty when the sentence says nothing of it.
   */
  private String poolingBrief(Headline h, Promise promise) {
    Verdict verdict = h.result().verdict();
    if (verdict == Verdict.NO_DATA || verdict == Verdict.NO_CASES || h.periods() <= 1) {
      return "";
    }
    return pooling(h, promise, "", "pooling_brief.").orElse("");
  }

  /**
   * H21, a period pooling hides: when one period holds more than half of the headline's cases
   * (strictly: exactly half is not most), the headline says which and how large a share.
   */
  private Optional<String> concentration(Headline h, Promise promise) {
    long total = h.result().counts().map(Counts::cases).orElse(0L);
    PeriodResult largest = null;
    long largestCases = 0;
    for (PeriodResult part : h.parts()) {
      long n = part.result().counts().map(Counts::cases).orElse(0L);
      if (n > largestCases) {
        largest = part;
        largestCases = n;
      }
    }
    if (largest == null || total <= 0 || 2 * largestCases <= total) {
      return Optional.empty();
    }
    Map<String, String> values =
        Map.of(
            "unit", promise.unit(),
            "when", when(largest.period()),
            "share", numbers.share(largestCases, total),
            "part", numbers.count(largestCases),
            "total", numbers.count(total));
    return Optional.of(
        language.format(largestCases == total ? "concentration.all" : "concentration", values));
  }

  /** Each gap in a headline's window with its reason, the figures file's note (H11), a sentence each. */
  private List<String> gapReasons(Headline h) {
    java.util.Set<Period> gaps = new java.util.HashSet<>(h.gaps());
    List<String> out = new ArrayList<>();
    for (PeriodResult part : h.parts()) {
      if (gaps.contains(part.period())) {
        String note = stripFullStop(part.note());
        out.add(
            note.isEmpty()
                ? language.format("gap.no_reason", Map.of("when", when(part.period())))
                : language.format("gap.reason", Map.of("when", when(part.period()), "reason", note)));
      }
    }
    return out;
  }

  /**
   * The few-cases rule in words for the periods of a headline's window too few to tell on their
   * own (H8): one sentence per target in force among them.
   */
  private List<String> tooFewParts(Headline h, Promise promise) {
    Map<Share, List<PeriodResult>> byTarget = new java.util.LinkedHashMap<>();
    for (PeriodResult part : h.parts()) {
      if (part.result().verdict() == Verdict.TOO_FEW_TO_TELL) {
        byTarget.computeIfAbsent(part.result().target(), t -> new ArrayList<>()).add(part);
      }
    }
    List<String> out = new ArrayList<>();
    byTarget.forEach(
        (target, parts) ->
            out.add(
                language.format(
                    (parts.size() == 1 ? "few_cases_parts.one" : "few_cases_parts")
                        // Name them while they are the fewer; past that the table shows which.
                        + (2 * parts.size() <= h.periods() ? ".named" : ""),
                    Map.of(
                        "count", numbers.count(parts.size()),
                        "periods", numbers.count(h.periods()),
                        "units", language.get("units." + h.from().kind().word()),
                        "unit", promise.unit(),
                        "list", parts.stream().map(p -> when(p.period())).collect(Collectors.joining(language.get("list.separator"))),
                        "minimum", numbers.count(parts.get(0).result().minimumCases()),
                        "target", numbers.target(target)))));
    return out;
  }

  /**
   * The flagged periods of a headline's window (H12), each with its stress-tested figure: the rate
   * with the cases left out counted as not kept, with its denominator (H4).
   */
  private Optional<String> flaggedParts(Headline h, String unit) {
    List<String> items = new ArrayList<>();
    for (PeriodResult part : h.parts()) {
      if (part.result().exclusionFlag()) {
        Counts c = part.result().counts().orElseThrow();
        long all = c.cases() + c.excluded();
        items.add(
            language.format(
                "flagged_parts.item",
                Map.of(
                    "when", when(part.period()),
                    "kept", numbers.count(c.kept()),
                    "all", numbers.count(all),
                    "unit", unit,
                    "stressed", numbers.rate(c.kept(), all, part.result().target()))));
      }
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        language.format(
            items.size() == 1 ? "flagged_parts.one" : "flagged_parts",
            Map.of(
                "count", numbers.count(items.size()),
                "periods", numbers.count(h.periods()),
                "units", language.get("units." + h.from().kind().word()),
                "list", String.join(language.get("gaps.separator"), items))));
  }

  private Words words(
      Result r,
      Promise promise,
      Charter charter,
      String when,
      String keptWhen,
      String targetKey,
      String note) {
    Share t = r.target();
    String unit = promise.unit();
    if (r.verdict() == Verdict.NO_DATA) {
      String key = note.isBlank() ? "verdict.NO_DATA.headline" : "verdict.NO_DATA";
      return new Words.NoData(
          language.get("label.NO_DATA"),
          language.format(key, Map.of("when", when, "note", sentenceCase(note))).strip());
    }
    Counts c = r.counts().orElseThrow();
    Words.Counted counted = counted(r, c, unit, charter);
    if (r.verdict() == Verdict.NO_CASES) {
      String key = c.excluded() > 0 ? "verdict.NO_CASES.all_excluded" : "verdict.NO_CASES";
      return new Words.NoCases(
          language.get("label.NO_CASES"),
          counted,
          language.format(
              key, Map.of("when", when, "unit", unit, "excluded", numbers.count(c.excluded()))));
    }
    String figure = numbers.rate(c.kept(), c.cases(), t);
    String[] range = numbers.range(r.interval().orElseThrow(), t, r.qualifier().orElseThrow() == Qualifier.CLEAR);
    String low = range[0];
    String high = range[1];
    Map<String, String> values = new HashMap<>();
    values.put("when", when);
    values.put("kept", numbers.count(c.kept()));
    values.put("cases", numbers.count(c.cases()));
    values.put("unit", unit);
    values.put("figure", figure);
    values.put("kept_when", stripFullStop(keptWhen));
    values.put("target", numbers.target(t));
    values.put("low", low);
    values.put("high", high);
    values.put("minimum", numbers.count(r.minimumCases()));
    String qualifierKey = r.verdict().name() + "." + r.qualifier().orElseThrow().words().replace(' ', '_');
    if (r.verdict() == Verdict.MET && t.isWhole() && c.kept() == c.cases()) {
      qualifierKey = "MET.all_kept"; // a 100% target kept in full: no margin to speak of
    }
    String verdictKey = "verdict." + qualifierKey;
    String sentence =
        language.format("sentence.counts", values)
            + " "
            + language.format(targetKey, values)
            + " "
            + language.format(verdictKey, values);
    String labelKey = "label." + qualifierKey;
    Optional<String> margin = margin(r, c, unit, values);
    if (margin.isPresent()) {
      sentence += " " + margin.get();
    }
    if (r.fewCases() && r.verdict() == Verdict.MISSED) {
      // H8: a miss on few cases stays a miss, with the note.
      sentence += " " + language.format("few_cases_note", values);
      labelKey = "label.MISSED.few_cases";
    }
    return new Words.Rate(language.get(labelKey), figure, low, high, counted, sentence, margin);
  }

  /**
   * The fewest kept cases that reach target {@code t} over {@code n} cases: {@code ⌈t·n⌉}, exactly
   * (H2: for a whole {@code k}, {@code k ≥ t·n} exactly when {@code k ≥ ⌈t·n⌉}).
   */
  static long fewestReaching(Share t, long n) {
    return t.value()
        .multiply(java.math.BigDecimal.valueOf(n))
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }

  /**
   * The margin in the promise's unit (see {@link Words#margin()}), in exact integer arithmetic.
   * A count of one is said without the unit ("We missed it by 1: ..."), since the unit is a plural
   * noun and the charter gives no singular.
   *
   * <p>None for a result too few to tell (H8): it reached the target, but any "to spare" would
   * read as a success, and H8 says uncertainty may never be read that way. A miss on few cases
   * keeps its margin (a miss stays a miss), said as what "would have reached" the target, since
   * reaching it on so few cases would still not have met it. None for a 100% target kept in full:
   * there is nothing to spare.
   */
  private Optional<String> margin(Result r, Counts c, String unit, Map<String, String> values) {
    Share t = r.target();
    long k = c.kept();
    long n = c.cases();
    long needed = fewestReaching(t, n);
    String key;
    long count;
    if (r.verdict() == Verdict.MISSED && t.isWhole()) {
      count = n - k;
      key = "margin.MISSED.whole";
    } else if (r.verdict() == Verdict.MISSED) {
      count = needed - k;
      key = "margin.MISSED" + (r.fewCases() ? ".few_cases" : "") + (count == 1 ? ".one" : "");
    } else if (r.verdict() == Verdict.MET && !t.isWhole()) {
      count = k - needed;
      key = count == 0 ? "margin.MET.none" : count == 1 ? "margin.MET.one" : "margin.MET";
    } else {
      return Optional.empty();
    }
    Map<String, String> v = new HashMap<>(values);
    v.put("count", numbers.count(count));
    v.put("needed", numbers.count(needed));
    v.put("unit", unit);
    return Optional.of(language.format(key, v));
  }

  /** The counts in words, and the excluded cases when there are any (H4, H12). */
  private Words.Counted counted(Result r, Counts c, String unit, Charter charter) {
    Map<String, String> byReason = new java.util.LinkedHashMap<>();
    c.excludedByReason().forEach((code, n) -> byReason.put(code, numbers.count(n)));
    Optional<Words.Excluded> excluded = Optional.empty();
    if (c.excluded() > 0) {
      long all = c.cases() + c.excluded();
      excluded =
          Optional.of(
              new Words.Excluded(
                  denominator(c.excluded(), all, unit),
                  numbers.share(c.excluded(), all),
                  numbers.rate(c.kept(), all, r.target()),
                  denominator(c.kept(), all, unit),
                  exclusions(r, c, unit, charter)));
    }
    return new Words.Counted(
        numbers.count(c.kept()), numbers.count(c.cases()), denominator(c.kept(), c.cases(), unit),
        numbers.count(c.excluded()), byReason, excluded);
  }

  /** H4's denominator in words: "9,496 of 10,000 calls". */
  private String denominator(long part, long whole, String unit) {
    return language.format(
        "denominator", Map.of("kept", numbers.count(part), "cases", numbers.count(whole), "unit", unit));
  }

  private String exclusions(Result r, Counts c, String unit, Charter charter) {
    Optional<Exclusions> x = r.exclusions();
    if (x.isEmpty()) {
      return "";
    }
    long all = c.cases() + c.excluded();
    Map<String, String> values = new HashMap<>();
    values.put("excluded", numbers.count(c.excluded()));
    values.put("all", numbers.count(all));
    values.put("unit", unit);
    values.put("share", numbers.share(c.excluded(), all));
    values.put("kept", numbers.count(c.kept()));
    values.put("stressed", numbers.rate(c.kept(), all, r.target()));
    values.put("threshold", numbers.target(charter.exclusionWarning()));
    StringBuilder out = new StringBuilder(language.format("exclusions", values));
    if (x.get().wouldChangeVerdict()) {
      String key =
          x.get().verdictIfNotKept() == Verdict.MISSED
              ? "exclusions.flag.change"
              : "exclusions.flag.change_other";
      values.put("label", language.get("verdict_word." + x.get().verdictIfNotKept().name()));
      out.append(' ').append(language.format(key, values));
    } else if (x.get().flagged()) {
      out.append(' ').append(language.format("exclusions.flag.share", values));
    }
    return out.toString();
  }

  private String summary(MeasuredCharter measured) {
    Optional<Period> latest = measured.latestComplete();
    List<MeasuredPromise> active =
        measured.promises().stream()
            .filter(m -> m.promise().status() == PromiseStatus.ACTIVE)
            .toList();
    long notMeasured = active.stream().filter(m -> !m.promise().isMeasured()).count();
    Map<Verdict, Long> byVerdict = new HashMap<>();
    long total = 0;
    for (MeasuredPromise m : active) {
      if (m.headline().isPresent()) {
        byVerdict.merge(m.headline().get().result().verdict(), 1L, Long::sum);
        total++;
      }
    }
    List<String> sentences = new ArrayList<>();
    if (latest.isEmpty() || total == 0) {
      sentences.add(language.get("summary.nothing"));
    } else {
      String window = charterWindow(measured.charter(), latest.get());
      sentences.add(
          language.format(
              "summary.window",
              Map.of(
                  "window", window,
                  "met", numbers.count(byVerdict.getOrDefault(Verdict.MET, 0L)),
                  "total", numbers.count(total),
                  "missed", numbers.count(byVerdict.getOrDefault(Verdict.MISSED, 0L)))));
      addCount(sentences, "summary.too_few", byVerdict.getOrDefault(Verdict.TOO_FEW_TO_TELL, 0L));
      addCount(sentences, "summary.no_cases", byVerdict.getOrDefault(Verdict.NO_CASES, 0L));
      addCount(sentences, "summary.no_data", byVerdict.getOrDefault(Verdict.NO_DATA, 0L));
      later(active, latest.get().plus(1 - measured.charter().headlinePeriods())).ifPresent(sentences::add);
    }
    addCount(sentences, "summary.not_measured", notMeasured);
    return sentenceCase(String.join(" ", sentences));
  }

  /** How many promises that started later the summary names; past that it counts them. */
  private static final int LATER_NAMED = 5;

  /**
   * The active promises whose headline covers less than the charter's window because they started
   * later, by name, so that the summary's window matches every card it introduces.
   */
  private Optional<String> later(List<MeasuredPromise> active, Period windowStart) {
    List<String> names = new ArrayList<>();
    for (MeasuredPromise m : active) {
      Optional<Headline> h = m.headline();
      if (h.isPresent() && h.get().from().compareTo(windowStart) > 0) {
        names.add(
            language.format(
                "summary.later.item", Map.of("title", m.promise().title(), "from", when(h.get().from()))));
      }
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    if (names.size() > LATER_NAMED) {
      // A summary stays a few sentences: past a handful, each card says from when it counts.
      return Optional.of(language.format("summary.later.many", Map.of("count", numbers.count(names.size()))));
    }
    return Optional.of(
        language.format(
            names.size() == 1 ? "summary.later.one" : "summary.later",
            Map.of("count", numbers.count(names.size()), "list", String.join(language.get("gaps.separator"), names))));
  }

  private void addCount(List<String> sentences, String key, long count) {
    if (count > 0) {
      sentences.add(language.format(key, Map.of("count", numbers.count(count))));
    }
  }

  /** A period in words: "March 2026", "January to March 2026", "2026". */
  public String when(Period p) {
    return periods.computeIfAbsent(p, this::inWords);
  }

  /** Periods in words: a charter has a few hundred, and every row of every promise names one. */
  private final java.util.concurrent.ConcurrentHashMap<Period, String> periods =
      new java.util.concurrent.ConcurrentHashMap<>();

  private String inWords(Period p) {
    if (p.kind() == PeriodKind.MONTH) {
      return language.format(
          "period.month",
          Map.of("month", month(p.start().getMonthValue()), "year", String.valueOf(p.start().getYear())));
    }
    if (p.kind() == PeriodKind.QUARTER) {
      return language.format(
          "period.quarter",
          Map.of(
              "first", month(p.start().getMonthValue()),
              "last", month(p.lastDay().getMonthValue()),
              "year", String.valueOf(p.start().getYear())));
    }
    if (p.yearStarts() == 1) {
      return language.format("period.year", Map.of("year", String.valueOf(p.start().getYear())));
    }
    return language.format(
        "period.fiscal_year",
        Map.of(
            "first", month(p.start().getMonthValue()),
            "start", String.valueOf(p.start().getYear()),
            "last", month(p.lastDay().getMonthValue()),
            "end", String.valueOf(p.lastDay().getYear())));
  }

  /** A date in words: "15 November 2026". */
  public String date(java.time.LocalDate date) {
    return language.format(
        "date",
        Map.of(
            "day", String.valueOf(date.getDayOfMonth()),
            "month", month(date.getMonthValue()),
            "year", String.valueOf(date.getYear())));
  }

  private String month(int month) {
    return language.get("month." + month);
  }

  private static String stripFullStop(String text) {
    String s = text.strip();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String sentenceCase(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return s;
    }
    s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
  }
}
