package dev.kept.validate;

import dev.kept.load.CsvTable;
import dev.kept.load.RawCharter.FiguresFile;
import dev.kept.load.RawCharter.PromiseFile;
import dev.kept.load.RawCharter;
import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.load.YNode;
import dev.kept.model.Chars;
import dev.kept.model.Charter;
import dev.kept.model.FigureRow;
import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.Names;
import dev.kept.model.Period;
import dev.kept.model.PeriodKind;
import dev.kept.model.Promise;
import dev.kept.model.PromiseStatus;
import dev.kept.model.Share;
import dev.kept.model.SourcePos;
import dev.kept.model.WebAddress;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a loaded charter and builds the typed {@link Charter} from it.
 *
 * <p>Every problem in every file is reported in one run. The charter is returned only when there
 * are no errors; warnings do not stop it.
 *
 * <pre>{@code
 * ValidationResult result = new CharterValidator().validate(raw, LocalDate.now());
 * result.charter().ifPresent(charter -> ...);
 * }</pre>
 *
 * <p>Thread-safe: instances hold no state.
 */
public final class CharterValidator {
  private final dev.kept.model.Reuse reuse;

  public CharterValidator() {
    this(dev.kept.model.Reuse.NONE);
  }

  /** @param reuse what each promise's check is taken from; see {@link #check} */
  public CharterValidator(dev.kept.model.Reuse reuse) {
    this.reuse = Objects.requireNonNull(reuse, "reuse");
  }

  static final List<String> CHARTER_KEYS =
      List.of(
          "organisation", "title", "language", "base_url", "period", "year_starts",
          "minimum_cases", "exclusion_warning", "headline", "published", "next_update", "contact",
          "order", "lint");
  static final List<String> LINT_KEYS =
      List.of("off", "hedging", "vague_time", "allow", "max_sentence_words", "max_grade");
  /** How many days ahead of the next update {@code check} warns that it is due. */
  static final int DUE_SOON_DAYS = 7;
  private static final List<String> PERIODS = List.of("month", "quarter", "year");
  private static final List<String> LANGUAGES = List.of("en");

  /** The outcome: the charter when there were no errors, and every finding. */
  public record ValidationResult(Optional<Charter> charter, List<Finding> findings) {
    public ValidationResult {
      Objects.requireNonNull(charter, "charter");
      findings = List.copyOf(findings);
    }
  }

  /**
   * Checks {@code raw}.
   *
   * @param buildDate the day of the build: periods after it are in the future (H1), and the
   *     published date may not be after it (H18); a next update before it is late (a notice,
   *     and every page says so), one within seven days due soon (a notice). A charter that does
   *     not write its published date has it derived from its figures, not from this day
   */
  public ValidationResult validate(RawCharter raw, LocalDate buildDate) {
    Findings findings = new Findings();
    String charterFile = raw.folder() + "/charter.yaml";
    Settings settings = Settings.defaults(buildDate);
    Head head = null;
    if (raw.charter().isPresent()) {
      if (raw.charter().get() instanceof YMap map) {
        head = readHead(map, buildDate, findings);
        settings = new Settings(head.kind, head.yearStarts, head.published, buildDate, head.lint);
      } else {
        findings.error(
            raw.charter().get().pos(),
            "charter.yaml should be a mapping of keys to values, but it is "
                + raw.charter().get().kind(),
            "Start it with 'organisation: ...' and 'title: ...'.");
      }
    }

    Map<String, FiguresFile> figuresById = new HashMap<>();
    for (FiguresFile figures : raw.figures()) {
      figuresById.put(figures.id(), figures);
    }
    Set<String> promiseIds = raw.promiseIds();
    Map<String, Promise> published = new LinkedHashMap<>();
    Map<String, SourcePos> figuresEnds = new HashMap<>();
    Set<String> drafts = new java.util.HashSet<>();
    Set<String> figuresChecked = new java.util.HashSet<>();
    // Each promise and its figures are checked on their own, on every core; their findings are
    // then listed in the promises' order, as if checked one after another. A figures file is read
    // as its promise is checked and its cells let go when it is done: what is kept is its rows.
    Settings shared = settings;
    MarkdownCheck.initialise(); // here, not on a worker: see its Javadoc
    List<Checked> checked =
        raw.promises().parallelStream()
            .map(file -> check(file, figuresById.get(file.id()), raw, shared))
            .toList();
    for (Checked c : checked) {
      findings.addAll(c.findings());
      if (c.figuresChecked()) {
        figuresChecked.add(c.id());
      }
      if (c.draft()) {
        drafts.add(c.id());
      }
      c.published().ifPresent(p -> published.put(p.id(), p));
      c.figuresEnd().ifPresent(end -> figuresEnds.put(c.id(), end));
    }

    // The figures files no promise's check read: their promise file could not be read, or there
    // is none. Each is read (what reading it finds is reported) and checked for what it can be.
    List<List<Finding>> others =
        raw.figures().parallelStream()
            .filter(figures -> !figuresChecked.contains(figures.id()))
            .map(figures -> unclaimed(figures, promiseIds, shared))
            .toList();
    others.forEach(findings::addAll);

    if (head != null && !head.publishedWritten) {
      head.published = derivePublished(published.values(), settings, findings, head.publishedPos);
      settings = new Settings(head.kind, head.yearStarts, head.published, buildDate, head.lint);
      head.checkNextUpdate(findings);
    }
    if (head != null) {
      head.noticeWhenDue(buildDate, findings);
    }
    checkLatestPeriod(published, figuresEnds, settings, findings);

    List<Promise> ordered = order(head, published, promiseIds, drafts, raw, findings);
    if (raw.promiseIds().isEmpty() && raw.charter().isPresent()) {
      findings.warning(
          SourcePos.file(raw.folder() + "/promises"),
          "the charter has no promises yet",
          "Add one file per promise in promises/, named <id>.yaml.");
    }
    if (findings.hasErrors() || head == null) {
      return new ValidationResult(Optional.empty(), findings.all());
    }
    Charter charter =
        new Charter(
            head.organisation, head.title, head.language, head.baseUrl, head.kind, head.yearStarts,
            head.minimumCases, head.exclusionWarning, head.headline, head.published,
            head.nextUpdate, head.contact, ordered,
            head.nextUpdate.filter(buildDate::isAfter).isPresent());
    return new ValidationResult(Optional.of(charter), findings.all());
  }

  /**
   * The published date of a charter that does not write one (H18): the day the newest figures it
   * reports became complete (the first day after that period), or the day of an account of a miss
   * written later, and never after the build. It depends on the charter, not on the clock, so an
   * unchanged charter judges the same rows due (H11) whatever day it is built: the figures for a
   * month are due once someone publishes a later one, not when the calendar turns. With no
   * figures at all it is the day of the build. A row for a period still in progress on the day of
   * the build makes it the day of the build, with a warning: that period would read as complete
   * once it ends, so such a charter should write its published date.
   */
  private static LocalDate derivePublished(
      java.util.Collection<Promise> promises, Settings settings, Findings findings, SourcePos pos) {
    LocalDate buildDate = settings.buildDate();
    Optional<LocalDate> newest = Optional.empty();
    Optional<Period> inProgress = Optional.empty();
    for (Promise p : promises) {
      for (FigureRow row : p.figures()) {
        LocalDate complete = row.period().end();
        if (!row.period().endedBy(buildDate)) {
          inProgress = Optional.of(row.period());
        }
        newest = newest.filter(d -> !d.isBefore(complete)).or(() -> Optional.of(complete));
      }
      for (dev.kept.model.Account a : p.misses()) {
        LocalDate written = a.written();
        newest = newest.filter(d -> !d.isBefore(written)).or(() -> Optional.of(written));
      }
    }
    if (inProgress.isPresent()) {
      findings.warning(
          pos,
          "charter.yaml has no 'published' date, and the figures have a row for "
              + inProgress.get() + ", which has not ended; once it ends, its figures would read as"
              + " complete",
          "Write 'published: " + buildDate + "' (the day you publish these figures) in charter.yaml,"
              + " so the period stays marked provisional (H13).");
    }
    return newest.filter(d -> !d.isAfter(buildDate)).orElse(buildDate);
  }

  /**
   * One promise's check, through {@link #reuse}: step {@code "check"}, slotted by the promise's id,
   * keyed by what checking it reads (its loaded file and figures, whether its figures file is
   * listed, the folder's name, and the settings a promise's check depends on).
   */
  private Checked check(PromiseFile file, FiguresFile figures, RawCharter raw, Settings settings) {
    boolean listed = raw.figuresIds().contains(file.id());
    java.util.List<Object> key = java.util.Arrays.asList(file, figures, listed, raw.folder(), settings);
    return reuse.get("check", file.id(), key, () -> checkAfresh(file, figures, raw, settings));
  }

  /**
   * What checking one promise file (and its figures file) found.
   *
   * @param figuresChecked whether its figures file, if any, was read and checked here
   * @param figuresEnd where its figures file ends, when it was read, for "no row for" findings
   */
  private record Checked(
      String id, Optional<Promise> published, boolean draft, boolean figuresChecked,
      Optional<SourcePos> figuresEnd, List<Finding> findings) {}

  /**
   * A figures file whose promise's check did not read it: read here, so that what reading it
   * finds is reported; checked against a stand-in when its promise file could not be read, and
   * an error when there is no promise of its id.
   */
  private static List<Finding> unclaimed(FiguresFile figures, Set<String> promiseIds, Settings settings) {
    Findings findings = new Findings();
    Optional<CsvTable> table = figures.read(findings);
    if (table.isPresent() && promiseIds.contains(figures.id())) {
      // The promise file has errors of its own; still report what is wrong with its figures.
      new FiguresReader(settings, findings).read(table.get(), FiguresReader.standIn(figures.id(), table.get()));
    }
    if (table.isPresent() && !promiseIds.contains(figures.id())) {
      findings.error(
          SourcePos.file(figures.file()),
          "there is no promise '" + figures.id() + "' for these figures",
          Fields.nearest(figures.id(), List.copyOf(promiseIds))
              .map(n -> "Did you mean figures/" + n + ".csv? ")
              .orElse("")
              + "Name the file after its promise: figures/<id>.csv for promises/<id>.yaml.");
    }
    return findings.all();
  }

  /**
   * Checks one promise file and its figures; thread-safe, as it finds into its own list. The
   * figures file is read here, once, and its cells are let go when this returns.
   */
  private static Checked checkAfresh(PromiseFile file, FiguresFile figures, RawCharter raw, Settings settings) {
    Findings findings = new Findings();
    PromiseReader promiseReader = new PromiseReader(settings, findings);
    FiguresReader figuresReader = new FiguresReader(settings, findings);
    Optional<CsvTable> table = figures == null ? Optional.empty() : figures.read(findings);
    Optional<SourcePos> end = table.map(CsvTable::end);
    Optional<Promise> parts = promiseReader.read(file);
    if (parts.isEmpty()) {
      // The promise file has errors of its own; still report what is wrong with its figures.
      table.ifPresent(t -> figuresReader.read(t, FiguresReader.standIn(file.id(), t)));
      return new Checked(file.id(), Optional.empty(), false, true, end, findings.all());
    }
    Promise p = parts.get();
    List<FigureRow> rows = List.of();
    if (!p.isMeasured()) {
      if (table.isPresent()) {
        findings.ruleError(
            "H19",
            SourcePos.file(figures.file()),
            "the promise '" + p.id() + "' says 'measure: none' but has a figures file",
            "Remove 'measure: none' from " + file.file() + " to publish these figures, or"
                + " delete this file.");
        return new Checked(file.id(), Optional.empty(), false, true, end, findings.all());
      }
    } else if (table.isEmpty()) {
      if (raw.figuresIds().contains(p.id())) {
        // the file exists but could not be read; its errors say why
        return new Checked(file.id(), Optional.empty(), false, true, end, findings.all());
      }
      if (p.status() != PromiseStatus.DRAFT) {
        findings.ruleError(
            "H11",
            p.pos(),
            "the promise has no figures file, " + raw.folder() + "/figures/" + p.id() + ".csv",
            "Add the file, starting with the line: period,cases,kept,excluded,note. If you do"
                + " not measure this promise yet, write 'measure: none' instead of a target.");
        return new Checked(file.id(), Optional.empty(), false, true, end, findings.all());
      }
    } else {
      Optional<List<FigureRow>> read = figuresReader.read(table.get(), p, promiseReader.sincePos());
      if (read.isEmpty()) {
        return new Checked(file.id(), Optional.empty(), false, true, end, findings.all());
      }
      rows = read.get();
    }
    int errorsBefore = findings.errorCount();
    MissesReader.checkPeriods(p, rows, settings, findings);
    if (findings.errorCount() > errorsBefore) {
      return new Checked(file.id(), Optional.empty(), false, true, end, findings.all());
    }
    if (p.status() == PromiseStatus.DRAFT) {
      return new Checked(file.id(), Optional.empty(), true, true, end, findings.all());
    }
    return new Checked(file.id(), Optional.of(p.withFigures(rows)), false, true, end, findings.all());
  }

  /**
   * H11: every measured promise reports every period from its start to the charter's latest
   * complete period: the latest period that had ended by the published date, by the calendar, not
   * by whatever the figures happen to hold. A retired promise reports up to the period it was
   * retired in. A promise that stops early has an undeclared gap at its end. Figures for a period
   * still in progress are optional, and provisional.
   */
  private static void checkLatestPeriod(
      Map<String, Promise> promises,
      Map<String, SourcePos> ends,
      Settings settings,
      Findings findings) {
    Period latest = Period.latestEndedBy(settings.published(), settings.kind(), settings.yearStarts());
    for (Promise p : promises.values()) {
      if (!p.isMeasured()) {
        continue;
      }
      Period due = latest;
      if (p.retirement().isPresent()) {
        Period retiredIn =
            Period.containing(p.retirement().get().on(), settings.kind(), settings.yearStarts());
        if (retiredIn.compareTo(due) < 0) {
          due = retiredIn;
        }
      }
      Period since = p.since().orElseThrow();
      if (since.compareTo(due) > 0) {
        continue; // starts after the latest complete period: nothing is due yet
      }
      Period from =
          p.figures().isEmpty() ? since : p.figures().get(p.figures().size() - 1).period().next();
      if (from.compareTo(due) <= 0) {
        String why =
            due.equals(latest)
                ? "; the charter reports up to " + latest
                : "; the promise was retired in " + due;
        findings.ruleError(
            "H11",
            ends.get(p.id()),
            "no row for " + FiguresReader.span(from, due) + why,
            "Add the figures, or declare each missing period: a row with the period, empty"
                + " counts and a note saying why there are no figures.");
      }
    }
  }

  private static List<Promise> order(
      Head head,
      Map<String, Promise> published,
      Set<String> allIds,
      Set<String> drafts,
      RawCharter raw,
      Findings findings) {
    List<Promise> ordered = new ArrayList<>();
    if (head == null || head.order.isEmpty()) {
      ordered.addAll(published.values());
      return ordered;
    }
    Map<String, SourcePos> seen = new HashMap<>();
    for (YScalar item : head.order) {
      String id = item.text().strip();
      SourcePos first = seen.putIfAbsent(id, item.pos());
      if (first != null) {
        findings.error(
            item.pos(),
            "'" + id + "' appears twice in 'order' (first at line " + first.line() + ")",
            "List each promise once.");
        continue;
      }
      if (!Names.ID.matcher(id).matches()) {
        String suggested = Names.suggest(id.replaceFirst("(?i)\\.ya?ml$", ""));
        findings.error(
            item.pos(),
            "'" + Chars.visible(id) + "' in 'order' is not a promise id",
            (allIds.contains(suggested) ? "Did you mean '" + suggested + "'? " : "")
                + "Write the id alone, as the promise file is named without .yaml: for example '"
                + suggested + "' for promises/" + suggested + ".yaml.");
        continue;
      }
      if (!allIds.contains(id)) {
        findings.error(
            item.pos(),
            "'order' names '" + id + "' but there is no " + raw.folder() + "/promises/" + id + ".yaml",
            Fields.nearest(id, List.copyOf(allIds))
                .map(n -> "Did you mean '" + n + "'?")
                .orElse("Remove it from 'order', or add the promise file."));
        continue;
      }
      Promise p = published.get(id);
      if (p != null) {
        ordered.add(p);
      }
    }
    for (Promise p : published.values()) {
      if (!seen.containsKey(p.id())) {
        findings.warning(
            p.pos(),
            "the promise '" + p.id() + "' is not in the charter's 'order', so it is listed last",
            "Add '" + p.id() + "' to 'order' in charter.yaml where it belongs.");
        ordered.add(p);
      }
    }
    return ordered;
  }

  /** The charter's own settings, as read. */
  private static final class Head {
    String organisation = "";
    String title = "";
    String language = "en";
    Optional<URI> baseUrl = Optional.empty();
    PeriodKind kind = PeriodKind.MONTH;
    int yearStarts = 1;
    int minimumCases = 30;
    Share exclusionWarning = Share.parse("5%").orElseThrow();
    int headline;
    LocalDate published;
    /** Whether charter.yaml writes its published date; when not, it is derived from the figures. */
    boolean publishedWritten;
    /** Where a derived published date's findings point: charter.yaml's mapping. */
    SourcePos publishedPos;
    Optional<LocalDate> nextUpdate = Optional.empty();
    /** Where next_update is written, for the findings about it. */
    SourcePos nextUpdatePos;

    /**
     * H18: the next update is after the published date. For a written published date this is
     * checked as charter.yaml is read; for a derived one, once the figures give it.
     */
    void checkNextUpdate(Findings findings) {
      if (nextUpdate.isPresent() && !nextUpdate.get().isAfter(published)) {
        findings.ruleError(
            "H18",
            nextUpdatePos,
            "the next update, " + nextUpdate.get() + ", is not after the published date, " + published
                + (publishedWritten ? "" : " (the day after the newest figures' period ended)"),
            "Give the day you will next publish figures.");
        nextUpdate = Optional.empty();
      }
    }

    /**
     * H18: a next update that is late, or due within seven days ({@code DUE_SOON_DAYS}), is a
     * notice: never an error, not even with --strict, as the author of a change did not cause it
     * (the site says a late update on every page, and the charter still builds).
     */
    void noticeWhenDue(LocalDate buildDate, Findings findings) {
      if (nextUpdate.isEmpty()) {
        return;
      }
      LocalDate due = nextUpdate.get();
      long days = java.time.temporal.ChronoUnit.DAYS.between(buildDate, due);
      if (days < 0) {
        findings.notice(
            "H18",
            nextUpdatePos,
            "the next update was due on " + due + ", " + -days + (days == -1 ? " day" : " days")
                + " ago (today is " + buildDate + "); every page of the site says it is late",
            "Add the new figures, set 'published' to the day you publish them and 'next_update' to"
                + " the day you will publish the next ones.");
      } else if (days <= DUE_SOON_DAYS) {
        findings.notice(
            "H18",
            nextUpdatePos,
            "the next update is due on " + due + ", "
                + (days == 0 ? "today" : "in " + days + (days == 1 ? " day" : " days"))
                + " (today is " + buildDate + ")",
            "Add the figures for the period that will have ended by then, set 'published' to the"
                + " day you publish them and 'next_update' to the day after that you will publish"
                + " again. After " + due + " every page of the site will say the update is late.");
      }
    }
    Optional<URI> contact = Optional.empty();
    List<YScalar> order = List.of();
    Lint.Config lint = Lint.Config.defaults();
  }

  private static Head readHead(YMap map, LocalDate buildDate, Findings findings) {
    Fields f = new Fields(map, "charter.yaml", CHARTER_KEYS, findings);
    CommentCuts.check(map, List.of("organisation", "title"), findings);
    Head h = new Head();
    h.organisation =
        f.required("organisation", "Name the organisation that makes these promises.")
            .map(s -> s.text().strip())
            .orElse("");
    h.title =
        f.required("title", "Give the charter a title, such as 'Our promises to you'.")
            .map(s -> s.text().strip())
            .orElse("");
    f.word("language", Set.copyOf(LANGUAGES), LANGUAGES).ifPresent(l -> h.language = l);
    f.scalar("base_url").ifPresent(s -> h.baseUrl = url(s, false, findings));
    f.word("period", Set.copyOf(PERIODS), PERIODS)
        .ifPresent(w -> h.kind = PeriodKind.valueOf(w.toUpperCase(java.util.Locale.ROOT)));
    f.integer("year_starts", 1, 12)
        .ifPresent(
            m -> {
              if (h.kind != PeriodKind.YEAR) {
                findings.error(
                    f.posOf("year_starts"),
                    "'year_starts' only applies when 'period' is year",
                    "Remove it, or set 'period: year' for fiscal years such as 2023-24.");
              } else {
                h.yearStarts = m;
              }
            });
    f.integer("minimum_cases", 1, 1_000_000).ifPresent(n -> h.minimumCases = n);
    f.scalar("exclusion_warning")
        .ifPresent(
            s -> {
              Optional<Share> share = Share.parse(s.text());
              if (share.isEmpty() || share.get().isZero()) {
                findings.error(
                    s.pos(),
                    "'exclusion_warning' should be a percentage above 0%, such as 5%, not '"
                        + s.text().strip() + "'",
                    "Write it with a percent sign: 5% means flag a period when more than 1 case"
                        + " in 20 was left out.");
              } else {
                h.exclusionWarning = share.get();
              }
            });
    h.headline = h.kind.perYear();
    f.integer("headline", 1, 1000).ifPresent(n -> h.headline = n);

    h.published = buildDate;
    h.publishedPos = f.keyPos("published");
    Optional<YScalar> published = f.scalar("published");
    h.publishedWritten = published.isPresent();
    if (published.isPresent()) {
      Optional<LocalDate> date = PromiseReader.parseDate(published.get().text().strip());
      if (date.isEmpty()) {
        findings.error(
            published.get().pos(),
            DateWords.problem("published", published.get().text().strip()),
            "Write the day you publish the figures, such as 2026-12-14; or remove it, and Kept takes"
                + " the day after the newest figures' period ended.");
      } else if (date.get().isAfter(buildDate)) {
        findings.ruleError(
            "H18",
            published.get().pos(),
            "the published date " + date.get() + " is after today (" + buildDate + ")",
            "A charter cannot be published in the future. Set it to the day you publish.");
      } else {
        h.published = date.get();
      }
    }
    Optional<YScalar> next = f.scalar("next_update");
    if (next.isEmpty() && !f.misspelt("next_update") && !f.node("next_update").filter(n -> !(n instanceof YScalar)).isPresent()) {
      findings.ruleError(
          "H18",
          f.keyPos("next_update"),
          "'next_update' is missing from charter.yaml",
          "Say when readers can expect the next figures: 'next_update: YYYY-MM-DD'.");
    }
    if (next.isPresent()) {
      Optional<LocalDate> date = PromiseReader.parseDate(next.get().text().strip());
      if (date.isEmpty()) {
        findings.error(
            next.get().pos(),
            DateWords.problem("next_update", next.get().text().strip()),
            "Write the year, month and day with hyphens, such as 2026-12-14.");
      } else {
        h.nextUpdate = date;
        h.nextUpdatePos = next.get().pos();
        if (h.publishedWritten) {
          h.checkNextUpdate(findings);
        }
      }
    }
    f.scalar("contact").ifPresent(s -> h.contact = url(s, true, findings));
    f.list("order")
        .ifPresent(
            list -> {
              List<YScalar> items = new ArrayList<>();
              for (YNode item : list.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                  items.add(s);
                } else {
                  findings.error(
                      item.pos(),
                      "each item of 'order' should be a promise id",
                      "Write one id per line after '- ': the promise's file name without .yaml.");
                }
              }
              h.order = items;
            });
    f.mapping("lint", "Write 'lint:' then, indented, 'off: [rule, ...]' or 'hedging: [word, ...]'.")
        .ifPresent(m -> h.lint = lintConfig(m, findings));
    return h;
  }

  private static Lint.Config lintConfig(YMap map, Findings findings) {
    Fields f = new Fields(map, "'lint'", LINT_KEYS, findings);
    Lint.Config d = Lint.Config.defaults();
    java.util.Set<String> off = new java.util.TreeSet<>();
    f.list("off").ifPresent(list -> {
      for (YScalar s : f.scalars(list, "off")) {
        String rule = s.text().strip();
        if (Lint.RULES.contains(rule)) {
          off.add(rule);
        } else {
          findings.error(
              s.pos(),
              "'" + rule + "' is not a lint rule",
              Fields.nearest(rule, Lint.RULES).map(n -> "Did you mean '" + n + "'? ").orElse("")
                  + "The rules are: " + String.join(", ", Lint.RULES) + ".");
        }
      }
    });
    List<String> hedging = new ArrayList<>(d.hedging());
    f.list("hedging").ifPresent(list -> f.scalars(list, "hedging").forEach(s -> hedging.add(s.text().strip())));
    List<String> vague = new ArrayList<>(d.vagueTime());
    f.list("vague_time").ifPresent(list -> f.scalars(list, "vague_time").forEach(s -> vague.add(s.text().strip())));
    List<String> allow = new ArrayList<>();
    f.list("allow").ifPresent(list -> f.scalars(list, "allow").forEach(s -> allow.add(s.text().strip())));
    int words = f.integer("max_sentence_words", 5, 200).orElse(d.maxSentenceWords());
    double grade = d.maxGrade();
    Optional<YScalar> g = f.scalar("max_grade");
    if (g.isPresent()) {
      String text = g.get().text().strip();
      if (text.matches("\\d{1,2}(\\.\\d)?")
          && Double.parseDouble(text) >= 1
          && Double.parseDouble(text) <= 30) {
        grade = Double.parseDouble(text);
      } else {
        findings.error(g.get().pos(), "'max_grade' should be a school grade such as 9 or 10.5", "Write a number from 1 to 30.");
      }
    }
    return new Lint.Config(java.util.Set.copyOf(off), hedging, vague, words, grade, allow);
  }

  private static Optional<URI> url(YScalar s, boolean mail, Findings findings) {
    String text = s.text().strip();
    Optional<URI> uri = mail ? WebAddress.webOrMail(text) : WebAddress.web(text);
    if (uri.isEmpty()) {
      findings.error(
          s.pos(),
          "'" + text + "' is not a full " + (mail ? "web or mailto: address" : "web address"),
          mail
              ? "Write it as https://example.org/complaints or mailto:promises@example.org."
              : "Write it in full, starting https://.");
    }
    return uri;
  }

}
