package dev.kept.render;

import dev.kept.model.Counts;
import dev.kept.model.Interval;
import dev.kept.model.PeriodResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * Draws charts as inline SVG at build time, so that no reader needs JavaScript (H20).
 *
 * <p>The promise chart shows the kept rate per period as a line broken at every period without a
 * rate (gaps and periods with no cases, H11), the Wilson range as a band (H6) and the target in
 * force as a step line (H15). Plotting uses doubles: a chart only draws; every judgement was made
 * exactly by the measure stage. Colours come from the theme's CSS classes ({@code kc-*}), so dark
 * mode and print styles apply. Thread-safe: a pure function.
 */
final class Charts {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 280;
  private static final int LEFT = 52;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private Charts() {}

  /** One plotted period: its label, and its rate, range and target as shares of 1. */
  record Point(String label, Double rate, Double low, Double high, double target, boolean provisional) {}

  static List<Point> points(List<PeriodResult> periods) {
    List<Point> points = new ArrayList<>();
    for (PeriodResult r : periods) {
      Double rate = null;
      Double low = null;
      Double high = null;
      if (r.result().counts().isPresent() && r.result().interval().isPresent()) {
        Counts c = r.result().counts().get();
        rate = (double) c.kept() / c.cases();
        Interval i = r.result().interval().get();
        low = i.low().doubleValue();
        high = i.high().doubleValue();
      }
      points.add(
          new Point(
              r.period().label(), rate, low, high, r.result().target().value().doubleValue(),
              r.provisional()));
    }
    return points;
  }

  /**
   * The promise chart.
   *
   * @param titleId the id of the element that names the chart, for {@code aria-labelledby}
   * @param title the chart's name, for its {@code <title>}
   * @param description what it shows, for its {@code <desc>}
   */
  static String promiseChart(List<Point> points, String title, String description) {
    double min = 1.0;
    for (Point p : points) {
      min = Math.min(min, p.target());
      if (p.low() != null) {
        min = Math.min(min, p.low());
      }
    }
    double step = niceStep((1.0 - min) * 100) / 100;
    double yMin = Math.max(0, Math.floor((min - step / 2) / step) * step);
    Frame frame = new Frame(yMin, 1.0, HEIGHT - TOP - BOTTOM, (double) (WIDTH - LEFT - RIGHT) / Math.max(points.size(), 1));
    StringBuilder svg = new StringBuilder(16 * 1024);
    svg.append("<svg class=\"kc-chart\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" focusable=\"false\">");
    svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
    svg.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
    // Kept in parts: one method this size took the JIT compiler seconds to compile.
    grid(svg, frame, step);
    periodLabels(svg, frame, points);
    ranges(svg, frame, points);
    targets(svg, frame, points);
    dots(svg, frame, points);
    svg.append("</svg>");
    return svg.toString();
  }

  /** Where the promise chart's plot sits: its value scale and the width of one period. */
  private record Frame(double yMin, double yMax, double plotH, double dx) {
    double y(double value) {
      return Charts.y(value, yMin, yMax, plotH);
    }

    /** The middle of the i-th period. */
    double x(int i) {
      return LEFT + dx * (i + 0.5);
    }
  }

  /** Grid lines and their percentages. */
  private static void grid(StringBuilder svg, Frame frame, double step) {
    for (double v = frame.yMin(); v <= frame.yMax() + 1e-9; v += step) {
      double y = TOP + frame.plotH() * (1 - (v - frame.yMin()) / (frame.yMax() - frame.yMin()));
      svg.append("<line class=\"kc-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"");
      f(svg, y).append("\" y2=\"");
      f(svg, y).append("\"/>");
      svg.append("<text class=\"kc-axis\" x=\"").append(LEFT - 6).append("\" y=\"");
      f(svg, y + 4).append("\" text-anchor=\"end\">").append(percentLabel(v, step)).append("</text>");
    }
  }

  /** Labels under the plot: about eight periods, always the last. */
  private static void periodLabels(StringBuilder svg, Frame frame, List<Point> points) {
    int n = Math.max(points.size(), 1);
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      boolean last = i == points.size() - 1;
      boolean crowdsLast = !last && (points.size() - 1 - i) < Math.max(2, every * 0.75);
      if ((i % every == 0 && !crowdsLast) || last) {
        shown.add(i);
      }
    }
    // Every other label, counted back from the last, is "kc-alt": a narrow screen, where the chart
    // is scaled down and its labels drawn larger, shows only the others.
    for (int k = 0; k < shown.size(); k++) {
      int i = shown.get(k);
      boolean alt = (shown.size() - 1 - k) % 2 == 1;
      svg.append(alt ? "<text class=\"kc-axis kc-alt\" x=\"" : "<text class=\"kc-axis\" x=\"");
      f(svg, frame.x(i)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
          .append("\" text-anchor=\"middle\">").append(escape(points.get(i).label())).append("</text>");
    }
  }

  /** The Wilson range as a band, and the rate as a line, each broken where there is no rate. */
  private static void ranges(StringBuilder svg, Frame frame, List<Point> points) {
    for (List<Integer> segment : segments(points)) {
      if (segment.size() == 1) {
        int i = segment.get(0);
        Point p = points.get(i);
        svg.append("<line class=\"kc-range\" x1=\"");
        f(svg, frame.x(i)).append("\" x2=\"");
        f(svg, frame.x(i)).append("\" y1=\"");
        f(svg, frame.y(p.low())).append("\" y2=\"");
        f(svg, frame.y(p.high())).append("\"/>");
        continue;
      }
      // The band: along the high ends, then back along the low ends.
      svg.append("<polygon class=\"kc-band\" points=\"");
      for (int i : segment) {
        f(svg, frame.x(i)).append(',');
        f(svg, frame.y(points.get(i).high())).append(' ');
      }
      for (int j = segment.size() - 1; j >= 0; j--) {
        int i = segment.get(j);
        f(svg, frame.x(i)).append(',');
        f(svg, frame.y(points.get(i).low())).append(j == 0 ? "" : " ");
      }
      svg.append("\"/>");
      svg.append("<polyline class=\"kc-line\" points=\"");
      for (int j = 0; j < segment.size(); j++) {
        int i = segment.get(j);
        f(svg, frame.x(i)).append(',');
        f(svg, frame.y(points.get(i).rate())).append(j == segment.size() - 1 ? "" : " ");
      }
      svg.append("\"/>");
    }
  }

  /** The target in force, as a step line. */
  private static void targets(StringBuilder svg, Frame frame, List<Point> points) {
    svg.append("<polyline class=\"kc-target\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      double y = frame.y(points.get(i).target());
      f(svg, LEFT + frame.dx() * i).append(',');
      f(svg, y).append(' ');
      f(svg, LEFT + frame.dx() * (i + 1)).append(',');
      f(svg, y).append(i == points.size() - 1 ? "" : " ");
    }
    svg.append("\"/>");
  }

  /** Points: solid for complete periods, hollow for provisional ones. */
  private static void dots(StringBuilder svg, Frame frame, List<Point> points) {
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (p.rate() == null) {
        continue;
      }
      svg.append("<circle class=\"").append(p.provisional() ? "kc-point kc-provisional" : "kc-point")
          .append("\" cx=\"");
      f(svg, frame.x(i)).append("\" cy=\"");
      f(svg, frame.y(p.rate())).append("\" r=\"3.5\"/>");
    }
  }


  /** A small trend line for a list of promises; the words beside it carry the meaning. */
  static String sparkline(List<Point> points, String label) {
    int w = 120;
    int h = 32;
    double min = 1.0;
    for (Point p : points) {
      min = Math.min(min, p.target());
      if (p.rate() != null) {
        min = Math.min(min, p.rate());
      }
    }
    double yMin = Math.max(0, min - 0.01);
    double dx = points.size() <= 1 ? 0 : (double) (w - 4) / (points.size() - 1);
    StringBuilder svg = new StringBuilder();
    // Decorative: the card's words carry every figure; the trend only shows the shape.
    svg.append("<svg class=\"kc-spark\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" aria-hidden=\"true\" focusable=\"false\">");
    if (!points.isEmpty()) {
      double ty = 2 + (h - 4) * (1 - (points.get(points.size() - 1).target() - yMin) / (1 - yMin));
      svg.append("<line class=\"kc-target\" x1=\"2\" x2=\"").append(w - 2).append("\" y1=\"").append(f(ty))
          .append("\" y2=\"").append(f(ty)).append("\"/>");
    }
    for (List<Integer> segment : segments(points)) {
      StringBuilder line = new StringBuilder();
      for (int i : segment) {
        double x = 2 + dx * i;
        double y = 2 + (h - 4) * (1 - (points.get(i).rate() - yMin) / (1 - yMin));
        line.append(f(x)).append(',').append(f(y)).append(' ');
      }
      if (segment.size() == 1) {
        double x = 2 + dx * segment.get(0);
        double y = 2 + (h - 4) * (1 - (points.get(segment.get(0)).rate() - yMin) / (1 - yMin));
        svg.append("<circle class=\"kc-point\" cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"2\"/>");
      } else {
        svg.append("<polyline class=\"kc-line\" points=\"").append(line.toString().strip()).append("\"/>");
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  /**
   * A badge for embedding elsewhere: the promise's headline figure with its denominator and its
   * verdict in words (H4, H14).
   */
  static String badge(String left, String right, String verdictClass, String title) {
    int lw = 12 + (int) Math.ceil(left.length() * 6.6);
    int rw = 12 + (int) Math.ceil(right.length() * 6.6);
    int w = lw + rw;
    String fill =
        switch (verdictClass) {
          case "met" -> "#1a6b3a";
          case "missed" -> "#a3231f";
          default -> "#4a4f57";
        };
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"22\" viewBox=\"0 0 " + w
        + " 22\" role=\"img\" aria-label=\"" + escape(title) + "\">"
        + "<title>" + escape(title) + "</title>"
        + "<rect width=\"" + lw + "\" height=\"22\" fill=\"#2b2f36\"/>"
        + "<rect x=\"" + lw + "\" width=\"" + rw + "\" height=\"22\" fill=\"" + fill + "\"/>"
        + "<g fill=\"#ffffff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\"6\" y=\"15\">" + escape(left) + "</text>"
        + "<text x=\"" + (lw + 6) + "\" y=\"15\">" + escape(right) + "</text>"
        + "</g></svg>\n";
  }

  /** Runs of consecutive points that have a rate. */
  private static List<List<Integer>> segments(List<Point> points) {
    List<List<Integer>> segments = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).rate() == null) {
        if (!current.isEmpty()) {
          segments.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(i);
      }
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    return segments;
  }

  private static double y(double value, double yMin, double yMax, double plotH) {
    return TOP + plotH * (1 - (value - yMin) / (yMax - yMin));
  }

  private static double niceStep(double spanPercent) {
    double[] steps = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25};
    for (double s : steps) {
      if (spanPercent / s <= 6) {
        return s;
      }
    }
    return 25;
  }

  private static String percentLabel(double value, double step) {
    int decimals = step * 100 >= 1 ? 0 : 1;
    return BigDecimal.valueOf(value * 100).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** A coordinate with one decimal, written the same way on every machine; faster than format(). */
  static String f(double v) {
    return f(new StringBuilder(8), v).toString();
  }

  /** Appends a coordinate to one decimal place: {@code 12.5}, {@code -3.0}. */
  static StringBuilder f(StringBuilder out, double v) {
    long tenths = Math.round(v * 10);
    if (tenths < 0) {
      out.append('-');
    }
    long abs = Math.abs(tenths);
    return out.append(abs / 10).append('.').append(abs % 10);
  }

  /**
   * Text escaped for both HTML and XML: a badge is a file of its own, read by an XML parser, which
   * knows no {@code &nbsp;} (a no-break space in a title made every such badge ill-formed: an
   * error in place of the image). The five XML characters and a no-break space become numeric or
   * XML references.
   */
  static String escape(String text) {
    return Entities.escape(text, XML_SAFE);
  }

  private static final org.jsoup.nodes.Document.OutputSettings XML_SAFE =
      new org.jsoup.nodes.Document.OutputSettings()
          .escapeMode(Entities.EscapeMode.xhtml)
          .charset(java.nio.charset.StandardCharsets.UTF_8);
}
