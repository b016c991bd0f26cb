package dev.kept.render;

import dev.kept.model.Charter;
import dev.kept.model.Counts;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedExample;
import dev.kept.model.ExplainedCharter.ExplainedHeadline;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.PromiseRecord;
import dev.kept.model.PromiseStatus;
import dev.kept.model.Result;
import dev.kept.model.TargetRule;
import dev.kept.model.Verdict;
import dev.kept.model.Words;
import dev.kept.render.view.Card;
import dev.kept.render.view.Example;
import dev.kept.render.view.FeedEntry;
import dev.kept.render.view.PromiseView;
import dev.kept.render.view.Reason;
import dev.kept.render.view.Row;
import dev.kept.render.view.SiteInfo;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the charter's website: the index, one page per promise, the method page, the retired
 * promises, a 404 page, an Atom feed, a sitemap, robots.txt, a badge per promise and the theme's
 * assets. Pages use pretty URLs ({@code promises/<id>/index.html}) and relative links, so the site
 * works from any folder of any host.
 *
 * <p>This class only arranges what the explain stage wrote; it computes no figure. Thread-safe
 * once built: the theme is shared and every call makes its own views.
 */
public final class SiteRenderer {
  private final Theme theme;

  public SiteRenderer(Theme theme) {
    this.theme = theme;
  }

  /** Every page a site has, as paths relative to its root; used by the verify stage. */
  public static List<String> pages(ExplainedCharter explained) {
    List<String> pages = new ArrayList<>(List.of(SitePaths.INDEX, SitePaths.methodPage(), SitePaths.retiredPage(), SitePaths.NOT_FOUND));
    for (ExplainedPromise p : explained.promises()) {
      pages.add(SitePaths.promisePage(p.promise().id()));
    }
    for (dev.kept.model.Group g : explained.groups()) {
      pages.add(SitePaths.groupPage(g.slug()));
    }
    return pages;
  }

  /**
   * Starts writing a charter's site: {@link Site#promise} then writes each promise's page, and
   * {@link Site#finish} the pages about the whole charter.
   *
   * @throws ThemeException when a template the site needs is missing or broken
   */
  public Site begin(ExplainedCharter explained) throws ThemeException {
    return new Site(explained, Optional.empty());
  }

  /**
   * As {@link #begin(ExplainedCharter)}, taking the card of each promise (its summary on the index
   * and its page) from {@code earlier} when that site, begun by this renderer for a charter in the
   * same language, had the very same words for the promise: a card is made from the promise's
   * words and the theme's words for the language alone.
   *
   * @throws IllegalArgumentException when {@code earlier} was begun by another renderer
   */
  public Site begin(ExplainedCharter explained, Site earlier) throws ThemeException {
    if (earlier.renderer() != this) {
      throw new IllegalArgumentException("the earlier site was begun by another renderer");
    }
    return new Site(explained, Optional.of(earlier));
  }

  /**
   * One charter's site being written. {@link #promise} may be called from several threads at once,
   * once per promise; {@link #finish} after them. Either may be called again, or for an output
   * that wants only some of its pages (see {@link Output#wants}), to write the same files again.
   */
  public final class Site {
    private final ExplainedCharter explained;
    private final Charter charter;
    private final Map<String, String> t;
    private final Map<String, Object> common = new HashMap<>();
    private final Template promiseTemplate;
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final Map<ExplainedPromise, Card> cardsByWords = new java.util.IdentityHashMap<>();

    private Site(ExplainedCharter explained, Optional<Site> earlier) throws ThemeException {
      this.explained = explained;
      this.charter = explained.charter();
      this.t = theme.words(charter.language());
      common.put("site", siteInfo(explained));
      common.put("t", t);
      common.put("charterJson", SitePaths.CHARTER_JSON);
      common.put("exclusionWarning", explained.exclusionWarning());
      this.promiseTemplate = theme.template("promise.ftlh");
      // Cards are small: one per promise, for the index, the group pages and each promise's page.
      for (ExplainedPromise p : explained.promises()) {
        Card card =
            earlier.filter(e -> e.charter.language().equals(charter.language()))
                .map(e -> e.cardsByWords.get(p))
                .orElse(null);
        if (card == null) {
          card = card(p, t);
        }
        cards.put(p.promise().id(), card);
        cardsByWords.put(p, card);
      }
    }

    /** A promise's card, for tests of reuse. */
    dev.kept.render.view.Card cardOf(String id) {
      return cards.get(id);
    }

    private SiteRenderer renderer() {
      return SiteRenderer.this;
    }

    /** Writes one promise's page and badge. */
    public void promise(PromiseRecord record, Output out) throws IOException, ThemeException {
      String id = record.promise().id();
      Card card = cards.get(id);
      Map<String, Object> page = new HashMap<>(common);
      page.put("root", "../../");
      page.put("path", SitePaths.promiseUrl(id));
      page.put("promise", promiseView(record, card, t));
      write(out, SitePaths.promisePage(id), promiseTemplate, page);
      try (OutputStream o = out.open(SitePaths.badge(id))) {
        o.write(badge(card, t).getBytes(StandardCharsets.UTF_8));
      }
    }

    /** Writes the pages about the whole charter, and the theme's assets. */
    public void finish(Output out) throws IOException, ThemeException {
      List<Card> active = new ArrayList<>();
      List<Card> retired = new ArrayList<>();
      for (ExplainedPromise p : explained.promises()) {
        (p.promise().status() == PromiseStatus.RETIRED ? retired : active).add(cards.get(p.promise().id()));
      }
      java.util.Set<String> grouped = new java.util.HashSet<>();
      List<dev.kept.render.view.GroupView> groupViews = new ArrayList<>();
      for (dev.kept.model.Group g : explained.groups()) {
        grouped.addAll(g.promiseIds());
        groupViews.add(
            new dev.kept.render.view.GroupView(
                g.name(), SitePaths.groupUrl(g.slug()), g.counts().get(0), g.counts().get(1),
                g.counts().get(2), g.counts().get(3), g.counts().get(4), g.sentence()));
        Map<String, Object> groupPage = new HashMap<>(common);
        groupPage.put("root", "../../");
        groupPage.put("path", SitePaths.groupUrl(g.slug()));
        groupPage.put("group", groupViews.get(groupViews.size() - 1));
        groupPage.put("cards", g.promiseIds().stream().map(cards::get).toList());
        write(out, SitePaths.groupPage(g.slug()), "group.ftlh", groupPage);
      }
      Map<String, Object> index = new HashMap<>(common);
      index.put("root", "./");
      index.put("path", "");
      index.put("groups", groupViews);
      index.put("cards", active.stream().filter(c -> !grouped.contains(c.id())).toList());
      index.put("retiredCount", retired.size());
      write(out, SitePaths.INDEX, "index.ftlh", index);

      Map<String, Object> method = new HashMap<>(common);
      method.put("root", "../");
      method.put("path", SitePaths.METHOD_URL);
      method.put("examples", examples(explained, t));
      method.put("minimums", explained.minimums());
      method.put("exclusionWarning", explained.exclusionWarning());
      write(out, SitePaths.methodPage(), "method.ftlh", method);

      Map<String, Object> retiredPage = new HashMap<>(common);
      retiredPage.put("root", "../");
      retiredPage.put("path", SitePaths.RETIRED_URL);
      retiredPage.put("cards", retired);
      write(out, SitePaths.retiredPage(), "retired.ftlh", retiredPage);

      Map<String, Object> notFound = new HashMap<>(common);
      // Served at any address, so its links start from the site's root path, not from itself.
      notFound.put(
          "root",
          charter.baseUrl().map(u -> withSlash(u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath())).orElse("/"));
      notFound.put("path", SitePaths.NOT_FOUND);
      write(out, SitePaths.NOT_FOUND, "404.ftlh", notFound);

      Map<String, Object> feed = new HashMap<>(common);
      feed.put("root", charter.baseUrl().map(u -> withSlash(u.toString())).orElse(""));
      List<FeedEntry> entries = feedEntries(explained, t);
      feed.put("entries", entries);
      feed.put("updated", entries.isEmpty() ? charter.published() + "T00:00:00Z" : entries.get(0).updated());
      feed.put("feedId", tagBase(charter) + ":feed");
      write(out, SitePaths.FEED, "feed.ftlx", feed);

      if (charter.baseUrl().isPresent()) {
        String base = withSlash(charter.baseUrl().get().toString());
        List<String> urls = new ArrayList<>();
        for (String page : pages(explained)) {
          if (!page.equals(SitePaths.NOT_FOUND)) {
            urls.add(base + SitePaths.url(page));
          }
        }
        Map<String, Object> sitemap = new HashMap<>(common);
        sitemap.put("urls", urls);
        sitemap.put("lastmod", charter.published().toString());
        write(out, SitePaths.SITEMAP, "sitemap.ftlx", sitemap);
      }
      try (OutputStream o = out.open(SitePaths.ROBOTS)) {
        String robots =
            "User-agent: *\nAllow: /\n"
                + charter.baseUrl().map(u -> "Sitemap: " + withSlash(u.toString()) + SitePaths.SITEMAP + "\n").orElse("");
        o.write(robots.getBytes(StandardCharsets.UTF_8));
      }
      for (String asset : theme.assets()) {
        try (InputStream in = theme.asset(asset);
            OutputStream o = out.open(SitePaths.asset(asset))) {
          in.transferTo(o);
        }
      }
    }
  }

  private void write(Output out, String path, String templateName, Map<String, Object> model)
      throws IOException, ThemeException {
    write(out, path, theme.template(templateName), model);
  }

  private void write(Output out, String path, Template template, Map<String, Object> model)
      throws IOException, ThemeException {
    if (!out.wants(path)) {
      return;
    }
    out.write(path, theme.render(template, model));
  }

  private static SiteInfo siteInfo(ExplainedCharter e) {
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
        e.promises().stream().anyMatch(p -> p.promise().status() == PromiseStatus.RETIRED));
  }

  static String verdictClass(Verdict v) {
    return switch (v) {
      case MET -> "met";
      case MISSED -> "missed";
      case TOO_FEW_TO_TELL -> "unclear";
      default -> "none";
    };
  }

  private Card card(ExplainedPromise p, Map<String, String> t) {
    var promise = p.promise();
    Optional<ExplainedHeadline> h = p.headline();
    String verdictClass = h.map(x -> verdictClass(x.headline().result().verdict())).orElse("none");
    Words w = h.map(ExplainedHeadline::words).orElse(null);
    String range = w == null || w.low().isEmpty() ? "" : fill(t.get("card_range"), Map.of("low", w.low(), "high", w.high()));
    List<String> notes = new ArrayList<>();
    h.ifPresent(x -> {
      if (x.headline().result().exclusionFlag()) {
        notes.add(fill(t.get("card_flagged"), Map.of("figure", x.words().stressedFigure(), "denominator", x.words().stressedDenominator())));
      }
      if (!x.headline().gaps().isEmpty()) {
        notes.add(fill(t.get("card_gaps"), Map.of("count", String.valueOf(x.headline().gaps().size()))));
      }
    });
    p.lowered().ifPresent(when -> notes.add(fill(t.get("card_lowered"), Map.of("when", when))));
    String retiredSentence =
        promise.retirement().map(r -> p.statusSentence().substring(0, p.statusSentence().indexOf(r.reason()) + r.reason().length())).orElse("");
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
        w == null ? "" : w.figure(),
        w == null ? "" : w.denominator(),
        range,
        promise.currentTarget().map(r -> r.target().written()).orElse(""),
        h.map(ExplainedHeadline::when).orElse(""),
        p.statusSentence(),
        markup(trend),
        promise.isMeasured(),
        promise.status() == PromiseStatus.RETIRED,
        latest(p, t),
        notes,
        retiredSentence);
  }

  /** The latest complete period in one line: "October 2026: Missed narrowly, 94.96% (9,496 of 10,000 calls)". */
  private static String latest(ExplainedPromise p, Map<String, String> t) {
    return p.latest()
        .map(
            period -> {
              Words w = period.words();
              String figure = w.figure().isEmpty() ? "" : fill(t.get("latest_figure"), Map.of("figure", w.figure(), "denominator", w.denominator()));
              return fill(t.get("latest"), Map.of("when", period.when(), "label", w.label(), "figure", figure)).strip();
            })
        .orElse("");
  }

  private PromiseView promiseView(PromiseRecord record, Card card, Map<String, String> t) {
    ExplainedPromise p = record.explained();
    List<ExplainedPeriod> periods = record.periods();
    var promise = p.promise();
    List<Row> rows = new ArrayList<>(periods.size());
    for (ExplainedPeriod period : periods) {
      rows.add(row(period, promise.exclusions(), t));
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
        markup(chart.isEmpty() ? "" : "<div class=\"chart-scroll\" role=\"region\" aria-label=\"" + Charts.escape(fill(t.get("chart_title"), Map.of("title", promise.title(), "unit", promise.unit()))) + "\" tabindex=\"0\">" + chart + "</div>"),
        rows,
        p.changes(),
        promise.targets().stream().anyMatch(r -> r.change() == TargetRule.Change.LOWERED),
        exclusions,
        p.headline().map(h -> h.words().exclusions()).orElse(""),
        promise.isMeasured() ? DataRenderer.csvPath(promise) : "",
        SitePaths.badge(promise.id()),
        card.retiredSentence(),
        promise.about().owner().orElse(""),
        promise.about().promiseUrl().map(URI::toString).orElse(""),
        promise.about().resultsUrl().map(URI::toString).orElse(""));
  }

  private static Row row(ExplainedPeriod period, Map<String, String> exclusions, Map<String, String> t) {
    var r = period.result();
    Result result = r.result();
    Words w = period.words();
    List<Reason> byReason = new ArrayList<>();
    Optional<Counts> counts = result.counts();
    if (counts.isPresent()) {
      for (Map.Entry<String, Long> e : counts.get().excludedByReason().entrySet()) {
        if (e.getValue() > 0) {
          byReason.add(new Reason(e.getKey(), exclusions.getOrDefault(e.getKey(), e.getKey()), w.excludedByReason().getOrDefault(e.getKey(), "")));
        }
      }
    }
    return new Row(
        "p-" + r.period().label(),
        r.period().label(),
        period.when(),
        w.kept(),
        w.cases(),
        w.denominator(),
        w.figure(),
        w.low(),
        w.high(),
        result.target().written(),
        w.label(),
        verdictClass(result.verdict()),
        counts.isPresent() ? w.excluded() : "",
        w.excludedDenominator(),
        w.excludedShare(),
        w.stressedFigure(),
        w.stressedDenominator(),
        byReason,
        result.exclusionFlag(),
        r.provisional(),
        result.verdict() == Verdict.NO_DATA,
        r.note(),
        w.sentence(),
        w.exclusions());
  }

  /** Worked examples for the method page: the first figure in this charter of each kind. */
  private static List<Example> examples(ExplainedCharter explained, Map<String, String> t) {
    List<Example> examples = new ArrayList<>();
    for (ExplainedExample e : explained.examples()) {
      String key = "example_" + e.kind().name().toLowerCase(java.util.Locale.ROOT);
      examples.add(
          new Example(
              t.getOrDefault(key, key),
              e.promise().title(),
              SitePaths.periodUrl(e.promise().id(), e.period().result().period().label()),
              e.kind() == dev.kept.model.Example.Kind.FLAGGED
                  ? e.period().words().exclusions()
                  : e.period().words().sentence()));
    }
    return examples;
  }

  /** Atom entries, newest first, each dated from the data. */
  private static List<FeedEntry> feedEntries(ExplainedCharter explained, Map<String, String> t) {
    Charter charter = explained.charter();
    String tag = tagBase(charter);
    List<FeedEntry> entries = new ArrayList<>();
    for (ExplainedPromise p : explained.promises()) {
      String href = SitePaths.promiseUrl(p.promise().id());
      for (TargetRule rule : p.promise().targets()) {
        if (rule.change() == TargetRule.Change.FIRST) {
          String date = rule.from().start().toString();
          entries.add(
              new FeedEntry(
                  tag + ":" + href + "added",
                  fill(t.get("feed_added"), Map.of("title", p.promise().title())),
                  date + "T00:00:00Z",
                  href,
                  p.changes().get(0)));
        } else {
          int i = p.promise().targets().indexOf(rule);
          entries.add(
              new FeedEntry(
                  tag + ":" + href + "target-" + rule.from().label(),
                  fill(t.get("feed_target_" + rule.change().name().toLowerCase()), Map.of("title", p.promise().title())),
                  rule.from().start() + "T00:00:00Z",
                  href,
                  p.changes().get(i)));
        }
      }
      p.promise()
          .retirement()
          .ifPresent(
              r ->
                  entries.add(
                      new FeedEntry(
                          tag + ":" + href + "retired",
                          fill(t.get("feed_retired"), Map.of("title", p.promise().title())),
                          r.on() + "T00:00:00Z",
                          href,
                          r.reason())));
    }
    // The figures published on the published date: one entry, dated that day, naming each promise
    // missed in the latest complete period with its figure and denominator. Earlier publications'
    // dates are not in the data, so they are not invented.
    explained.measured().latestComplete().ifPresent(latest -> {
      List<String> missed = new ArrayList<>();
      int measured = 0;
      String when = "";
      for (ExplainedPromise p : explained.promises()) {
        for (ExplainedPeriod period : p.latest().stream().toList()) {
          if (period.result().period().equals(latest) && p.promise().status() == PromiseStatus.ACTIVE) {
            measured++;
            when = period.when();
            if (period.result().result().verdict() == Verdict.MISSED) {
              missed.add(p.promise().title() + ", " + period.words().figure() + " (" + period.words().denominator() + ")");
            }
          }
        }
      }
      if (measured > 0) {
        String summary =
            missed.isEmpty()
                ? fill(t.get("feed_period_none_missed"), Map.of("count", String.valueOf(measured)))
                : fill(t.get(missed.size() == 1 ? "feed_period_missed_one" : "feed_period_missed"),
                    Map.of("list", String.join("; ", missed), "count", String.valueOf(missed.size()), "measured", String.valueOf(measured)));
        entries.add(
            new FeedEntry(
                tag + ":figures-" + latest.label(),
                fill(t.get("feed_period"), Map.of("when", when)),
                charter.published() + "T00:00:00Z",
                "",
                summary));
      }
    });
    entries.sort(Comparator.comparing(FeedEntry::updated).reversed().thenComparing(FeedEntry::id));
    return entries;
  }

  private static String tagBase(Charter charter) {
    String host =
        charter.baseUrl().map(URI::getHost).orElse(charter.organisation().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".kept.invalid");
    return "tag:" + host + "," + charter.published().getYear();
  }

  private String badge(Card card, Map<String, String> t) {
    String right =
        card.figure().isEmpty()
            ? card.label()
            : fill(t.get("badge_figure"), Map.of("figure", card.figure(), "denominator", card.denominator(), "label", card.label().toLowerCase()));
    return Charts.badge(card.title(), right, card.verdictClass(), card.title() + ": " + right);
  }

  static TemplateHTMLOutputModel markup(String html) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  static String fill(String pattern, Map<String, String> values) {
    if (pattern == null) {
      throw new IllegalStateException("the theme's words are missing a key");
    }
    String out = pattern;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

}
