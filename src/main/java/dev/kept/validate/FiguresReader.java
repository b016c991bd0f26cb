package dev.kept.validate;

import dev.kept.load.CsvTable;
import dev.kept.load.CsvTable.Cell;
import dev.kept.load.CsvTable.Row;
import dev.kept.model.Counts;
import dev.kept.model.Chars;
import dev.kept.model.FigureRow;
import dev.kept.model.Findings;
import dev.kept.model.Period;
import dev.kept.model.Promise;
import dev.kept.model.Remedies;
import dev.kept.model.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one promise's figures file, checking H1 (possible counts, well-formed periods, each once,
 * none in the future), H11 (no undeclared gaps), H12 (every excluded case has a declared reason) and
 * H18 (nothing after the published date).
 */
final class FiguresReader {
  /** Counts above this are surely a mistake, and stay far from overflow when pooled. */
  static final long MAX_COUNT = 1_000_000_000_000L;

  /** How many findings of one kind a file reports before it sums the rest up in one line. */
  static final int REPEATS_SHOWN = 3;

  private final Settings settings;
  private Findings findings;

  FiguresReader(Settings settings, Findings findings) {
    this.settings = settings;
    this.findings = findings;
  }

  /**
   * A stand-in for a promise whose file could not be read, so that its figures can still be
   * checked for what does not depend on the promise: well-formed rows, possible counts, each period
   * once and in order. Its exclusion reasons are taken from the header.
   */
  static Promise standIn(String id, CsvTable table) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (Cell cell : table.header().cells()) {
      String name = cell.text().strip();
      if (name.startsWith("excluded:")) {
        reasons.put(name.substring("excluded:".length()), "");
      }
    }
    if (reasons.isEmpty()) {
      reasons.put("excluded", "");
    }
    return new Promise(
        id, SourcePos.file(table.file()), "", dev.kept.model.PromiseStatus.ACTIVE,
        new dev.kept.model.Markdown("", SourcePos.file(table.file())), "", "", List.of(),
        Optional.empty(), List.of(), reasons, Optional.empty(),
        // A remedy of unknown words: remedy columns are not refused for want of the promise.
        Optional.of(new dev.kept.model.Markdown("", SourcePos.file(table.file()))), Optional.empty(),
        dev.kept.model.About.none(), List.of());
  }

  /**
   * The header's meaning: where each column is, and which reason each excluded column counts.
   *
   * @param excluded the index of each excluded column, in the header's order
   * @param reasons the reason each of them counts
   * @param owed the index of {@code remedies_owed}, or -1 when there is none
   * @param given the index of {@code remedies_given}, or -1 when there is none
   */
  private record Columns(List<Integer> excluded, List<String> reasons, boolean plain, int owed, int given) {
    boolean isRemedy(int i) {
      return i == owed || i == given;
    }
  }

  /** The optional columns for how often the remedy was owed and given. */
  static final String OWED = "remedies_owed";

  static final String GIVEN = "remedies_given";

  /**
   * The rows, oldest first; empty when any row has an error. One mistake repeated on every row (a
   * wrong period kind, a missing exclusion reason) is reported {@value #REPEATS_SHOWN} times, then
   * once more as a count, so the first lines of the output say what to fix.
   */
  Optional<List<FigureRow>> read(CsvTable table, Promise promise) {
    return read(table, promise, SourcePos.file(promise.pos().file()));
  }

  /**
   * As {@link #read(CsvTable, Promise)}, with where the promise says when it starts ({@code since},
   * or its first target's {@code from}): rows before the start are then one error there, where the
   * fix usually is, not one on every row.
   */
  Optional<List<FigureRow>> read(CsvTable table, Promise promise, SourcePos sincePos) {
    Findings all = findings;
    findings = new Findings();
    try {
      return readAll(table, promise, sincePos);
    } finally {
      all.addAll(capRepeats(findings.all()));
      findings = all;
    }
  }

  private static List<dev.kept.model.Finding> capRepeats(List<dev.kept.model.Finding> list) {
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    java.util.Map<String, dev.kept.model.Finding> firstSuppressed = new java.util.LinkedHashMap<>();
    List<dev.kept.model.Finding> out = new ArrayList<>();
    for (dev.kept.model.Finding f : list) {
      seen.merge(f.severity() + f.message().replaceAll("'[^']*'|\\d[\\d,.Q-]*", "#"), 1, Integer::sum);
    }
    java.util.Map<String, Integer> shown = new java.util.HashMap<>();
    for (dev.kept.model.Finding f : list) {
      String kind = f.severity() + f.message().replaceAll("'[^']*'|\\d[\\d,.Q-]*", "#");
      int n = shown.merge(kind, 1, Integer::sum);
      if (seen.get(kind) <= REPEATS_SHOWN + 2 || n <= REPEATS_SHOWN) {
        out.add(f);
      } else {
        firstSuppressed.putIfAbsent(kind, f);
      }
    }
    for (var e : firstSuppressed.entrySet()) {
      dev.kept.model.Finding f = e.getValue();
      int more = seen.get(e.getKey()) - REPEATS_SHOWN;
      out.add(
          new dev.kept.model.Finding(
              f.severity(),
              f.pos(),
              "and " + more + " more " + (more == 1 ? "row" : "rows") + " from here with the same problem",
              f.hint(),
              f.rule()));
    }
    return out;
  }

  private Optional<List<FigureRow>> readAll(CsvTable table, Promise promise, SourcePos sincePos) {
    int errorsBefore = findings.errorCount();
    Optional<Columns> columns = header(table.header(), promise);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    int width = table.header().cells().size();
    List<FigureRow> rows = new ArrayList<>();
    Map<Period, SourcePos> seen = new HashMap<>();
    List<SourcePos> early = new ArrayList<>(); // rows before the promise started
    Period earliest = null;
    java.util.TreeMap<Period, SourcePos> periods = new java.util.TreeMap<>();
    boolean unreadable = false;
    Period previous = null;
    for (Row row : table.rows()) {
      Optional<FigureRow> parsed;
      if (row.cells().size() != width) {
        findings.error(
            row.pos(),
            "this row has " + row.cells().size() + " cells but the header has " + width,
            row.cells().size() > width
                ? "A note with a comma in it must be in double quotes: \"like, this\"."
                : "Leave a cell empty with nothing between its commas, but keep every comma.");
        parsed = Optional.empty();
      } else {
        parsed = row(row, columns.get(), promise);
      }
      // A row with a bad count still names its period: check the sequence with it, so that one
      // mistake is reported once, not again as a gap.
      Optional<Period> named =
          parsed
              .map(FigureRow::period)
              .or(() -> Period.parse(row.cells().get(0).text().strip(), settings.kind(), settings.yearStarts()));
      if (named.isEmpty()) {
        unreadable = true;
        continue;
      }
      Period period = named.get();
      SourcePos at = row.pos();
      if (promise.since().isPresent() && period.compareTo(promise.since().get()) < 0) {
        early.add(row.cells().get(0).pos());
        earliest = earliest == null || period.compareTo(earliest) < 0 ? period : earliest;
      }
      SourcePos first = seen.putIfAbsent(period, at);
      if (first != null) {
        findings.ruleError(
            "H1",
            at,
            "the period " + period + " appears twice (first at line " + first.line() + ")",
            "Keep one row per period. To correct published figures, change that row.");
        continue;
      }
      if (inRange(period, promise)) {
        periods.put(period, at);
      }
      if (previous != null && period.compareTo(previous) < 0) {
        findings.error(
            at,
            "the period " + period + " comes after " + previous + "; rows must be in date order",
            "Sort the rows oldest first.");
        continue;
      }
      previous = period;
      parsed.ifPresent(rows::add);
    }
    if (!early.isEmpty()) {
      beforeSince(early, earliest, promise, sincePos);
    }
    if (!unreadable) {
      checkGaps(periods, promise);
    }
    return findings.errorCount() > errorsBefore ? Optional.empty() : Optional.of(rows);
  }

  /**
   * Rows before the promise started: one error, at {@code since} (or the first target's {@code
   * from}) when its line is known, as the usual fix is there; else at the first such row.
   */
  private void beforeSince(List<SourcePos> early, Period earliest, Promise promise, SourcePos sincePos) {
    Period since = promise.since().orElseThrow();
    String rows = early.size() == 1 ? "1 row" : early.size() + " rows";
    String lines =
        early.size() == 1
            ? "line " + early.get(0).line()
            : "lines " + early.get(0).line() + "-" + early.get(early.size() - 1).line();
    String figures = "figures/" + promise.id() + ".csv";
    if (sincePos.line() > 0) {
      findings.error(
          sincePos,
          "the promise starts in " + since + ", but " + figures + " has " + rows + " before it,"
              + " from " + earliest + " (" + lines + ")",
          "If the promise applied from " + earliest + ", write " + earliest + " here; if not,"
              + " remove those rows from " + figures + ".");
    } else {
      findings.error(
          early.get(0),
          "the period " + earliest + " is before the promise started (" + since + "); " + rows
              + " of this file are (" + lines + ")",
          "Remove those rows, or move 'since' earlier if the promise applied then.");
    }
  }

  /** Whether a period may have figures at all: not before the start, after retirement or today. */
  private boolean inRange(Period p, Promise promise) {
    return promise.since().map(since -> p.compareTo(since) >= 0).orElse(true)
        && !p.start().isAfter(settings.buildDate())
        && p.start().isBefore(settings.published())
        && promise.retirement().map(r -> !p.start().isAfter(r.on())).orElse(true);
  }

  /**
   * H11: every period from the promise's start to its last row has a row. Checked on the periods
   * in date order, so rows out of order are reported once, as out of order.
   */
  private void checkGaps(java.util.TreeMap<Period, SourcePos> periods, Promise promise) {
    Period expected = promise.since().orElse(null);
    for (Map.Entry<Period, SourcePos> e : periods.entrySet()) {
      Period period = e.getKey();
      if (expected != null && period.compareTo(expected) > 0) {
        String since =
            expected.equals(promise.since().orElse(null))
                ? "; the promise starts in " + expected
                : "";
        findings.ruleError(
            "H11",
            e.getValue(),
            "no row for " + span(expected, period.plus(-1)) + since,
            "Add the missing figures, or declare the gap: a row with the period, empty counts and"
                + " a note saying why there are no figures.");
      }
      if (expected == null || period.compareTo(expected) >= 0) {
        expected = period.next();
      }
    }
  }

  private Optional<Columns> header(Row header, Promise promise) {
    List<Cell> cells = header.cells();
    int before = findings.errorCount();
    String expected =
        promise.exclusions().size() > 1
            ? "period,cases,kept,"
                + String.join(",", promise.exclusions().keySet().stream().map(c -> "excluded:" + c).toList())
                + ",note"
            : "period,cases,kept,excluded,note";
    String[] fixed = {"period", "cases", "kept"};
    for (int i = 0; i < fixed.length; i++) {
      if (cells.size() <= i || !cells.get(i).text().strip().equals(fixed[i])) {
        findings.error(
            cells.size() <= i ? header.pos() : cells.get(i).pos(),
            "the header should start 'period,cases,kept' but column " + (i + 1) + " is "
                + (cells.size() <= i ? "missing" : "'" + cells.get(i).text() + "'"),
            cells.get(0).text().contains(";")
                ? "Separate the columns with commas, not semicolons: " + expected
                : "Make the first line: " + expected);
        return Optional.empty();
      }
    }
    Cell last = cells.get(cells.size() - 1);
    int note = -1;
    for (int i = 3; i < cells.size() - 1 && note < 0; i++) {
      note = cells.get(i).text().strip().equals("note") ? i : -1;
    }
    if (note >= 0) {
      // Columns after 'note': name each, as the reader of the error has to find them.
      List<String> extra =
          cells.subList(note + 1, cells.size()).stream().map(c -> "'" + Chars.visible(c.text().strip()) + "'").toList();
      findings.error(
          cells.get(note + 1).pos(),
          (extra.size() == 1 ? "unexpected column " : "unexpected columns ") + String.join(", ", extra)
              + " after 'note', which must be the last column",
          "Remove " + (extra.size() == 1 ? "that column" : "those columns") + " (and " + (extra.size() == 1 ? "its cell" : "their cells")
              + " on every row), or put what " + (extra.size() == 1 ? "it says" : "they say")
              + " in the note. The header is: " + expected);
      return Optional.empty();
    }
    if (cells.size() < 5 || !last.text().strip().equals("note")) {
      findings.error(
          last.pos(),
          "the header should end with the columns for excluded cases, then 'note', but its last"
              + " column is '" + Chars.visible(last.text().strip()) + "'",
          "Make the first line: " + expected);
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    List<Integer> excludedAt = new ArrayList<>();
    boolean plain = false;
    List<String> declared = new ArrayList<>(promise.exclusions().keySet());
    int owed = -1;
    int given = -1;
    for (int i = 3; i < cells.size() - 1; i++) {
      String name = cells.get(i).text().strip();
      if (name.equals(OWED) || name.equals(GIVEN)) {
        if ((name.equals(OWED) ? owed : given) >= 0) {
          findings.error(cells.get(i).pos(), "the column '" + name + "' appears twice", "Keep one '" + name + "' column.");
        } else if (name.equals(OWED)) {
          owed = i;
        } else {
          given = i;
        }
      }
    }
    int remedyColumns = (owed >= 0 ? 1 : 0) + (given >= 0 ? 1 : 0);
    if (remedyColumns == 1) {
      Cell only = cells.get(Math.max(owed, given));
      String missing = owed >= 0 ? GIVEN : OWED;
      findings.error(
          only.pos(),
          "the header has '" + only.text().strip() + "' but no '" + missing + "'",
          "Add both columns before 'note', 'remedies_owed,remedies_given', or remove this one:"
              + " how often a remedy was given means nothing without how often it was owed.");
    }
    if (remedyColumns > 0 && promise.remedy().isEmpty()) {
      findings.error(
          cells.get(owed >= 0 ? owed : given).pos(),
          "the header has remedy columns but the promise says 'remedy: none'",
          "Remove 'remedies_owed' and 'remedies_given', or say in the promise's 'remedy' what the"
              + " customer gets.");
    }
    for (int i = 3; i < cells.size() - 1; i++) {
      Cell cell = cells.get(i);
      String name = cell.text().strip();
      if (name.equals(OWED) || name.equals(GIVEN)) {
        continue;
      }
      if (name.equals("excluded")) {
        excludedAt.add(i);
        if (cells.size() - remedyColumns != 5) {
          findings.error(cell.pos(), "use either one 'excluded' column or one column per reason", "Make the first line: " + expected);
        } else if (declared.size() > 1) {
          findings.ruleError(
              "H12",
              cell.pos(),
              "the promise lists " + declared.size() + " exclusion reasons, so one 'excluded'"
                  + " column cannot say which reason each case had",
              "Use one column per reason: " + expected);
        } else {
          plain = true;
          reasons.add(declared.isEmpty() ? "" : declared.get(0));
        }
      } else if (name.startsWith("excluded:")) {
        String code = name.substring("excluded:".length());
        if (!promise.exclusions().containsKey(code)) {
          findings.ruleError(
              "H12",
              cell.pos(),
              "'" + code + "' is not one of the promise's exclusion reasons",
              Fields.nearest(code, declared)
                  .map(n -> "Did you mean 'excluded:" + n + "'?")
                  .orElse(
                      declared.isEmpty()
                          ? "Add '" + code + "' under 'exclusions' in the promise, with a plain description."
                          : "The promise's reasons are: " + String.join(", ", declared) + "."));
        } else if (reasons.contains(code)) {
          findings.error(cell.pos(), "the column '" + name + "' appears twice", "Keep one column per reason.");
        } else {
          reasons.add(code);
          excludedAt.add(i);
        }
      } else {
        findings.error(
            cell.pos(),
            "unexpected column '" + name + "'",
            Fields.nearest(name, List.of("excluded", "note", "period", "cases", "kept", OWED, GIVEN))
                .map(n -> "Did you mean '" + n + "'? ")
                .orElse("")
                + "The header is: " + expected);
      }
    }
    if (findings.errorCount() > before) {
      return Optional.empty();
    }
    if (excludedAt.isEmpty()) {
      findings.error(
          last.pos(),
          "the header should end with the columns for excluded cases, then 'note', but it has no"
              + " column for excluded cases",
          "Make the first line: " + expected);
      return Optional.empty();
    }
    return Optional.of(new Columns(excludedAt, reasons, plain, owed, given));
  }

  private Optional<FigureRow> row(Row row, Columns columns, Promise promise) {
    int before = findings.errorCount();
    List<Cell> cells = row.cells();
    Cell periodCell = cells.get(0);
    String periodText = periodCell.text().strip();
    Optional<Period> period = Period.parse(periodText, settings.kind(), settings.yearStarts());
    if (period.isEmpty()) {
      findings.ruleError(
          "H1",
          periodCell.pos(),
          "'" + periodText + "' is not a " + settings.kind().word() + " period",
          "Write it like " + Period.example(settings.kind(), settings.yearStarts())
              + "; the charter's 'period' is " + settings.kind().word() + ".");
      return Optional.empty();
    }
    Period p = period.get();
    String note = cells.get(cells.size() - 1).text().strip();
    if (!TextLimits.within(note, cells.get(cells.size() - 1).pos(), "the note", TextLimits.SHORT, findings)) {
      return Optional.empty();
    }
    List<Cell> counts = new ArrayList<>(cells.size());
    for (int i = 1; i < cells.size() - 1; i++) {
      if (!columns.isRemedy(i)) {
        counts.add(cells.get(i));
      }
    }
    boolean allEmpty = counts.stream().allMatch(c -> c.text().isBlank());
    boolean anyEmpty = counts.stream().anyMatch(c -> c.text().isBlank());

    if (p.start().isAfter(settings.buildDate())) {
      findings.ruleError(
          "H1",
          periodCell.pos(),
          "the period " + p + " is in the future (today is " + settings.buildDate() + ")",
          "Figures can only be published for periods that have begun.");
    } else if (!p.start().isBefore(settings.published())) {
      findings.ruleError(
          "H18",
          periodCell.pos(),
          "the period " + p + " starts after the charter's published date, "
              + settings.published(),
          "Set 'published' in charter.yaml to the day you publish these figures.");
    }
    promise
        .retirement()
        .filter(r -> p.start().isAfter(r.on()))
        .ifPresent(
            r ->
                findings.ruleError(
                    "H16",
                    periodCell.pos(),
                    "the period " + p + " starts after the promise was retired on " + r.on(),
                    "Remove figures after the retirement, or correct the retirement date."));

    if (allEmpty) {
      if (note.isEmpty()) {
        findings.ruleError(
            "H11",
            periodCell.pos(),
            "the row for " + p + " has no figures and no note",
            "A period with no figures needs a note saying why, for example \"System outage:"
                + " figures lost\".");
        return Optional.empty();
      }
      for (int i : new int[] {columns.owed(), columns.given()}) {
        if (i >= 0 && !cells.get(i).text().isBlank()) {
          findings.ruleError(
              "H11",
              cells.get(i).pos(),
              "the row for " + p + " has no figures but fills in '" + (i == columns.owed() ? OWED : GIVEN) + "'",
              "A period with no figures cannot say how many remedies were owed: leave"
                  + " 'remedies_owed' and 'remedies_given' empty too.");
          break;
        }
      }
      return findings.errorCount() > before
          ? Optional.empty()
          : Optional.of(new FigureRow(p, row.pos(), Optional.empty(), note));
    }
    if (anyEmpty) {
      Cell empty = counts.stream().filter(c -> c.text().isBlank()).findFirst().orElseThrow();
      findings.error(
          empty.pos(),
          "the row for " + p + " has some counts empty and some filled in",
          "Fill in every count (0 where there were none), or leave them all empty to declare a"
              + " gap with a note.");
      return Optional.empty();
    }
    Optional<Long> cases = count(cells.get(1), "cases");
    Optional<Long> kept = count(cells.get(2), "kept");
    Map<String, Long> excluded = new LinkedHashMap<>();
    for (int r = 0; r < columns.excluded().size(); r++) {
      Cell cell = cells.get(columns.excluded().get(r));
      String reason = columns.reasons().get(r);
      Optional<Long> x = count(cell, "excluded");
      if (x.isEmpty()) {
        continue;
      }
      if (reason.isEmpty()) {
        if (x.get() > 0) {
          findings.ruleError(
              "H12",
              cell.pos(),
              x.get() + " cases are excluded but the promise lists no exclusion reasons",
              "Add 'exclusions:' to the promise with a code and a plain description for each"
                  + " reason, so readers can see why cases were left out.");
        }
        continue;
      }
      excluded.put(reason, x.get());
    }
    if (cases.isPresent() && kept.isPresent() && kept.get() > cases.get()) {
      findings.ruleError(
          "H1",
          cells.get(2).pos(),
          String.format(
              java.util.Locale.ROOT, "%,d kept is more than the %,d cases counted", kept.get(), cases.get()),
          "Check the export: 'cases' counts every case after exclusions, 'kept' those kept.");
    }
    Optional<Remedies> remedies = remedies(cells, columns, p, cases, kept);
    if (findings.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new FigureRow(
            p, row.pos(), Optional.of(new Counts(kept.get(), cases.get(), excluded)), note, remedies));
  }

  /**
   * A row's remedy figures: both cells empty means the row does not say; otherwise both are whole
   * numbers with no more given than owed, and no more owed than cases missed (H1).
   */
  private Optional<Remedies> remedies(
      List<Cell> cells, Columns columns, Period p, Optional<Long> cases, Optional<Long> kept) {
    if (columns.owed() < 0) {
      return Optional.empty();
    }
    Cell owedCell = cells.get(columns.owed());
    Cell givenCell = cells.get(columns.given());
    boolean owedEmpty = owedCell.text().isBlank();
    boolean givenEmpty = givenCell.text().isBlank();
    if (owedEmpty && givenEmpty) {
      return Optional.empty();
    }
    if (owedEmpty || givenEmpty) {
      Cell empty = owedEmpty ? owedCell : givenCell;
      findings.error(
          empty.pos(),
          "the row for " + p + " gives '" + (owedEmpty ? GIVEN : OWED) + "' but not '"
              + (owedEmpty ? OWED : GIVEN) + "'",
          "Fill in both (0 where there were none), or leave both empty if you do not know.");
      return Optional.empty();
    }
    Optional<Long> owed = count(owedCell, OWED);
    Optional<Long> given = count(givenCell, GIVEN);
    if (owed.isEmpty() || given.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = true;
    if (cases.isPresent() && kept.isPresent() && kept.get() <= cases.get()) {
      long missed = cases.get() - kept.get();
      if (owed.get() > missed) {
        ok = false;
        findings.ruleError(
            "H1",
            owedCell.pos(),
            String.format(
                java.util.Locale.ROOT,
                "%,d remedies owed is more than the %,d cases missed (%,d cases, %,d kept)",
                owed.get(), missed, cases.get(), kept.get()),
            "A remedy is owed for a case that was not kept: check the export, or the 'cases' and"
                + " 'kept' of the row.");
      }
    }
    if (given.get() > owed.get()) {
      ok = false;
      findings.ruleError(
          "H1",
          givenCell.pos(),
          String.format(
              java.util.Locale.ROOT,
              "%,d remedies given is more than the %,d owed", given.get(), owed.get()),
          "Count in 'remedies_given' only the remedies owed in this period that were given; a"
              + " goodwill payment beyond them is not a remedy given.");
    }
    return ok ? Optional.of(new Remedies(owed.get(), given.get())) : Optional.empty();
  }

  private Optional<Long> count(Cell cell, String column) {
    String text = cell.text().strip();
    boolean digits = isDigits(text);
    if (digits && text.length() <= 13) {
      long n = Long.parseLong(text);
      if (n <= MAX_COUNT) {
        return Optional.of(n);
      }
    }
    if (digits) {
      findings.ruleError(
          "H1",
          cell.pos(),
          "'" + column + "' is " + text + ", more than the limit of " + String.format(java.util.Locale.ROOT, "%,d", MAX_COUNT),
          "Check the export: no charter counts this many cases in one period.");
      return Optional.empty();
    }
    String hint;
    if (text.startsWith("-")) {
      hint = "Counts cannot be negative.";
    } else if (text.matches("[\\d,. ]+") && text.matches(".*\\d.*")) {
      hint = "Write the whole number with digits only, without separators or decimals: 12500.";
    } else {
      hint = "Write a whole number of cases, such as 0 or 1250.";
    }
    findings.ruleError("H1", cell.pos(), "'" + column + "' should be a whole number, not '" + text + "'", hint);
    return Optional.empty();
  }

  /** Whether {@code text} is one or more ASCII digits (a regular expression here ran per cell). */
  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  static String span(Period from, Period to) {
    return from.equals(to) ? from.label() : from.label() + " to " + to.label();
  }
}
