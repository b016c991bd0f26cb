package dev.kept.render;

import dev.kept.model.Charter;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Group;
import dev.kept.model.Placeholders;
import dev.kept.model.PromiseRecord;
import dev.kept.model.PromiseStatus;
import dev.kept.render.view.Card;
import dev.kept.render.view.GroupView;
import freemarker.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the charter's website: the index, one page per promise, the method page, the retired
 * promises, a 404 page, an Atom feed, a sitemap, robots.txt, a badge per promise and the theme's
 * assets. Pages use pretty URLs ({@code promises/<id>/index.html}) and relative links, so the site
 * works from any folder of any host.
 *
 * <p>This class only orders the work: views come from {@link Views}, the feed from {@link Feed},
 * the sitemap and robots.txt from {@link Crawlers}, badges from {@link Badges} and group pages from
 * {@link GroupPages}. Nothing in render counts or judges: every figure, count and verdict comes from
 * the explain stage. Thread-safe once built: the theme is shared and every call makes its own views.
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
    for (Group g : explained.groups()) {
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
    private final Optional<PeriodTable.TableWords> table;
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final Map<ExplainedPromise, Card> cardsByWords = new IdentityHashMap<>();

    private Site(ExplainedCharter explained, Optional<Site> earlier) throws ThemeException {
      this.explained = explained;
      this.charter = explained.charter();
      this.t = theme.words(charter.language());
      common.put("site", Views.siteInfo(explained));
      common.put("t", t);
      common.put("charterJson", SitePaths.CHARTER_JSON);
      common.put("exclusionWarning", explained.exclusionWarning());
      this.promiseTemplate = theme.template("promise.ftlh");
      this.table = rowsWritten(theme) ? Optional.of(PeriodTable.TableWords.of(t)) : Optional.empty();
      // Cards are small: one per promise, for the index, the group pages and each promise's page.
      for (ExplainedPromise p : explained.promises()) {
        Card card =
            earlier.filter(e -> e.charter.language().equals(charter.language()))
                .map(e -> e.cardsByWords.get(p))
                .orElse(null);
        if (card == null) {
          card = Views.card(p, t);
        }
        cards.put(p.promise().id(), card);
        cardsByWords.put(p, card);
      }
    }

    /** A promise's card, for tests of reuse. */
    Card cardOf(String id) {
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
      page.put("root", SitePaths.rootOf(SitePaths.promiseUrl(id)));
      page.put("path", SitePaths.promiseUrl(id));
      // The page's data link promises every figure: on a promise's page, they are in its record.
      page.put("charterJson", SitePaths.promiseData(id));
      page.put("promise", Views.promiseView(record, card, t, table));
      page.put("misses", Views.misses(record.explained())); // H22: the accounts of its misses
      write(out, SitePaths.promisePage(id), promiseTemplate, page);
      try (OutputStream o = out.open(SitePaths.badge(id))) {
        o.write(Badges.svg(card, t).getBytes(StandardCharsets.UTF_8));
      }
    }

    /** Writes the pages about the whole charter, and the theme's assets. */
    public void finish(Output out) throws IOException, ThemeException {
      PageWriter pages = (path, template, model) -> write(out, path, template, model);
      List<Card> active = new ArrayList<>();
      List<Card> retired = new ArrayList<>();
      for (ExplainedPromise p : explained.promises()) {
        (p.promise().status() == PromiseStatus.RETIRED ? retired : active).add(cards.get(p.promise().id()));
      }
      List<GroupView> groups = GroupPages.write(explained.groups(), cards, common, pages);
      Set<String> grouped = new HashSet<>();
      explained.groups().forEach(g -> grouped.addAll(g.promiseIds()));
      Map<String, Object> index = new HashMap<>(common);
      index.put("root", SitePaths.rootOf(""));
      index.put("path", "");
      index.put("groups", groups);
      // Every promise is reached from the index (issue 12). When every active promise has a group,
      // the groups' pages reach them all; otherwise the index lists every active promise, grouped
      // or not, in the charter's order, so no promise hides behind a group its neighbours lack.
      boolean allGrouped = active.stream().allMatch(c -> grouped.contains(c.id()));
      index.put("cards", allGrouped ? List.of() : active);
      index.put("retiredCount", retired.size());
      // H22: the clear misses with no account yet, of the promises in force
      index.put(
          "unexplained",
          explained.promises().stream()
              .filter(p -> p.promise().status() != PromiseStatus.RETIRED)
              .mapToInt(p -> p.measured().misses().count())
              .sum());
      // ... and which promises they are, each linked, in the charter's order, so a reader need not
      // open every missed promise to find them (issue 14's reader test).
      Map<String, Integer> unexplainedById = new HashMap<>();
      explained.promises().stream()
          .filter(p -> p.promise().status() != PromiseStatus.RETIRED && p.measured().misses().count() > 0)
          .forEach(p -> unexplainedById.put(p.promise().id(), p.measured().misses().count()));
      index.put(
          "unexplainedPromises",
          active.stream()
              .filter(c -> unexplainedById.containsKey(c.id()))
              .map(c -> Map.of("title", c.title(), "href", c.href(), "count", unexplainedById.get(c.id())))
              .toList());
      pages.write(SitePaths.INDEX, "index.ftlh", index);

      Map<String, Object> method = new HashMap<>(common);
      method.put("root", SitePaths.rootOf(SitePaths.METHOD_URL));
      method.put("path", SitePaths.METHOD_URL);
      method.put("examples", Views.examples(explained, t));
      method.put("minimums", explained.minimums());
      method.put("exclusionWarning", explained.exclusionWarning());
      pages.write(SitePaths.methodPage(), "method.ftlh", method);

      Map<String, Object> retiredPage = new HashMap<>(common);
      retiredPage.put("root", SitePaths.rootOf(SitePaths.RETIRED_URL));
      retiredPage.put("path", SitePaths.RETIRED_URL);
      retiredPage.put("cards", retired);
      pages.write(SitePaths.retiredPage(), "retired.ftlh", retiredPage);

      Map<String, Object> notFound = new HashMap<>(common);
      // Served at any address, so its links start from the site's root path, not from itself.
      notFound.put(
          "root",
          charter.baseUrl().map(u -> withSlash(u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath())).orElse("/"));
      notFound.put("path", SitePaths.NOT_FOUND);
      pages.write(SitePaths.NOT_FOUND, "404.ftlh", notFound);

      Feed.write(explained, t, common, pages);
      Crawlers.write(charter, pages(explained), common, pages, out);
      for (String asset : theme.assets()) {
        try (InputStream in = theme.asset(asset);
            OutputStream o = out.open(SitePaths.asset(asset))) {
          in.transferTo(o);
        }
      }
    }
  }

  /**
   * Whether a promise page's table rows are written by {@link PeriodTable} rather than listed by
   * the template: when the theme's rows would use the built-in {@code verdict} macro, that is,
   * when the theme has neither its own {@code layout.ftlh} (where the macro is) nor its own {@code
   * partials/verdict.ftlh} (what it shows). A theme with either gets {@code p.rowsHtml} empty, and
   * the built-in {@code partials/period-table.ftlh} lists {@code p.rows} through the theme's macro.
   */
  static boolean rowsWritten(Theme theme) {
    return !theme.overrides("layout.ftlh") && !theme.overrides("partials/verdict.ftlh");
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
    String page = theme.render(template, model);
    if (path.endsWith(".html") && model.get("t") instanceof Map<?, ?> words && model.get("root") instanceof String root) {
      // Each glossary term's first use on the page links to its entry on the method page.
      @SuppressWarnings("unchecked")
      Glossary glossary = Glossary.of((Map<String, String>) words);
      String base = SitePaths.METHOD_URL.equals(model.get("path")) ? "" : root + SitePaths.METHOD_URL;
      page = glossary.link(page, base);
    }
    out.write(path, page);
  }

  /** The theme's words with their placeholders filled, by the one rule of {@link Placeholders}. */
  static String fill(String pattern, Map<String, String> values) {
    if (pattern == null) {
      throw new IllegalStateException("the theme's words are missing a key");
    }
    return Placeholders.fill(pattern, values);
  }

  static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
