package dev.kept.importer;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.kept.load.Decimals;
import dev.kept.measure.Judge;
import dev.kept.model.Finding;
import dev.kept.model.Severity;
import dev.kept.model.Share;
import dev.kept.model.SourcePos;
import dev.kept.publish.PublishException;
import dev.kept.publish.Publisher;
import dev.kept.render.Output;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Imports the Government of Canada's service standards and results (the Open Government Portal's
 * service standards data, in its 2018-2020 and 2024 layouts) into a Kept charter: one promise per
 * service standard, one fiscal-year period per row, the department as owner and group.
 *
 * <p>The source's own mistakes are never dropped silently. Each is reported with its file and line,
 * and handled by a fixed rule:
 *
 * <ul>
 *   <li>Blank, {@code NA} or {@code ND} counts: a declared gap, "not reported".
 *   <li>More met than counted: the row's counts are not published; a declared gap says why.
 *   <li>A target of 0 or blank: the share stated in the standard's wording ("80% of the time") is
 *       used if there is one; otherwise the promise is published as not measured yet.
 *   <li>An id used twice by one department in one year: the later rows get their own promise, with
 *       {@code -2}, {@code -3} ... after the id.
 *   <li>Years with no row between a standard's first and the latest year: declared gaps, "not
 *       reported".
 * </ul>
 *
 * <p>Not thread-safe; use one per import.
 */
public final class GcServiceStandards {
  /** A share in a standard's wording, "80%" or "99.5 %": at most six decimals, not part of a longer number. */
  private static final Pattern STATED_SHARE = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,6})?)\\s?%");

  /** A fiscal year as the source writes it: 2023-2024 or 2023-24. */
  private static final Pattern FISCAL_YEAR = Pattern.compile("(\\d{4})-(\\d{4}|\\d{2})");

  /**
   * The source has rows Kept cannot import at all, such as a fiscal year it cannot read: nothing
   * was written. Each problem is a finding with its file, line and column.
   */
  public static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Finding> findings;

    InputException(List<Finding> findings) {
      super(findings.size() + " rows cannot be imported");
      this.findings = List.copyOf(findings);
    }

    /** What is wrong, row by row. */
    public List<Finding> findings() {
      return findings;
    }
  }

  /** What an import did. */
  public record Summary(
      int rowsRead,
      int promisesWritten,
      int notMeasured,
      int gaps,
      Map<String, Integer> refused,
      List<String> notes,
      Map<String, Integer> published) {
    /** The summary in words, one item per line. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "rows read: %,d%n", rowsRead));
      out.append(String.format(Locale.ROOT, "promises written: %,d (%,d not measured yet)%n", promisesWritten, notMeasured));
      out.append(String.format(Locale.ROOT, "gaps declared: %,d%n", gaps));
      int total = refused.values().stream().mapToInt(Integer::intValue).sum();
      out.append(String.format(Locale.ROOT, "rows handled by a rule: %,d%n", total));
      refused.forEach((why, n) -> out.append(String.format(Locale.ROOT, "  %,d %s%n", n, why)));
      out.append("the source's own verdicts (target_met), against its counts judged exactly:\n");
      published.forEach((what, n) -> out.append(String.format(Locale.ROOT, "  %,d %s%n", n, what)));
      return out.toString();
    }
  }

  /** One row of either layout, normalised; {@code yearColumn} is where its fiscal year is written. */
  private record Row(
      String file, String path, int line, int yearColumn, String year, String id, String department, String service,
      String standard, String target, String kept, String cases, String promiseUrl, String resultsUrl,
      String channel, String publishedMet) {}

  private final List<String> notes = new ArrayList<>();
  /** The editor schemas, relative to a promise file and to charter.yaml; empty when not found. */
  private Optional<String> promiseSchema = Optional.empty();
  private Optional<String> charterSchema = Optional.empty();
  private final Map<String, Integer> refused = new TreeMap<>();

  /**
   * Reads the files and writes the charter into {@code out}, which must not exist yet or be empty,
   * as a build writes a site: into a staging folder beside it, then moved into place whole, so that
   * an import that fails leaves {@code out} as it was.
   *
   * @param out a publisher for a new folder ({@link Publisher#newFolder})
   * @param published the charter's published date (YYYY-MM-DD)
   * @throws InputException when a row cannot be imported at all; nothing is written
   * @throws PublishException when the folder cannot be written; it is left as it was
   */
  public Summary importFiles(List<Path> files, Publisher out, String published, String nextUpdate)
      throws IOException, InputException, PublishException {
    Objects.requireNonNull(out, "out");
    List<Row> rows = new ArrayList<>();
    for (Path file : files) {
      rows.addAll(read(file));
    }
    List<Finding> unreadable = new ArrayList<>();
    for (Row r : rows) {
      if (startYear(r.year()).isEmpty()) {
        unreadable.add(
            new Finding(
                Severity.ERROR,
                new SourcePos(r.path(), r.line(), r.yearColumn()),
                "fiscal_yr '" + r.year() + "' is not a fiscal year, so the row cannot be placed in a period",
                Optional.of("Write it as the source does, such as 2023-2024 or 2023-24."),
                Optional.empty()));
      }
    }
    if (!unreadable.isEmpty()) {
      throw new InputException(unreadable);
    }
    try (Publisher.Staging staging = out.begin()) {
      Summary summary = write(rows, out.output(), staging, published, nextUpdate);
      staging.commit(written);
      return summary;
    }
  }

  /** The paths written into the staging folder, for its commit to check. */
  private final List<String> written = new ArrayList<>();

  private Summary write(List<Row> rows, Path out, Output into, String published, String nextUpdate)
      throws IOException {
    // Group by department and id; an id repeated in one year becomes a promise of its own.
    Map<String, Map<String, Row>> byPromise = new LinkedHashMap<>();
    Map<String, Integer> latestYear = new TreeMap<>();
    for (Row r : rows) {
      String base = id(r.department(), r.id());
      String key = base;
      boolean sameYear = false;
      for (int n = 2; byPromise.containsKey(key) && !belongs(byPromise.get(key), r); n++) {
        sameYear |= byPromise.get(key).containsKey(r.year());
        key = base + "-" + n;
      }
      if (!key.equals(base)) {
        note(r, "the id " + r.id() + " is used again by " + r.department()
            + (sameYear ? " in " + r.year() : " for a different standard")
            + "; published as a promise of its own, " + key, "reused id: published as a promise of its own");
      }
      byPromise.computeIfAbsent(key, k -> new TreeMap<>()).put(r.year(), r);
      latestYear.merge("latest", startYear(r.year()).orElseThrow(), Math::max);
    }
    int latest = latestYear.getOrDefault("latest", 2023);

    Path schema = Path.of("schema").toAbsolutePath();
    if (Files.isRegularFile(schema.resolve("promise.schema.json"))) {
      Path abs = out.toAbsolutePath().normalize();
      promiseSchema = Optional.of(abs.resolve("promises").relativize(schema.resolve("promise.schema.json")).toString().replace('\\', '/'));
      charterSchema = Optional.of(abs.relativize(schema.resolve("charter.schema.json")).toString().replace('\\', '/'));
    }
    int gaps = 0;
    int notMeasured = 0;
    Map<String, Integer> compared = new TreeMap<>();
    List<String> order = new ArrayList<>();
    for (Map.Entry<String, Map<String, Row>> e : byPromise.entrySet()) {
      String key = e.getKey();
      Map<String, Row> years = e.getValue();
      Row last = years.values().stream().reduce((a, b) -> b).orElseThrow();
      Optional<String> target = Optional.empty();
      for (Row r : years.values()) {
        Optional<String> t = target(r);
        if (t.isPresent()) {
          target = t;
        }
      }
      int first = years.keySet().stream().mapToInt(y -> startYear(y).orElseThrow()).min().orElseThrow();
      StringBuilder csv = new StringBuilder("period,cases,kept,excluded,note\n");
      if (target.isPresent()) {
        for (int y = first; y <= latest; y++) {
          Row r = years.get(fiscal(y));
          String label = label(y);
          Optional<long[]> counts = r == null ? Optional.empty() : counts(r);
          if (counts.isPresent() && r != null && (r.publishedMet().equals("Y") || r.publishedMet().equals("N"))) {
            long[] c = counts.get();
            Share share = new Share(Decimals.parse(target.get().replace("%", "")).orElseThrow().movePointLeft(2), target.get());
            // The source's target_met says whether the target was reached: H2, as Judge decides it.
            boolean met = c[1] > 0 && Judge.reached(c[0], c[1], share);
            boolean said = r.publishedMet().equals("Y");
            String what =
                said && !met ? "published as met, but the counts show the target missed"
                    : !said && met ? "published as not met, but the counts show the target met"
                    : said ? "published as met, and the counts agree" : "published as not met, and the counts agree";
            compared.merge(what, 1, Integer::sum);
            if (said != met) {
              notes.add(r.file() + ":" + r.line() + ": " + what + ": " + c[0] + " of " + c[1] + " against " + target.get());
            }
          }
          if (counts.isPresent()) {
            csv.append(label).append(',').append(counts.get()[1]).append(',').append(counts.get()[0]).append(",0,\n");
          } else {
            String why = r != null && isOverCount(r)
                ? "Not published: the source reports more cases meeting the standard than it counted."
                : "Not reported.";
            csv.append(label).append(",,,,").append(why).append('\n');
            gaps++;
          }
        }
      } else {
        notMeasured++;
      }
      writePromise(into, "promises/" + key + ".yaml", last, target, label(first), years);
      if (target.isPresent()) {
        into.write("figures/" + key + ".csv", csv.toString());
        written.add("figures/" + key + ".csv");
      }
      order.add(key);
    }
    into.write("charter.yaml", charterText(published, nextUpdate, charterSchema));
    written.add("charter.yaml");
    return new Summary(rows.size(), byPromise.size(), notMeasured, gaps, refused, List.copyOf(notes), compared);
  }

  /**
   * Whether a row continues a promise: a year it has no row for, and wording close enough to be the
   * same standard (edits, not a different standard under a reused id).
   */
  private static boolean belongs(Map<String, Row> promise, Row r) {
    if (promise.containsKey(r.year())) {
      return false;
    }
    String before = promise.values().iterator().next().standard().toLowerCase(Locale.ROOT);
    String now = r.standard().toLowerCase(Locale.ROOT);
    int longest = Math.max(before.length(), now.length());
    if (longest == 0) {
      return true;
    }
    int distance = new org.apache.commons.text.similarity.LevenshteinDistance().apply(before, now);
    return 1.0 - (double) distance / longest >= 0.5;
  }

  private List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvParser parser = (CsvParser) new CsvFactory().createParser(reader)) {
      parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      List<String> header = null;
      List<String> cells = null;
      List<Integer> columns = null;
      int line = 0;
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          depth++;
          if (depth == 2) {
            cells = new ArrayList<>();
            columns = new ArrayList<>();
            line = -1;
          }
        } else if (token == JsonToken.VALUE_STRING && cells != null) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          cells.add(parser.getText());
          columns.add(parser.currentTokenLocation().getColumnNr());
        } else if (token == JsonToken.END_ARRAY) {
          depth--;
          if (depth == 1 && cells != null) {
            if (header == null) {
              header = new ArrayList<>();
              for (String h : cells) {
                header.add(h.replace("\uFEFF", "").strip());
              }
            } else if (!(cells.size() == 1 && cells.get(0).isBlank())) {
              Map<String, String> m = new LinkedHashMap<>();
              for (int i = 0; i < header.size() && i < cells.size(); i++) {
                m.put(header.get(i), cells.get(i).strip());
              }
              int at = header.indexOf("fiscal_yr");
              int column = at >= 0 && at < columns.size() ? Math.max(1, columns.get(at)) : 0;
              rows.add(row(file.getFileName().toString(), file.toString(), line, column, m));
            }
            cells = null;
          }
        }
      }
    }
    return rows;
  }

  private static Row row(String file, String path, int line, int yearColumn, Map<String, String> m) {
    boolean modern = m.containsKey("service_standard_id");
    String department =
        modern
            ? m.getOrDefault("owner_org_title", "").split("\\|")[0].strip()
            : m.getOrDefault("department_name_en", "").strip();
    return new Row(
        file,
        path,
        line,
        yearColumn,
        m.getOrDefault("fiscal_yr", ""),
        modern ? m.get("service_standard_id") : m.getOrDefault("service_std_id", ""),
        department.isEmpty() ? "Unknown department" : department,
        m.getOrDefault("service_name_en", ""),
        modern ? m.getOrDefault("service_standard_en", "") : m.getOrDefault("service_std_en", ""),
        modern ? scaled(m.getOrDefault("target", "")) : m.getOrDefault("service_std_target", ""),
        m.getOrDefault("volume_meeting_target", ""),
        m.getOrDefault("total_volume", ""),
        modern ? m.getOrDefault("standards_targets_uri_en", "") : m.getOrDefault("service_std_url_en", ""),
        modern ? m.getOrDefault("performance_results_uri_en", "") : m.getOrDefault("realtime_result_url_en", ""),
        m.getOrDefault("channel", ""),
        m.getOrDefault("target_met", ""));
  }

  /** The 2024 layout writes targets as a share of 1 (0.9); the older one as a percentage (90). */
  private static String scaled(String share) {
    Optional<BigDecimal> parsed = Decimals.parse(share);
    if (parsed.isEmpty()) {
      return share;
    }
    BigDecimal v = parsed.get();
    return v.compareTo(BigDecimal.ONE) <= 0 ? v.movePointRight(2).stripTrailingZeros().toPlainString() : v.toPlainString();
  }

  /** The target as a Kept share ("90%"), by the rules in the class comment; empty for none. */
  private Optional<String> target(Row r) {
    // blank, NA, ND: no target given; a number too long or too large to read: none either
    BigDecimal percent = Decimals.parse(r.target()).orElse(null);
    if (percent != null && percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
      return Optional.of(percent.setScale(Math.min(6, Math.max(0, percent.stripTrailingZeros().scale())), RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%");
    }
    Matcher stated = STATED_SHARE.matcher(r.standard());
    if (stated.find()) {
      BigDecimal share = Decimals.parse(stated.group(1)).orElseThrow();
      if (share.signum() > 0 && share.compareTo(BigDecimal.valueOf(100)) <= 0) {
        note(r, "the target is " + (r.target().isEmpty() ? "blank" : r.target()) + " but the wording states "
            + stated.group(1) + "%; used " + stated.group(1) + "%", "target 0 or blank: used the share the wording states");
        return Optional.of(share.stripTrailingZeros().toPlainString() + "%");
      }
    }
    if (percent == null && Decimals.isTooLarge(r.target())) {
      note(r, "the target " + shorten(r.target()) + " is too long or too large a number to read; published as"
          + " not measured yet", "target not a readable number: not measured yet");
    } else if (percent != null && percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      note(r, "the target " + r.target() + " is above 100%; published as not measured yet", "target above 100%: not measured yet");
    } else {
      note(r, "no target and no share in the wording; published as not measured yet", "no target: not measured yet");
    }
    return Optional.empty();
  }

  private static boolean isOverCount(Row r) {
    Optional<long[]> raw = parse(r);
    return raw.isPresent() && raw.get()[0] > raw.get()[1];
  }

  private static Optional<long[]> parse(Row r) {
    try {
      Optional<BigDecimal> kept = Decimals.parse(r.kept());
      Optional<BigDecimal> cases = Decimals.parse(r.cases());
      if (kept.isEmpty() || cases.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new long[] {kept.get().longValueExact(), cases.get().longValueExact()});
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** kept and cases, or empty for a gap, with any source mistake noted. */
  private Optional<long[]> counts(Row r) {
    Optional<long[]> raw = parse(r);
    if (raw.isEmpty()) {
      if (!r.kept().isBlank() || !r.cases().isBlank()) {
        String shown = (r.kept() + "/" + r.cases()).strip();
        if (!shown.matches("(NA|ND|/)*")) {
          note(r, "counts '" + shorten(r.kept()) + "' of '" + shorten(r.cases()) + "' are not whole numbers; declared a gap", "counts not whole numbers: gap");
        }
      }
      return Optional.empty();
    }
    long[] c = raw.get();
    if (c[0] < 0 || c[1] < 0) {
      note(r, "negative counts " + c[0] + " of " + c[1] + "; declared a gap", "negative counts: gap");
      return Optional.empty();
    }
    if (c[0] > c[1]) {
      note(r, "more met (" + c[0] + ") than counted (" + c[1] + "); the counts are not published, and a gap says why",
          "more met than counted: gap with the reason");
      return Optional.empty();
    }
    return raw;
  }

  private void note(Row r, String message, String rule) {
    notes.add(r.file() + ":" + r.line() + ": " + message);
    refused.merge(rule, 1, Integer::sum);
  }

  private void writePromise(Output into, String file, Row r, Optional<String> target, String since, Map<String, Row> years)
      throws IOException {
    Map<String, Object> yaml = new LinkedHashMap<>();
    String standard = r.standard().isBlank() ? "(The source gives no wording for this standard.)" : r.standard();
    yaml.put("title", title(r));
    yaml.put("promise", markdown(standard));
    if (target.isPresent()) {
      yaml.put("unit", "cases");
      yaml.put("kept_when", "the standard was met: " + plain(lowerFirst(standard)));
      yaml.put("target", target.get());
      yaml.put("since", since);
    } else {
      yaml.put("measure", "none");
      yaml.put("kept_when", "the standard was met: " + plain(lowerFirst(standard)));
    }
    yaml.put("not_covered", List.of("The source does not say what this standard does not cover."));
    yaml.put("measured", "Figures as " + markdown(r.department()) + " published them in the Government of Canada's"
        + " service standards open data (" + String.join(", ", years.keySet()) + ")"
        + (r.channel().isBlank() || r.channel().equals("NA") ? "" : ", channel " + markdown(r.channel())) + ".");
    yaml.put("remedy", "none");
    yaml.put("owner", r.department());
    yaml.put("group", r.department());
    url(r.promiseUrl()).ifPresent(u -> yaml.put("promise_url", u));
    url(r.resultsUrl()).ifPresent(u -> yaml.put("results_url", u));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(100);
    options.setSplitLines(true);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    written.add(file);
    try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(into.open(file), StandardCharsets.UTF_8))) {
      if (promiseSchema.isPresent()) {
        w.write("# yaml-language-server: $schema=" + promiseSchema.get() + "\n");
      }
      w.write("# Imported from the Government of Canada's service standards open data (" + r.file() + ", line " + r.line() + ").\n");
      new Yaml(options).dump(yaml, w);
    }
  }

  private static String charterText(String published, String nextUpdate, Optional<String> schema) {
    return
        schema.map(s -> "# yaml-language-server: $schema=" + s + "\n").orElse("")
            + String.format(
                Locale.ROOT,
                """
        # The Government of Canada's service standards and results, imported by
        # `kept import gc-service-standards` from the Open Government Portal's open data.
        # The wording is the government's, published as it is, so the plain-language lint is off.
        organisation: Government of Canada
        title: Service standards and results
        language: en
        period: year
        year_starts: 4
        headline: 1
        published: %s
        next_update: %s
        lint:
          off: [hedging, vague-time, long-sentence, double-negative, reading-grade, kept-when-number, remedy-empty]
        """,
                published,
                nextUpdate);
  }

  /** A value from the source, cut to a length a message can show. */
  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private static String title(Row r) {
    String t = r.standard().isBlank() ? r.service() : r.standard();
    t = t.replaceAll("\\s+", " ").strip();
    if (t.length() > 110) {
      int cut = t.lastIndexOf(' ', 107);
      t = t.substring(0, cut > 60 ? cut : 107) + "…";
    }
    return t.isEmpty() ? "Service standard " + r.id() : t;
  }

  /** Text as Markdown that shows exactly the text: every character Markdown reads as syntax is escaped. */
  static String markdown(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder();
    for (char c : oneLine.toCharArray()) {
      if ("\\`*_{}[]<>()#+-.!|~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Text for a plain field: one line, no characters a reader would not expect. */
  private static String plain(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The first full web address in the cell (some cells hold several, joined by "<>"). */
  private static Optional<String> url(String cell) {
    for (String part : cell.split("<>|\\s+")) {
      Optional<java.net.URI> uri = dev.kept.model.WebAddress.web(part);
      if (uri.isPresent()) {
        return Optional.of(uri.get().toString());
      }
    }
    return Optional.empty();
  }

  private static String id(String department, String id) {
    String dept = department.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
    StringBuilder initials = new StringBuilder();
    for (String w : dept.split(" ")) {
      if (!w.isEmpty() && !List.of("of", "and", "the", "for", "de", "du", "des", "la", "le").contains(w)) {
        initials.append(w.charAt(0));
      }
    }
    String clean = dev.kept.model.Names.hyphenateTrimmed(id);
    String result = "gc-" + (initials.length() == 0 ? "x" : initials) + "-" + (clean.isEmpty() ? "0" : clean);
    result = result.length() > 60 ? result.substring(0, 60) : result;
    // The loader's one rule for names (never a device name; always so, as ids start "gc-").
    return dev.kept.model.Names.isValid(result) ? result : dev.kept.model.Names.suggest(result);
  }

  /**
   * "2023-2024" or "2023-24" → 2023; empty for anything else, such as "FY23", "20", or a second year
   * that does not follow the first.
   */
  static Optional<Integer> startYear(String fiscal) {
    Matcher m = FISCAL_YEAR.matcher(fiscal.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int start = Integer.parseInt(m.group(1));
    int end = Integer.parseInt(m.group(2));
    boolean follows = m.group(2).length() == 4 ? end == start + 1 : end == (start + 1) % 100;
    return follows ? Optional.of(start) : Optional.empty();
  }

  private static String fiscal(int year) {
    return year + "-" + (year + 1);
  }

  private static String label(int year) {
    return String.format(Locale.ROOT, "%04d-%02d", year, (year + 1) % 100);
  }
}
