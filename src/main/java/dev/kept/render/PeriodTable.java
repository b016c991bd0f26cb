package dev.kept.render;

import static dev.kept.render.HtmlWriter.Tag.BREAK;
import static dev.kept.render.HtmlWriter.Tag.CELL_END;
import static dev.kept.render.HtmlWriter.Tag.CLOSE_PAREN;
import static dev.kept.render.HtmlWriter.Tag.COLON;
import static dev.kept.render.HtmlWriter.Tag.DASH;
import static dev.kept.render.HtmlWriter.Tag.FLAGGED;
import static dev.kept.render.HtmlWriter.Tag.GAP;
import static dev.kept.render.HtmlWriter.Tag.GAP_CELL;
import static dev.kept.render.HtmlWriter.Tag.NOTE_CELL;
import static dev.kept.render.HtmlWriter.Tag.NUMBER_CELL;
import static dev.kept.render.HtmlWriter.Tag.NUMBER_NEXT;
import static dev.kept.render.HtmlWriter.Tag.OPEN_PAREN;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_CELL;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_END;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_WHEN;
import static dev.kept.render.HtmlWriter.Tag.PROVISIONAL;
import static dev.kept.render.HtmlWriter.Tag.QUOTE;
import static dev.kept.render.HtmlWriter.Tag.ROW_CLASS;
import static dev.kept.render.HtmlWriter.Tag.ROW_END;
import static dev.kept.render.HtmlWriter.Tag.ROW_ID;
import static dev.kept.render.HtmlWriter.Tag.STRONG;
import static dev.kept.render.HtmlWriter.Tag.STRONG_END;
import static dev.kept.render.HtmlWriter.Tag.VERDICT;
import static dev.kept.render.HtmlWriter.Tag.VERDICT_END;
import static dev.kept.render.HtmlWriter.Tag.VERDICT_LABEL;

import dev.kept.model.Counts;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.Period;
import dev.kept.model.Placeholders;
import dev.kept.model.Promise;
import dev.kept.model.Result;
import dev.kept.model.Verdict;
import dev.kept.model.Words;
import freemarker.core.TemplateHTMLOutputModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of a promise's period table, newest first, written directly ({@link HtmlWriter}) rather
 * than by a template directive per cell: the same markup, byte for byte, as the built-in {@code
 * partials/period-table.ftlh} writes when it lists {@code p.rows} with the built-in {@code
 * verdict} macro ({@code layout.ftlh}, {@code partials/verdict.ftlh}), with the same values as
 * {@link Views#row} gives a template and the theme's words {@code t} ({@code no_figures}, {@code
 * range_cell}, {@code provisional_short}, {@code flagged}, {@code not_yet_explained}, {@code
 * explained}).
 *
 * <p>A theme that overrides {@code layout.ftlh} or {@code partials/verdict.ftlh} gets its rows from
 * the template instead ({@link SiteRenderer}), so its verdict applies in the table too; one that
 * overrides {@code partials/period-table.ftlh} lists {@code p.rows} itself. Stateless.
 */
final class PeriodTable {
  private PeriodTable() {}

  /** The words the rows use, read once per page. */
  record TableWords(
      String noFigures, Placeholders rangeCell, String provisional, String flagged, String explained, String unexplained) {
    static TableWords of(Map<String, String> t) {
      return new TableWords(
          word(t, "no_figures"), Placeholders.of(word(t, "range_cell")), word(t, "provisional_short"), word(t, "flagged"),
          word(t, "explained"), word(t, "not_yet_explained"));
    }

    private static String word(Map<String, String> t, String key) {
      String word = t.get(key);
      if (word == null) {
        throw new IllegalStateException("the theme's words are missing " + key);
      }
      return word;
    }
  }

  /**
   * Every period's row, newest first, as markup for the template; a period with an account of its
   * miss is marked "Explained", one in {@code unexplained} "Not yet explained" (H22).
   */
  static TemplateHTMLOutputModel rows(
      List<ExplainedPeriod> periods, Promise promise, Set<Period> unexplained, TableWords t) {
    HtmlWriter out = new HtmlWriter(periods.size() * 768 + 16);
    for (int i = periods.size() - 1; i >= 0; i--) {
      Period at = periods.get(i).result().period();
      row(out, periods.get(i), promise.exclusions(), !promise.accountsOf(at).isEmpty(), unexplained.contains(at), t);
    }
    return out.toMarkup();
  }

  /** One row, as {@code period-table.ftlh} writes it from {@link Views#row}. */
  static void row(
      HtmlWriter out, ExplainedPeriod period, Map<String, String> exclusions, boolean explained, boolean unexplained,
      TableWords t) {
    var r = period.result();
    Result result = r.result();
    Words w = period.words();
    boolean gap = result.verdict() == Verdict.NO_DATA;
    boolean provisional = r.provisional();
    boolean flagged = result.exclusionFlag();
    String label = r.period().label();
    out.tag(ROW_ID).text("p-").text(label);
    if (gap || provisional || flagged) {
      out.tag(ROW_CLASS);
      if (gap) {
        out.tag(GAP);
      }
      if (provisional) {
        out.tag(PROVISIONAL);
      }
      if (flagged) {
        out.tag(FLAGGED);
      }
    }
    out.tag(QUOTE).tag(PERIOD_CELL).text(label).tag(PERIOD_WHEN).text(period.when()).tag(PERIOD_END);
    out.tag(VERDICT).text(Views.verdictClass(result.verdict())).tag(VERDICT_LABEL).text(w.label()).tag(VERDICT_END);
    if (gap) {
      out.tag(GAP_CELL).text(t.noFigures()).tag(CELL_END);
    } else {
      figures(out, result, w, exclusions, t);
    }
    out.tag(NOTE_CELL);
    if (provisional) {
      out.tag(STRONG).text(t.provisional()).tag(STRONG_END);
    }
    if (flagged) {
      out.tag(STRONG).text(t.flagged()).tag(STRONG_END);
    }
    if (unexplained) {
      out.tag(STRONG).text(t.unexplained()).tag(STRONG_END);
    }
    if (explained) {
      out.tag(STRONG).text(t.explained()).tag(STRONG_END);
    }
    out.text(r.note()).tag(ROW_END);
  }

  /** The six cells of a period with figures: cases, rate, range, target, left out, stressed. */
  private static void figures(HtmlWriter out, Result result, Words w, Map<String, String> exclusions, TableWords t) {
    Optional<Words.Counted> counted = w.counted();
    Optional<Words.Rate> rate = w.rate();
    Optional<Words.Excluded> excluded = w.excluded();
    out.tag(NUMBER_CELL).text(counted.map(Words.Counted::denominator).orElse("")).tag(NUMBER_NEXT);
    String figure = rate.map(Words.Rate::figure).orElse("");
    if (figure.isEmpty()) {
      out.tag(DASH);
    } else {
      out.text(figure);
    }
    out.tag(NUMBER_NEXT);
    String low = rate.map(Words.Rate::low).orElse("");
    if (low.isEmpty()) {
      out.tag(DASH);
    } else {
      out.text(t.rangeCell().fill(Map.of("low", low, "high", rate.get().high())));
    }
    out.tag(NUMBER_NEXT).text(result.target().written()).tag(NUMBER_NEXT);
    String share = excluded.map(Words.Excluded::share).orElse("");
    Optional<Counts> counts = result.counts();
    if (share.isEmpty()) {
      out.text(counts.isPresent() ? counted.map(Words.Counted::excludedCount).orElse("") : "");
    } else {
      out.text(excluded.get().denominator()).tag(OPEN_PAREN).text(share).tag(CLOSE_PAREN);
      if (counts.isPresent()) {
        Map<String, String> formatted = counted.map(Words.Counted::excludedByReason).orElse(Map.of());
        for (Map.Entry<String, Long> e : counts.get().excludedByReason().entrySet()) {
          if (e.getValue() > 0) {
            String code = e.getKey();
            out.tag(BREAK).text(formatted.getOrDefault(code, "")).tag(COLON).text(exclusions.getOrDefault(code, code));
          }
        }
      }
    }
    out.tag(NUMBER_NEXT);
    String stressed = excluded.map(Words.Excluded::stressedFigure).orElse("");
    if (stressed.isEmpty()) {
      out.tag(DASH);
    } else {
      out.text(stressed).tag(OPEN_PAREN).text(excluded.get().stressedDenominator()).tag(CLOSE_PAREN);
    }
    out.tag(CELL_END);
  }
}
