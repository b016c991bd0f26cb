package dev.kept.render;

import static dev.kept.render.SiteRenderer.fill;

import dev.kept.model.Charter;
import dev.kept.model.Counts;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedExample;
import dev.kept.model.ExplainedCharter.ExplainedHeadline;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Group;
import dev.kept.model.PromiseRecord;
import dev.kept.model.PromiseStatus;
import dev.kept.model.RemedyWords;
import dev.kept.model.Result;
import dev.kept.model.TargetRule;
import dev.kept.model.Verdict;
import dev.kept.model.Words;
import dev.kept.render.view.Card;
import dev.kept.render.view.Example;
import dev.kept.render.view.GroupView;
import dev.kept.render.view.Lazy;
import dev.kept.render.view.PromiseView;
import dev.kept.render.view.Reason;
import dev.kept.render.view.RemedyRow;
import dev.kept.render.view.Row;
import dev.kept.render.view.SiteInfo;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place the explained model becomes what templates see ({@link dev.kept.render.view}):
 * every view is made here from words the explain stage wrote, arranged with the theme's words
 * {@code t}. Nothing here counts or judges; where the model says a thing is absent, the view holds
 * the empty string, as the templates' contract asks.
 *
 * <p>Stateless and thread-safe.
 */
final class Views {
  private Views() {}

  /** The charter-wide facts every page shows (H18). */
  static SiteInfo siteInfo(ExplainedCharter e) {
    Charter c = e.charter();
    return new SiteInfo(
        c.organisation(),
        c.title(),
        c.language(),
        e.covered(),
        e.published(),
        c.published().toString(),
        e.nextUpdate(),
        c.nextUpdate().map(LocalDate::toString).orElse(""),
        e.summary(),
        e.window(),
        c.contact().map(URI::toString).orElse(""),
        e.promises().stream().anyMatch(p -> p.promise().status() == PromiseStatus.RETIRED),
        c.nextUpdateOverdue());
  }

  /** A CSS class for a verdict: met, missed, unclear or none. */
  static String verdictClass(Verdict v) {
    return switch (v) {
      case MET -> "met";
      case MISSED -> "missed";
      case TOO_FEW_TO_TELL -> "unclear";
      default -> "none";
    };
  }

  /** A promise's card: its summary on the index, its group's page and its own page. */
  static Card card(ExplainedPromise p, Map<String, String> t) {
    var promise = p.promise();
    Optional<ExplainedHeadline> h = p.headline();
    String verdictClass = h.map(x -> verdictClass(x.headline().result().verdict())).orElse("none");
    Optional<Words> w = h.map(ExplainedHeadline::words);
    Optional<Words.Rate> rate = w.flatMap(Words::rate);
    String range = rate.map(r -> fill(t.get("card_range"), Map.of("low", r.low(), "high", r.high()))).orElse("");
    List<String> notes = new ArrayList<>();
    h.ifPresent(x -> {
      if (!x.pooling().isEmpty()) {
        notes.add(x.pooling()); // H21: a met figure does not hide its missed months
      }
      if (x.headline().result().exclusionFlag()) {
        Words.Excluded excluded = x.words().excluded().orElseThrow();
        notes.add(fill(t.get("card_flagged"), Map.of("figure", excluded.stressedFigure(), "denominator", excluded.stressedDenominator())));
      }
      if (!x.headline().gaps().isEmpty()) {
        notes.add(fill(t.get("card_gaps"), Map.of("count", String.valueOf(x.headline().gaps().size()))));
      }
    });
    p.lowered().ifPresent(when -> notes.add(fill(t.get("card_lowered"), Map.of("when", when))));
    if (p.measured().misses().headlineUnexplained()) {
      notes.add(t.get("card_unexplained")); // H22
    }
    // H22: every clear miss of the window with no account, not only the latest period's; past
    // three, counted with the latest named (the promise's table marks each).
    List<String> unexplained = p.unexplained();
    if (unexplained.size() > 3) {
      notes.add(
          fill(
              t.get("card_periods_unexplained_many"),
              Map.of("count", String.valueOf(unexplained.size()), "when", unexplained.get(unexplained.size() - 1))));
    } else if (!unexplained.isEmpty()) {
      notes.add(fill(t.get("card_periods_unexplained"), Map.of("when", String.join(", ", unexplained))));
    }
    // H22: a report-back date that has passed, the headline's or a period's, is on the card too.
    p.accounts().stream().filter(a -> a.current() && !a.overdue().isEmpty()).findFirst()
        .ifPresent(a -> notes.add(a.overdue()));
    p.accounts().stream().filter(a -> !a.current() && !a.account().headline() && !a.overdue().isEmpty())
        .forEach(a -> notes.add(fill(t.get("card_overdue"), Map.of("overdue", a.overdue(), "when", a.explains()))));
    List<Charts.Point> recent = Charts.points(p.measured().recent());
    String trend = "";
    if (recent.stream().anyMatch(x -> x.rate() != null)) {
      trend = Charts.sparkline(recent, fill(t.get("trend_label"), Map.of("count", String.valueOf(recent.size()))));
    }
    return new Card(
        promise.id(),
        promise.title(),
        SitePaths.promiseUrl(promise.id()),
        promise.status().word(),
        p.label(),
        verdictClass,
        rate.map(Words.Rate::figure).orElse(""),
        w.flatMap(Words::counted).map(Words.Counted::denominator).orElse(""),
        range,
        promise.currentTarget().map(r -> r.target().written()).orElse(""),
        h.map(ExplainedHeadline::when).orElse(""),
        p.statusSentence(),
        markup(trend),
        promise.isMeasured(),
        promise.status() == PromiseStatus.RETIRED,
        latest(p, t),
        notes,
        p.retiredSentence().orElse(""),
        p.inShort(),
        p.remedyInShort(),
        h.flatMap(ExplainedHeadline::remedy).map(RemedyWords::inShort).orElse(""));
  }

  /** The latest complete period in one line: "October 2026: Missed narrowly, 94.96% (9,496 of 10,000 calls)". */
  private static String latest(ExplainedPromise p, Map<String, String> t) {
    return p.latest()
        .map(
            period -> {
              Words w = period.words();
              String figure =
                  w.rate()
                      .map(r -> fill(t.get("latest_figure"), Map.of("figure", r.figure(), "denominator", r.counts().denominator())))
                      .orElse("");
              return fill(t.get("latest"), Map.of("when", period.when(), "label", w.label(), "figure", figure)).strip();
            })
        .orElse("");
  }

  /**
   * Everything a promise's page shows (H19), from its whole record. The table's rows are written
   * by {@link PeriodTable} when {@code table} gives the theme's words for them, and left to the
   * template otherwise (empty {@code rowsHtml}); either way each is made only if a template reads it.
   */
  static PromiseView promiseView(PromiseRecord record, Card card, Map<String, String> t, Optional<PeriodTable.TableWords> table) {
    ExplainedPromise p = record.explained();
    List<ExplainedPeriod> periods = record.periods();
    var promise = p.promise();
    java.util.Set<dev.kept.model.Period> unexplained = record.notYetExplained();
    Lazy<List<Row>> rows =
        Lazy.of(
            () -> {
              List<Row> all = new ArrayList<>(periods.size());
              for (ExplainedPeriod period : periods) {
                dev.kept.model.Period at = period.result().period();
                all.add(row(period, promise.exclusions(), accountAnchor(promise, at), unexplained.contains(at)));
              }
              return all;
            });
    Lazy<TemplateHTMLOutputModel> rowsHtml =
        Lazy.of(() -> table.map(words -> PeriodTable.rows(periods, promise, unexplained, words)).orElse(markup("")));
    boolean anyFlagged = false;
    boolean anyProvisional = false;
    for (ExplainedPeriod period : periods) {
      anyFlagged |= period.result().result().exclusionFlag();
      anyProvisional |= period.result().provisional();
    }
    String chart = "";
    if (periods.stream().anyMatch(x -> x.result().result().interval().isPresent())) {
      String first = periods.get(0).when();
      String last = periods.get(periods.size() - 1).when();
      chart =
          Charts.promiseChart(
              Charts.points(periods.stream().map(ExplainedPeriod::result).toList()),
              fill(t.get("chart_title"), Map.of("title", promise.title(), "unit", promise.unit())),
              fill(t.get("chart_desc"), Map.of("unit", promise.unit(), "from", first, "to", last)));
    }
    List<Reason> exclusions = new ArrayList<>();
    promise.exclusions().forEach((code, description) -> exclusions.add(new Reason(code, description, "")));
    return new PromiseView(
        card,
        markup(MarkdownHtml.block(promise.promise())),
        promise.keptWhen(),
        promise.notCovered().stream().map(m -> markup(MarkdownHtml.inline(m))).toList(),
        promise.measured().isPresent(),
        markup(promise.measured().map(MarkdownHtml::block).orElse("")),
        promise.remedy().isPresent(),
        markup(promise.remedy().map(MarkdownHtml::block).orElse("")),
        promise.unit(),
        markup(chart), // scaled to its box by the theme's CSS: no scrolling box around it
        !periods.isEmpty(),
        rowsHtml,
        rows,
        anyFlagged,
        anyProvisional,
        p.changes(),
        promise.targets().stream().anyMatch(r -> r.change() == TargetRule.Change.LOWERED),
        exclusions,
        p.headline().flatMap(h -> h.words().exclusions()).orElse(""),
        promise.isMeasured() ? DataRenderer.csvPath(promise) : "",
        SitePaths.badge(promise.id()),
        card.retiredSentence(),
        promise.about().owner().orElse(""),
        promise.about().promiseUrl().map(URI::toString).orElse(""),
        promise.about().resultsUrl().map(URI::toString).orElse(""),
        p.remedySentence(),
        remedyRows(periods));
  }

  /** How often the remedy was given in each period whose row says, newest first (H4, H6, H9). */
  private static List<RemedyRow> remedyRows(List<ExplainedPeriod> periods) {
    List<RemedyRow> rows = new ArrayList<>();
    for (int i = periods.size() - 1; i >= 0; i--) {
      ExplainedPeriod period = periods.get(i);
      period.remedy().ifPresent(
          r ->
              rows.add(
                  new RemedyRow(
                      period.result().period().label(), period.when(), r.denominator(),
                      r.figure().orElse(""), r.low().orElse(""), r.high().orElse(""), r.sentence())));
    }
    return rows;
  }

  /** One period in a promise's table (H4, H11, H12), with no mark for an account of a miss. */
  static Row row(ExplainedPeriod period, Map<String, String> exclusions) {
    return row(period, exclusions, "", false);
  }

  /**
   * The id of an account of a miss on its promise's page (H22), unique on the page: what it
   * explains and the day it was written ({@code account-2026-04-written-2026-05-12}, {@code
   * account-2026-03-to-2026-05-written-...}, {@code account-headline-2026-10-written-...}).
   */
  static String accountId(dev.kept.model.Account a) {
    StringBuilder id = new StringBuilder("account-");
    if (a.headline()) {
      id.append("headline-");
    }
    id.append(a.from().label());
    if (!a.to().equals(a.from())) {
      id.append("-to-").append(a.to().label());
    }
    return id.append("-written-").append(a.written()).toString();
  }

  /** The id of the newest account of a period's miss (H22), or empty when it has none. */
  static String accountAnchor(dev.kept.model.Promise promise, dev.kept.model.Period at) {
    List<dev.kept.model.Account> accounts = promise.accountsOf(at);
    return accounts.isEmpty() ? "" : accountId(accounts.get(0));
  }

  /**
   * One period in a promise's table (H4, H11, H12): {@code account} the id of the newest account
   * of its miss when the organisation has given one (empty otherwise), {@code unexplained} when it
   * is a clear miss with none (H22).
   */
  static Row row(ExplainedPeriod period, Map<String, String> exclusions, String account, boolean unexplained) {
    var r = period.result();
    Result result = r.result();
    Words w = period.words();
    Optional<Words.Counted> counted = w.counted();
    Optional<Words.Rate> rate = w.rate();
    Optional<Words.Excluded> excluded = w.excluded();
    List<Reason> byReason = new ArrayList<>();
    Optional<Counts> counts = result.counts();
    if (counts.isPresent()) {
      Map<String, String> formatted = counted.map(Words.Counted::excludedByReason).orElse(Map.of());
      for (Map.Entry<String, Long> e : counts.get().excludedByReason().entrySet()) {
        if (e.getValue() > 0) {
          byReason.add(new Reason(e.getKey(), exclusions.getOrDefault(e.getKey(), e.getKey()), formatted.getOrDefault(e.getKey(), "")));
        }
      }
    }
    return new Row(
        "p-" + r.period().label(),
        r.period().label(),
        period.when(),
        counted.map(Words.Counted::kept).orElse(""),
        counted.map(Words.Counted::cases).orElse(""),
        counted.map(Words.Counted::denominator).orElse(""),
        rate.map(Words.Rate::figure).orElse(""),
        rate.map(Words.Rate::low).orElse(""),
        rate.map(Words.Rate::high).orElse(""),
        result.target().written(),
        w.label(),
        verdictClass(result.verdict()),
        counts.isPresent() ? counted.map(Words.Counted::excludedCount).orElse("") : "",
        excluded.map(Words.Excluded::denominator).orElse(""),
        excluded.map(Words.Excluded::share).orElse(""),
        excluded.map(Words.Excluded::stressedFigure).orElse(""),
        excluded.map(Words.Excluded::stressedDenominator).orElse(""),
        byReason,
        result.exclusionFlag(),
        r.provisional(),
        result.verdict() == Verdict.NO_DATA,
        r.note(),
        w.sentence(),
        w.exclusions().orElse(""),
        w.margin().orElse(""),
        !account.isEmpty(),
        account,
        unexplained);
  }

  /**
   * A promise's accounts of its misses (H22), newest first: those of its current headline, for the
   * "How we did" box (when the headline is over one period, that period's), and those of its
   * periods, for the list under the table, each linked to its period's row. An account of an
   * earlier headline window is in the data file, not on the page.
   */
  static dev.kept.render.view.MissesView misses(ExplainedPromise p) {
    List<dev.kept.render.view.MissesView.AccountView> headline = new ArrayList<>();
    List<dev.kept.render.view.MissesView.AccountView> periods = new ArrayList<>();
    for (ExplainedCharter.ExplainedAccount a : p.accounts()) {
      var account = a.account();
      var view =
          new dev.kept.render.view.MissesView.AccountView(
              accountId(account),
              a.explains(),
              account.headline() ? "" : "#p-" + account.from().label(),
              a.written(),
              a.followUp(),
              markup(MarkdownHtml.block(account.happened())),
              markup(MarkdownHtml.block(account.doing())),
              a.overdue());
      if (a.current()) {
        // An account of a one-period headline is also listed under the table: one id a page.
        headline.add(
            account.headline()
                ? view
                : new dev.kept.render.view.MissesView.AccountView(
                    view.id() + "-summary", view.explains(), view.href(), view.written(), view.followUp(),
                    view.happened(), view.doing(), view.overdue()));
      }
      if (!account.headline()) {
        periods.add(view);
      }
    }
    // A headline over one period is that period's figure: not yet explained when the period is not.
    var misses = p.measured().misses();
    boolean unexplained =
        misses.headlineUnexplained()
            || p.headline()
                .map(ExplainedHeadline::headline)
                .filter(h -> h.from().equals(h.to()) && misses.unexplained().contains(h.to()))
                .isPresent();
    return new dev.kept.render.view.MissesView(headline, unexplained, periods);
  }

  /** Worked examples for the method page: the first figure in this charter of each kind. */
  static List<Example> examples(ExplainedCharter explained, Map<String, String> t) {
    List<Example> examples = new ArrayList<>();
    for (ExplainedExample e : explained.examples()) {
      String key = "example_" + e.kind().name().toLowerCase(java.util.Locale.ROOT);
      Words words = e.period().words();
      examples.add(
          new Example(
              t.getOrDefault(key, key),
              e.promise().title(),
              SitePaths.periodUrl(e.promise().id(), e.period().result().period().label()),
              e.kind() == dev.kept.model.Example.Kind.FLAGGED
                  ? words.exclusions().orElse("")
                  : words.sentence()));
    }
    return examples;
  }

  /** A group as the index lists it, with its tally. */
  static GroupView group(Group g) {
    Group.Tally tally = g.tally();
    return new GroupView(
        g.name(), SitePaths.groupUrl(g.slug()), tally.promises(), tally.met(), tally.missed(),
        tally.tooFew(), tally.other(), g.sentence());
  }

  /** Trusted HTML for a template: made only from checked Markdown and Kept's own SVG. */
  static TemplateHTMLOutputModel markup(String html) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }
}
