package dev.kept.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.io.output.StringBuilderWriter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kept.model.Charter;
import dev.kept.model.Counts;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedHeadline;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Headline;
import dev.kept.model.Markdown;
import dev.kept.model.Period;
import dev.kept.model.PeriodResult;
import dev.kept.model.Promise;
import dev.kept.model.PromiseRecord;
import dev.kept.model.RemedyResult;
import dev.kept.model.RemedyWords;
import dev.kept.model.Result;
import dev.kept.model.TargetRule;
import dev.kept.model.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import dev.kept.model.Interval;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the charter's data: {@code charter.json}, {@code charter.schema.json}, and for every
 * published promise its whole record {@code promises/<id>/data.json} and, when it is measured,
 * {@code figures/<id>.csv}.
 *
 * <p>Format 2 ({@value #FORMAT}): {@code charter.json} holds the charter and, for each promise, its
 * fields, its headline and its latest complete period with their sentences, and the address of its
 * record; it has no periods, so it is written from the charter-wide words alone. A promise's {@code
 * data.json} holds its fields and every period's facts (counts, display, range, verdict, qualifier,
 * flags, note), one period a line, without a generated sentence: the sentences are on the pages and
 * in the figures CSV.
 *
 * <p>Output is deterministic: fields in a fixed order, {@code \n} line ends, numbers written the
 * same way on every machine. Both files are described by {@code charter.schema.json}; their {@code
 * format} field names the version.
 *
 * <p>Thread-safe: the Jackson factories are shared and every call makes its own generators.
 */
public final class DataRenderer {
  /** The version of {@code charter.json}'s format. */
  public static final String FORMAT = "kept-charter/2";

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final CsvFactory CSV = new CsvFactory();
  /** Wilson bounds are published with 17 significant digits: all a double can hold. */
  private static final MathContext BOUNDS = new MathContext(17);

  /**
   * Starts writing a charter's data: {@code charter.json} up to its list of promises, and the
   * schema. {@link Json#promise} then adds each promise, in the charter's order, and {@link
   * Json#finish} closes the file.
   */
  public Json begin(ExplainedCharter explained, Output out) throws IOException {
    try (OutputStream stream = out.open(SitePaths.CHARTER_SCHEMA);
        InputStream schema = DataRenderer.class.getResourceAsStream("charter.schema.json")) {
      if (schema == null) {
        throw new IllegalStateException("charter.schema.json is missing from Kept's jar");
      }
      schema.transferTo(stream);
    }
    OutputStream stream = out.open(SitePaths.CHARTER_JSON);
    try {
      return new Json(explained, stream);
    } catch (IOException | RuntimeException e) {
      // The head did not fit (a full disk): let the file go, or it stays open after the build.
      try {
        stream.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * {@code charter.json} being written. Each promise's part is made apart ({@link #fragment}, on
   * any thread) and added in order ({@link Json#promise}, on one), so the file streams out with one
   * promise in memory at a time.
   */
  public static final class Json implements AutoCloseable {
    private final OutputStream stream;
    private boolean first = true;

    private Json(ExplainedCharter explained, OutputStream stream) throws IOException {
      this.stream = stream;
      try {
        head(explained);
      } catch (IOException | RuntimeException e) {
        // Nothing else holds the file yet: a head that fails (a full disk) must not leave it open.
        try {
          stream.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    private void head(ExplainedCharter explained) throws IOException {
      Charter c = explained.charter();
      JsonGenerator g = JSON.createGenerator(stream, JsonEncoding.UTF8);
      // The generator writes the head; the promises and the closing brackets are added as bytes.
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new Printer(0, CHARTER_LINES, false));
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("organisation", c.organisation());
      g.writeStringField("title", c.title());
      g.writeStringField("language", c.language());
      nullable(g, "base_url", c.baseUrl().map(Object::toString));
      g.writeStringField("period", c.periodKind().word());
      g.writeStringField("published", c.published().toString());
      nullable(g, "next_update", c.nextUpdate().map(Object::toString));
      nullable(g, "contact", c.contact().map(Object::toString));
      g.writeNumberField("minimum_cases", c.minimumCases());
      g.writeStringField("exclusion_warning", c.exclusionWarning().written());
      g.writeNumberField("headline_periods", c.headlinePeriods());
      nullable(g, "latest_complete_period", explained.measured().latestComplete().map(Period::label));
      g.writeStringField("summary", explained.summary());
      g.writeFieldName("promises");
      g.writeRaw(" : [");
      g.close();
    }

    /**
     * Adds the next promise's part, made by {@link DataRenderer#fragment}.
     *
     * @throws IllegalStateException when the part is not one JSON object (a bug in Kept)
     */
    public void promise(byte[] fragment) throws IOException {
      if (fragment.length < 2 || fragment[0] != '{' || fragment[fragment.length - 1] != '}') {
        throw new IllegalStateException("a promise's part of charter.json is not one JSON object");
      }
      stream.write(first ? PROMISE_FIRST : PROMISE_NEXT);
      first = false;
      stream.write(fragment);
    }

    /** Ends the list of promises and the file. */
    public void finish() throws IOException {
      stream.write((first ? " ]\n}\n" : "\n  ]\n}\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }

    private static final byte[] PROMISE_FIRST = "\n    ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PROMISE_NEXT = ",\n    ".getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One promise's part of {@code charter.json}, in UTF-8, indented to sit in its list: its fields,
   * its headline and its latest complete period with their sentences, and the address of its whole
   * record. Made from the charter-wide words alone: no period beyond the latest is needed.
   */
  public byte[] fragment(ExplainedPromise explained) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(8192);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new Printer(2, CHARTER_LINES, false));
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      writePromise(g, explained);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes a promise's whole record, {@code promises/<id>/data.json}: its fields and every period's
   * facts, oldest first, gaps included (H11), each period on one line of its own so that a change
   * to one period's figures is a one-line change in a diff.
   */
  public void record(PromiseRecord record, Charter charter, Output out) throws IOException {
    try (OutputStream stream = out.open(dataPath(record.promise()))) {
      stream.write(recordBytes(record, charter));
    }
  }

  /** Where a promise's whole record is published, relative to the site root. */
  public static String dataPath(Promise promise) {
    return SitePaths.promiseData(promise.id());
  }

  private byte[] recordBytes(PromiseRecord record, Charter charter) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096 + record.periods().size() * 520);
    Promise p = record.promise();
    // Addresses in a promise's record are relative to the record, as a browser resolves them.
    String toRoot = SitePaths.rootOf(SitePaths.promiseUrl(p.id()));
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      g.setPrettyPrinter(new Printer(0, RECORD_LINES, true));
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("charter_json", toRoot + SitePaths.CHARTER_JSON);
      g.writeStringField("published", charter.published().toString());
      writeFields(g, p);
      nullable(g, "figures_csv", p.isMeasured() ? Optional.of(toRoot + csvPath(p)) : Optional.empty());
      g.writeArrayFieldStart("periods");
      for (ExplainedPeriod period : record.periods()) {
        writePeriod(g, period, false);
      }
      g.writeEndArray();
      writeMisses(g, record.explained());
      g.writeEndObject();
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  /** Writes a promise's figures file, when it is measured. */
  public void csv(PromiseRecord record, Output out) throws IOException {
    if (record.promise().isMeasured()) {
      try (OutputStream stream = out.open(csvPath(record.promise()))) {
        writeCsv(record, stream);
      }
    }
  }

  /** Where a promise's figures are published, relative to the site root. */
  public static String csvPath(Promise promise) {
    return SitePaths.figures(promise.id());
  }

  /**
   * Jackson's pretty printer, two spaces a level, with its lines broken only down to a depth: the
   * fields of anything deeper, and its closing brace, stay on its line. {@code depth} is how deep
   * the generator starts in the whole file; {@code compact} writes the deeper parts without spaces.
   */
  private static final class Printer extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;
    private final int depth;
    private final int lines;
    private final boolean compact;

    Printer(int depth, int lines, boolean compact) {
      this.depth = depth;
      this.lines = lines;
      this.compact = compact;
      DefaultPrettyPrinter.Indenter indenter =
          new DefaultPrettyPrinter.Indenter() {
            @Override
            public void writeIndentation(JsonGenerator g, int level) throws IOException {
              int at = depth + level;
              if (at <= lines) {
                g.writeRaw('\n');
                for (int i = 0; i < at; i++) {
                  g.writeRaw("  ");
                }
              } else if (!compact) {
                g.writeRaw(' ');
              }
            }

            @Override
            public boolean isInline() {
              return false;
            }
          };
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Printer(depth, lines, compact);
    }

    private boolean deep(JsonGenerator g) {
      return depth + g.getOutputContext().getNestingDepth() > lines;
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      if (compact && deep(g)) {
        g.writeRaw(':');
        return;
      }
      super.writeObjectFieldValueSeparator(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (deep(g)) {
        _nesting--;
        g.writeRaw(compact ? "}" : " }");
        return;
      }
      super.writeEndObject(g, nrOfEntries);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (compact && deep(g)) {
        _nesting--;
        g.writeRaw(']');
        return;
      }
      super.writeEndArray(g, nrOfValues);
    }
  }

  /**
   * How deep lines break in {@code charter.json} (root object, promises list, promise, headline):
   * every field of a headline or a latest period has its line; deeper objects stay on one.
   */
  private static final int CHARTER_LINES = 4;

  /**
   * How deep lines break in a promise's record (root object, periods list): each period, and each
   * version of the target, is one line.
   */
  private static final int RECORD_LINES = 2;

  private void writePromise(JsonGenerator g, ExplainedPromise explained) throws IOException {
    Promise p = explained.promise();
    g.writeStartObject();
    writeFields(g, p);
    g.writeStringField("status_sentence", explained.statusSentence());
    nullable(g, "figures_csv", p.isMeasured() ? Optional.of(csvPath(p)) : Optional.empty());
    g.writeStringField("data", dataPath(p));
    if (explained.headline().isPresent()) {
      ExplainedHeadline h = explained.headline().get();
      Headline headline = h.headline();
      g.writeObjectFieldStart("headline");
      g.writeStringField("from", headline.from().label());
      g.writeStringField("to", headline.to().label());
      g.writeNumberField("periods", headline.periods());
      g.writeArrayFieldStart("gaps");
      for (Period gap : headline.gaps()) {
        g.writeString(gap.label());
      }
      g.writeEndArray();
      g.writeBooleanField("target_changed", headline.targetChanged());
      g.writeBooleanField("definition_changed", headline.definitionChanged());
      writeFigure(g, headline.result(), h.words(), true);
      writeRemedies(g, headline.remedy(), h.remedy(), true);
      g.writeEndObject();
    } else {
      g.writeNullField("headline");
    }
    if (explained.latest().isPresent()) {
      g.writeFieldName("latest");
      writePeriod(g, explained.latest().get(), true);
    } else {
      g.writeNullField("latest");
    }
    writeNotYetExplained(g, explained);
    g.writeEndObject();
  }

  /**
   * H22: a promise's accounts of its misses, newest first, each on one line, and its clear misses
   * with no account yet. An account never changes a figure or a verdict: the periods carry those.
   */
  private static void writeMisses(JsonGenerator g, ExplainedPromise explained) throws IOException {
    g.writeArrayFieldStart("misses");
    for (dev.kept.model.ExplainedCharter.ExplainedAccount a : explained.accounts()) {
      dev.kept.model.Account account = a.account();
      g.writeStartObject();
      g.writeStringField("explains", account.headline() ? "headline" : "period");
      g.writeStringField("from", account.from().label());
      g.writeStringField("to", account.to().label());
      g.writeStringField("written", account.written().toString());
      g.writeStringField("happened", account.happened().source());
      g.writeStringField("doing", account.doing().source());
      nullable(g, "follow_up", account.followUp().map(Object::toString));
      g.writeBooleanField("follow_up_overdue", !a.overdue().isEmpty());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeNotYetExplained(g, explained);
  }

  /** H22: the clear misses with no account yet: periods of the headline window, and the headline. */
  private static void writeNotYetExplained(JsonGenerator g, ExplainedPromise explained) throws IOException {
    dev.kept.model.Misses misses = explained.measured().misses();
    g.writeObjectFieldStart("not_yet_explained");
    g.writeArrayFieldStart("periods");
    for (Period p : misses.unexplained()) {
      g.writeString(p.label());
    }
    g.writeEndArray();
    g.writeBooleanField("headline", misses.headlineUnexplained());
    g.writeEndObject();
  }

  /** One period: its facts, and with {@code sentences} the sentences that state them. */
  private static void writePeriod(JsonGenerator g, ExplainedPeriod period, boolean sentences) throws IOException {
    PeriodResult r = period.result();
    g.writeStartObject();
    g.writeStringField("period", r.period().label());
    g.writeBooleanField("provisional", r.provisional());
    writeFigure(g, r.result(), period.words(), sentences);
    writeRemedies(g, r.remedy(), period.remedy(), sentences);
    g.writeStringField("note", r.note());
    g.writeEndObject();
  }

  /**
   * How often the remedy was given, as one object (null when not published): the counts, the share
   * as displayed (H5), the range (H6; null when nothing was owed, H9) and, with {@code sentences},
   * the sentence; for a headline, the periods without remedy figures.
   */
  private static void writeRemedies(
      JsonGenerator g, Optional<RemedyResult> result, Optional<RemedyWords> words, boolean sentences)
      throws IOException {
    if (result.isEmpty() || words.isEmpty()) {
      g.writeNullField("remedies");
      return;
    }
    RemedyResult r = result.get();
    RemedyWords w = words.get();
    g.writeObjectFieldStart("remedies");
    g.writeNumberField("owed", r.remedies().owed());
    g.writeNumberField("given", r.remedies().given());
    nullable(g, "display", w.figure());
    if (r.interval().isPresent()) {
      g.writeNumberField("low", low(r.interval().get()));
      g.writeNumberField("high", high(r.interval().get()));
    } else {
      g.writeNullField("low");
      g.writeNullField("high");
    }
    nullable(g, "low_display", w.low());
    nullable(g, "high_display", w.high());
    if (sentences) {
      g.writeStringField("sentence", w.sentence());
    }
    if (!r.without().isEmpty()) {
      g.writeArrayFieldStart("without");
      for (Period p : r.without()) {
        g.writeString(p.label());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** A promise's own fields, as both files carry them. */
  private static void writeFields(JsonGenerator g, Promise p) throws IOException {
    g.writeStringField("id", p.id());
    g.writeStringField("title", p.title());
    g.writeStringField("status", p.status().word());
    g.writeBooleanField("is_measured", p.isMeasured());
    nullable(g, "unit", Optional.of(p.unit()).filter(u -> !u.isEmpty()));
    nullable(g, "kept_when", Optional.of(p.keptWhen()).filter(u -> !u.isEmpty()));
    nullable(g, "target", p.currentTarget().map(t -> t.target().written()));
    nullable(g, "since", p.since().map(Period::label));
    g.writeStringField("promise", p.promise().source());
    nullable(g, "owner", p.about().owner());
    nullable(g, "group", p.about().group());
    nullable(g, "promise_url", p.about().promiseUrl().map(Object::toString));
    nullable(g, "results_url", p.about().resultsUrl().map(Object::toString));
    g.writeArrayFieldStart("not_covered");
    for (Markdown m : p.notCovered()) {
      g.writeString(m.source());
    }
    g.writeEndArray();
    nullable(g, "how_we_measure", p.measured().map(Markdown::source));
    nullable(g, "remedy", p.remedy().map(Markdown::source));
    nullable(g, "promise_brief", p.promiseBrief());
    nullable(g, "remedy_brief", p.remedyTerms().brief());
    if (p.remedyTerms().automatic().isPresent()) {
      g.writeBooleanField("remedy_automatic", p.remedyTerms().automatic().get());
    } else {
      g.writeNullField("remedy_automatic");
    }
    g.writeArrayFieldStart("exclusions");
    for (Map.Entry<String, String> e : p.exclusions().entrySet()) {
      g.writeStartObject();
      g.writeStringField("code", e.getKey());
      g.writeStringField("description", e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("targets");
    for (TargetRule t : p.targets()) {
      g.writeStartObject();
      g.writeStringField("from", t.from().label());
      g.writeStringField("target", t.target().written());
      g.writeStringField("kept_when", t.keptWhen());
      nullable(g, "reason", t.reason());
      g.writeStringField("change", t.change().name().toLowerCase(java.util.Locale.ROOT));
      g.writeBooleanField("definition_changed", t.definitionChanged());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (p.retirement().isPresent()) {
      g.writeObjectFieldStart("retired");
      g.writeStringField("on", p.retirement().get().on().toString());
      g.writeStringField("reason", p.retirement().get().reason());
      g.writeEndObject();
    } else {
      g.writeNullField("retired");
    }
  }

  private static void writeFigure(JsonGenerator g, Result r, Words words, boolean sentences)
      throws IOException {
    Optional<Counts> counts = r.counts();
    if (counts.isPresent()) {
      Counts c = counts.get();
      g.writeNumberField("cases", c.cases());
      g.writeNumberField("kept", c.kept());
      g.writeNumberField("excluded", c.excluded());
      g.writeObjectFieldStart("excluded_by_reason");
      for (Map.Entry<String, Long> e : c.excludedByReason().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeNullField("cases");
      g.writeNullField("kept");
      g.writeNullField("excluded");
      g.writeNullField("excluded_by_reason");
    }
    g.writeStringField("target", r.target().written());
    Optional<Words.Rate> rate = words.rate();
    nullable(g, "display", rate.map(Words.Rate::figure));
    if (r.interval().isPresent()) {
      g.writeNumberField("low", low(r.interval().get()));
      g.writeNumberField("high", high(r.interval().get()));
    } else {
      g.writeNullField("low");
      g.writeNullField("high");
    }
    nullable(g, "low_display", rate.map(Words.Rate::low));
    nullable(g, "high_display", rate.map(Words.Rate::high));
    g.writeStringField("verdict", r.verdict().name());
    nullable(g, "qualifier", r.qualifier().map(q -> q.words()));
    g.writeNumberField("minimum_cases", r.minimumCases());
    g.writeBooleanField("few_cases", r.fewCases());
    g.writeBooleanField("exclusion_flag", r.exclusionFlag());
    if (r.exclusions().isPresent()) {
      g.writeNumberField("exclusion_share", round(r.exclusions().get().share()));
      g.writeNumberField("rate_if_excluded_not_kept", round(r.exclusions().get().rateIfNotKept()));
      g.writeStringField("verdict_if_excluded_not_kept", r.exclusions().get().verdictIfNotKept().name());
    } else {
      g.writeNullField("exclusion_share");
      g.writeNullField("rate_if_excluded_not_kept");
      g.writeNullField("verdict_if_excluded_not_kept");
    }
    if (sentences) {
      g.writeStringField("sentence", words.sentence());
      nullable(g, "exclusion_sentence", words.exclusions());
    }
  }

  /** The low bound at 17 digits, rounded down so the published range contains the computed one (H6). */
  private static BigDecimal low(Interval interval) {
    return interval.low().round(new MathContext(17, RoundingMode.FLOOR)).stripTrailingZeros();
  }

  /** The high bound at 17 digits, rounded up (H6). */
  private static BigDecimal high(Interval interval) {
    return interval.high().round(new MathContext(17, RoundingMode.CEILING)).stripTrailingZeros();
  }

  private static BigDecimal round(BigDecimal value) {
    BigDecimal r = value.round(BOUNDS).stripTrailingZeros();
    return r.signum() == 0 ? BigDecimal.ZERO : r;
  }

  private static void nullable(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }

  /**
   * The figures download's remedy columns, after the excluded ones as in the figures file, when any
   * row has remedy figures: the counts, the share given as displayed, and its range.
   */
  static final List<String> REMEDY_COLUMNS =
      List.of("remedies_owed", "remedies_given", "remedies_display", "remedies_low", "remedies_high");

  private void writeCsv(PromiseRecord explained, OutputStream stream) throws IOException {
    Promise p = explained.promise();
    List<String> reasons = new ArrayList<>(p.exclusions().keySet());
    CsvSchema.Builder schema =
        CsvSchema.builder().addColumn("period").addColumn("cases").addColumn("kept");
    schema.addColumn("excluded");
    if (reasons.size() > 1) {
      for (String reason : reasons) {
        schema.addColumn("excluded:" + reason);
      }
    }
    boolean remedies = p.hasRemedyFigures();
    if (remedies) {
      for (String column : REMEDY_COLUMNS) {
        schema.addColumn(column);
      }
    }
    for (String column :
        List.of(
            "target", "display", "low", "high", "low_display", "high_display", "verdict",
            "qualifier", "few_cases", "exclusion_share", "rate_if_excluded_not_kept",
            "exclusion_flag", "provisional", "sentence", "exclusion_sentence", "note")) {
      schema.addColumn(column);
    }
    StringBuilderWriter writer = new StringBuilderWriter(1024 + explained.periods().size() * 600);
    try (CsvGenerator g = CSV.createGenerator(writer)) {
      g.setSchema(schema.setUseHeader(true).setLineSeparator("\n").build());
      // Quote a cell only when it must be quoted, not because it is long.
      g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      for (ExplainedPeriod period : explained.periods()) {
        PeriodResult pr = period.result();
        Result r = pr.result();
        Words w = period.words();
        Optional<Words.Rate> rate = w.rate();
        g.writeStartArray();
        g.writeString(pr.period().label());
        Optional<Counts> c = r.counts();
        g.writeString(c.map(x -> String.valueOf(x.cases())).orElse(""));
        g.writeString(c.map(x -> String.valueOf(x.kept())).orElse(""));
        g.writeString(c.map(x -> String.valueOf(x.excluded())).orElse(""));
        if (reasons.size() > 1) {
          for (String reason : reasons) {
            g.writeString(
                c.map(x -> String.valueOf(x.excludedByReason().getOrDefault(reason, 0L))).orElse(""));
          }
        }
        if (remedies) {
          Optional<RemedyResult> given = pr.remedy();
          Optional<RemedyWords> words = period.remedy();
          g.writeString(given.map(x -> String.valueOf(x.remedies().owed())).orElse(""));
          g.writeString(given.map(x -> String.valueOf(x.remedies().given())).orElse(""));
          g.writeString(Cells.neutralise(words.flatMap(RemedyWords::figure).orElse("")));
          g.writeString(given.flatMap(RemedyResult::interval).map(i -> low(i).toPlainString()).orElse(""));
          g.writeString(given.flatMap(RemedyResult::interval).map(i -> high(i).toPlainString()).orElse(""));
        }
        g.writeString(r.target().written());
        g.writeString(Cells.neutralise(rate.map(Words.Rate::figure).orElse("")));
        g.writeString(r.interval().map(i -> low(i).toPlainString()).orElse(""));
        g.writeString(r.interval().map(i -> high(i).toPlainString()).orElse(""));
        g.writeString(Cells.neutralise(rate.map(Words.Rate::low).orElse("")));
        g.writeString(Cells.neutralise(rate.map(Words.Rate::high).orElse("")));
        g.writeString(r.verdict().name());
        g.writeString(r.qualifier().map(q -> q.words()).orElse(""));
        g.writeString(String.valueOf(r.fewCases()));
        g.writeString(r.exclusions().map(x -> round(x.share()).toPlainString()).orElse(""));
        g.writeString(r.exclusions().map(x -> round(x.rateIfNotKept()).toPlainString()).orElse(""));
        g.writeString(String.valueOf(r.exclusionFlag()));
        g.writeString(String.valueOf(pr.provisional()));
        g.writeString(Cells.neutralise(w.sentence()));
        g.writeString(Cells.neutralise(w.exclusions().orElse("")));
        g.writeString(Cells.neutralise(pr.note()));
        g.writeEndArray();
      }
    }
    stream.write(writer.toString().getBytes(StandardCharsets.UTF_8));
  }
}
