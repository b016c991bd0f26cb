package dev.kept.render;

import static dev.kept.render.HtmlWriter.Tag.BREAK;
import static dev.kept.render.HtmlWriter.Tag.CELL_END;
import static dev.kept.render.HtmlWriter.Tag.CLOSE_PAREN;
import static dev.kept.render.HtmlWriter.Tag.DASH;
import static dev.kept.render.HtmlWriter.Tag.FIGURES_END;
import static dev.kept.render.HtmlWriter.Tag.FLAGGED;
import static dev.kept.render.HtmlWriter.Tag.GAP;
import static dev.kept.render.HtmlWriter.Tag.GAP_CELL;
import static dev.kept.render.HtmlWriter.Tag.LABEL;
import static dev.kept.render.HtmlWriter.Tag.LABEL_END;
import static dev.kept.render.HtmlWriter.Tag.MORE;
import static dev.kept.render.HtmlWriter.Tag.MORE_END;
import static dev.kept.render.HtmlWriter.Tag.NUMBER_CELL;
import static dev.kept.render.HtmlWriter.Tag.NUMBER_NEXT;
import static dev.kept.render.HtmlWriter.Tag.OPEN_PAREN;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_CELL;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_END;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_TIME;
import static dev.kept.render.HtmlWriter.Tag.PERIOD_WHEN;
import static dev.kept.render.HtmlWriter.Tag.PROVISIONAL;
import static dev.kept.render.HtmlWriter.Tag.QUOTE;
import static dev.kept.render.HtmlWriter.Tag.ROWSPAN;
import static dev.kept.render.HtmlWriter.Tag.ROW_CLASS;
import static dev.kept.render.HtmlWriter.Tag.ROW_END;
import static dev.kept.render.HtmlWriter.Tag.ROW_ID;
import static dev.kept.render.HtmlWriter.Tag.ACCOUNT_LINK;
import static dev.kept.render.HtmlWriter.Tag.FLAGGED_LINK;
import static dev.kept.render.HtmlWriter.Tag.LINK_END;
import static dev.kept.render.HtmlWriter.Tag.LINK_TEXT;
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
import java.util.ArrayList;
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
 * range_cell}, {@code provisional_short}, {@code flagged}, {@code col_range}, {@code col_target},
 * {@code col_left_out}, {@code row_reason}, {@code row_stressed}, {@code explained}, {@code not_yet_explained}) and marks a miss
 * "Explained" or "Not yet explained" (H22). A period is one {@code <tbody>}:
 * the row of its figures, and a second row under them for its marks, note, reasons left out and
 * stress-tested figure, so that none of them sits in a far-right column.
 *
 * <p>A theme that overrides {@code layout.ftlh} or {@code partials/verdict.ftlh} gets its rows from
 * the template instead ({@link SiteRenderer}), so its verdict applies in the table too; one that
 * overrides {@code partials/period-table.ftlh} lists {@code p.rows} itself. Stateless.
 */
final class PeriodTable {
  private PeriodTable() {}

  /** The words the rows use, read once per page. */
  record TableWords(
      String noFigures, Placeholders rangeCell, String provisional, String flagged, String colRange,
      String colTarget, String colLeftOut, Placeholders rowReason, Placeholders rowStressed, String explained,
      String unexplained) {
    static TableWords of(Map<String, String> t) {
      return new TableWords(
          word(t, "no_figures"), Placeholders.of(word(t, "range_cell")), word(t, "provisional_short"), word(t, "flagged"),
          word(t, "col_range"), word(t, "col_target"), word(t, "col_left_out"),
          Placeholders.of(word(t, "row_reason")), Placeholders.of(word(t, "row_stressed")), word(t, "explained"),
          word(t, "not_yet_explained"));
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
   * miss is marked "Explained", a link to the newest account of it, and one in {@code unexplained}
   * "Not yet explained" (H22); a flagged period's mark links to the note under the table.
   */
  static TemplateHTMLOutputModel rows(
      List<ExplainedPeriod> periods, Promise promise, Set<Period> unexplained, TableWords t) {
    HtmlWriter out = new HtmlWriter(periods.size() * 768 + 16);
    for (int i = periods.size() - 1; i >= 0; i--) {
      Period at = periods.get(i).result().period();
      row(out, periods.get(i), promise.exclusions(), promise.unit(), Views.accountAnchor(promise, at),
          unexplained.contains(at), t);
    }
    return out.toMarkup();
  }

  /** One period's rows, as {@code period-table.ftlh} writes them from {@link Views#row}. */
  static void row(
      HtmlWriter out, ExplainedPeriod period, Map<String, String> exclusions, String unit, String account,
      boolean unexplained, TableWords t) {
    boolean explained = !account.isEmpty();
    var r = period.result();
    Result result = r.result();
    Words w = period.words();
    boolean gap = result.verdict() == Verdict.NO_DATA;
    boolean provisional = r.provisional();
    boolean flagged = result.exclusionFlag();
    String label = r.period().label();
    Optional<Words.Counted> counted = w.counted();
    Optional<Words.Excluded> excluded = w.excluded();
    // The reasons cases were left out, as Views.row lists them: only those with any, in order.
    List<String[]> reasons = new ArrayList<>();
    Optional<Counts> counts = result.counts();
    if (counts.isPresent()) {
      Map<String, String> formatted = counted.map(Words.Counted::excludedByReason).orElse(Map.of());
      for (Map.Entry<String, Long> e : counts.get().excludedByReason().entrySet()) {
        if (e.getValue() > 0) {
          String code = e.getKey();
          reasons.add(new String[] {formatted.getOrDefault(code, ""), exclusions.getOrDefault(code, code)});
        }
      }
    }
    String stressed = excluded.map(Words.Excluded::stressedFigure).orElse("");
    String margin = w.margin().orElse("");
    boolean first = provisional || flagged || explained || unexplained || !margin.isEmpty() || !r.note().isEmpty();
    boolean more = first || !reasons.isEmpty() || !stressed.isEmpty();
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
    out.tag(QUOTE).tag(PERIOD_CELL);
    if (more) {
      out.tag(ROWSPAN);
    }
    out.tag(PERIOD_TIME).text(label).tag(PERIOD_WHEN).text(period.when()).tag(PERIOD_END);
    out.tag(VERDICT).text(Views.verdictClass(result.verdict())).tag(VERDICT_LABEL).text(w.label()).tag(VERDICT_END);
    if (gap) {
      out.tag(GAP_CELL).text(t.noFigures()).tag(CELL_END);
    } else {
      figures(out, result, w, t);
    }
    out.tag(FIGURES_END);
    if (more) {
      out.tag(MORE);
      if (provisional) {
        out.tag(STRONG).text(t.provisional()).tag(STRONG_END);
      }
      if (flagged) {
        out.tag(FLAGGED_LINK).text(t.flagged()).tag(LINK_END);
      }
      if (unexplained) {
        out.tag(STRONG).text(t.unexplained()).tag(STRONG_END);
      }
      if (explained) {
        out.tag(ACCOUNT_LINK).text(account.substring("account-".length())).tag(LINK_TEXT).text(t.explained()).tag(LINK_END);
      }
      // The margin (in the promise's unit), then the figures file's note, a space between them.
      out.text(margin);
      if (!margin.isEmpty() && !r.note().isEmpty()) {
        out.text(" ");
      }
      out.text(r.note());
      boolean after = first;
      for (String[] reason : reasons) {
        if (after) {
          out.tag(BREAK);
        }
        after = true;
        out.text(t.rowReason().fill(Map.of("count", reason[0], "reason", reason[1])));
      }
      if (!stressed.isEmpty()) {
        if (after) {
          out.tag(BREAK);
        }
        out.text(t.rowStressed().fill(Map.of("figure", stressed, "denominator", excluded.get().stressedDenominator(), "unit", unit)));
      }
      out.tag(MORE_END);
    }
    out.tag(ROW_END);
  }

  /** The five cells of a period with figures: cases, rate, range, target, left out. */
  private static void figures(HtmlWriter out, Result result, Words w, TableWords t) {
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
    out.tag(NUMBER_NEXT).tag(LABEL).text(t.colRange()).tag(LABEL_END);
    String low = rate.map(Words.Rate::low).orElse("");
    if (low.isEmpty()) {
      out.tag(DASH);
    } else {
      out.text(t.rangeCell().fill(Map.of("low", low, "high", rate.get().high())));
    }
    out.tag(NUMBER_NEXT).tag(LABEL).text(t.colTarget()).tag(LABEL_END).text(result.target().written());
    out.tag(NUMBER_NEXT).tag(LABEL).text(t.colLeftOut()).tag(LABEL_END);
    out.text(result.counts().isPresent() ? counted.map(Words.Counted::excludedCount).orElse("") : "");
    String share = excluded.map(Words.Excluded::share).orElse("");
    if (!share.isEmpty()) {
      out.tag(OPEN_PAREN).text(share).tag(CLOSE_PAREN);
    }
    out.tag(CELL_END);
  }
}
