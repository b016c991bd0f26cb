package dev.kept.render;

import static dev.kept.render.SiteRenderer.fill;

import dev.kept.model.Charter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.Names;
import dev.kept.model.TargetRule;
import dev.kept.model.Words;
import dev.kept.render.view.FeedEntry;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Atom feed ({@code feed.xml}): one entry per promise added, target changed or promise retired,
 * and one for the figures of the latest complete period, each dated from the data, never from the
 * clock. Which promises missed that period is the explain stage's finding
 * ({@link ExplainedCharter#latestFigures()}); this class only words it with the theme's words.
 */
final class Feed {
  private Feed() {}

  /** Writes {@code feed.xml}. */
  static void write(ExplainedCharter explained, Map<String, String> t, Map<String, Object> common, PageWriter pages)
      throws IOException, ThemeException {
    Charter charter = explained.charter();
    Map<String, Object> feed = new HashMap<>(common);
    feed.put("root", charter.baseUrl().map(u -> SiteRenderer.withSlash(u.toString())).orElse(""));
    List<FeedEntry> entries = entries(explained, t);
    feed.put("entries", entries);
    feed.put("updated", entries.isEmpty() ? charter.published() + "T00:00:00Z" : entries.get(0).updated());
    feed.put("feedId", tagBase(charter) + ":feed");
    pages.write(SitePaths.FEED, "feed.ftlx", feed);
  }

  /** Atom entries, newest first, each dated from the data. */
  static List<FeedEntry> entries(ExplainedCharter explained, Map<String, String> t) {
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
                  fill(t.get("feed_target_" + rule.change().name().toLowerCase(Locale.ROOT)), Map.of("title", p.promise().title())),
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
    explained.latestFigures().ifPresent(latest -> {
      List<String> missed = new ArrayList<>();
      for (ExplainedPromise p : latest.missed()) {
        // A missed period always has a rate: MISSED is a verdict on counted cases.
        Words.Rate rate = p.latest().orElseThrow().words().rate().orElseThrow();
        missed.add(p.promise().title() + ", " + rate.figure() + " (" + rate.counts().denominator() + ")");
      }
      String summary =
          missed.isEmpty()
              ? fill(t.get("feed_period_none_missed"), Map.of("count", String.valueOf(latest.measured())))
              : fill(t.get(missed.size() == 1 ? "feed_period_missed_one" : "feed_period_missed"),
                  Map.of("list", String.join("; ", missed), "count", String.valueOf(missed.size()), "measured", String.valueOf(latest.measured())));
      entries.add(
          new FeedEntry(
              tag + ":figures-" + latest.period().label(),
              fill(t.get("feed_period"), Map.of("when", latest.when())),
              charter.published() + "T00:00:00Z",
              "",
              summary));
    });
    entries.sort(Comparator.comparing(FeedEntry::updated).reversed().thenComparing(FeedEntry::id));
    return entries;
  }

  /** The start of every entry's tag URI (RFC 4151): the site's host, or one made from the organisation. */
  private static String tagBase(Charter charter) {
    String host =
        charter.baseUrl().map(URI::getHost).orElse(Names.hyphenate(charter.organisation()) + ".kept.invalid");
    return "tag:" + host + "," + charter.published().getYear();
  }
}
