package dev.kept.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Links the first use of each glossary term on a page to the term's entry on the method page
 * ({@code how-we-measure/#term-likely-range}), wherever the use came from: the theme's words, a
 * sentence the explain stage wrote, or the charter's own prose. It works on the page as rendered,
 * that is on escaped text, and adds nothing but {@code <a class="term" href="...">} around words
 * already there, so no words file ever holds markup for it.
 *
 * <p>The terms, and the words that count as a use of each, are the theme's words {@code
 * glossary_<key>} and {@code glossary_<key>_uses} (uses separated by {@code |}, matched without
 * regard to case, as whole words). Text is left alone inside the head, a link, a heading, a table's
 * caption or column headings, the glossary itself ({@code <dl class="glossary">}), a {@code <dfn>},
 * code, SVG, a verdict ({@code class="verdict ..."}) and a {@code <span>} without attributes (a
 * table cell's label, shown only on narrow screens). Immutable and thread-safe.
 */
final class Glossary {
  /** The glossary's entries, in the method page's order: the key of their words, and their id. */
  static final List<String> KEYS = List.of("likely_range", "normal_variation", "provisional", "too_few_to_tell", "left_out");

  /** Elements whose text is never linked. */
  private static final List<String> SKIPPED =
      List.of("head", "a", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "thead", "dfn", "code", "pre", "svg",
          "title", "script", "style", "textarea", "button", "label", "select", "option", "time");

  /** Elements with no end tag. */
  private static final List<String> VOID =
      List.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

  private record Term(String id, List<String> uses) {}

  private final List<Term> terms;

  private Glossary(List<Term> terms) {
    this.terms = terms;
  }

  /** The glossary in the theme's words {@code t}; a term without words for its uses is left out. */
  static Glossary of(Map<String, String> t) {
    List<Term> terms = new ArrayList<>();
    for (String key : KEYS) {
      String uses = t.get("glossary_" + key + "_uses");
      if (uses == null || uses.isBlank()) {
        continue;
      }
      List<String> list = new ArrayList<>();
      for (String use : uses.split("\\|")) {
        if (!use.isBlank()) {
          list.add(use.strip());
        }
      }
      terms.add(new Term(id(key), List.copyOf(list)));
    }
    return new Glossary(List.copyOf(terms));
  }

  /** The id of a term's entry on the method page: "term-likely-range". */
  static String id(String key) {
    return "term-" + key.replace('_', '-');
  }

  /**
   * The page with the first use of each term linked to {@code base + "#" + id}: {@code base} is
   * the method page's address from this page, or empty on the method page itself.
   */
  String link(String html, String base) {
    Objects.requireNonNull(base, "base");
    boolean[] done = new boolean[terms.size()];
    int left = terms.size();
    StringBuilder out = null;
    int copied = 0;
    Deque<String> open = new ArrayDeque<>(); // the names of the open elements, innermost first
    Deque<Boolean> skips = new ArrayDeque<>(); // whether each is one whose text is left alone
    int skipping = 0;
    int n = html.length();
    int i = 0;
    while (i < n && left > 0) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        int end = html.indexOf('>', i);
        if (end < 0) {
          break;
        }
        boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
        int from = closing ? i + 2 : i + 1;
        int to = from;
        while (to < end && Character.isLetterOrDigit(html.charAt(to))) {
          to++;
        }
        String name = html.substring(from, to).toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
          if (closing) {
            if (open.contains(name)) {
              // Close up to and with the matching element, as a browser would.
              while (!open.isEmpty()) {
                String popped = open.pop();
                if (skips.pop()) {
                  skipping--;
                }
                if (popped.equals(name)) {
                  break;
                }
              }
            }
          } else if (!VOID.contains(name) && html.charAt(end - 1) != '/') {
            boolean skip = SKIPPED.contains(name) || skippedSpan(name, html, to, end);
            open.push(name);
            skips.push(skip);
            if (skip) {
              skipping++;
            }
          }
        }
        i = end + 1;
        continue;
      }
      int next = html.indexOf('<', i);
      if (next < 0) {
        next = n;
      }
      if (skipping == 0) {
        // Link, in this run of text, each term not yet linked, earliest first.
        int at = i;
        while (at < next && left > 0) {
          int best = -1;
          int bestTerm = -1;
          int bestLength = 0;
          for (int k = 0; k < terms.size(); k++) {
            if (done[k]) {
              continue;
            }
            for (String use : terms.get(k).uses()) {
              int found = find(html, use, at, next);
              if (found >= 0 && (best < 0 || found < best || (found == best && use.length() > bestLength))) {
                best = found;
                bestTerm = k;
                bestLength = use.length();
              }
            }
          }
          if (best < 0) {
            break;
          }
          if (out == null) {
            out = new StringBuilder(html.length() + 512);
          }
          out.append(html, copied, best)
              .append("<a class=\"term\" href=\"")
              .append(new HtmlWriter(64).text(base + "#" + terms.get(bestTerm).id()))
              .append("\">")
              .append(html, best, best + bestLength)
              .append("</a>");
          copied = best + bestLength;
          done[bestTerm] = true;
          left--;
          at = best + bestLength;
        }
      }
      i = next;
    }
    if (out == null) {
      return html;
    }
    return out.append(html, copied, n).toString();
  }

  /** A verdict's span, a span without attributes (a cell's label), or the glossary itself. */
  private static boolean skippedSpan(String name, String html, int to, int end) {
    if (name.equals("dl")) {
      return html.substring(to, end).contains("glossary");
    }
    if (!name.equals("span")) {
      return false;
    }
    String attributes = html.substring(to, end).strip();
    return attributes.isEmpty() || attributes.contains("verdict");
  }

  /** Where {@code use} first stands as whole words in {@code html} between from and to, or -1. */
  private static int find(String html, String use, int from, int to) {
    int length = use.length();
    char lower = Character.toLowerCase(use.charAt(0));
    char upper = Character.toUpperCase(use.charAt(0));
    for (int at = from; at + length <= to; at++) {
      char c = html.charAt(at);
      if ((c == lower || c == upper)
          && html.regionMatches(true, at, use, 0, length)
          && (at == from || !Character.isLetterOrDigit(html.charAt(at - 1)))
          && (at + length == to || !Character.isLetterOrDigit(html.charAt(at + length)))) {
        return at;
      }
    }
    return -1;
  }
}
