package dev.kept.validate;

import dev.kept.load.RawCharter.PromiseFile;
import dev.kept.load.YNode.Entry;
import dev.kept.load.YNode.YList;
import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.load.YNode;
import dev.kept.model.Findings;
import dev.kept.model.Markdown;
import dev.kept.model.Names;
import dev.kept.model.Period;
import dev.kept.model.Promise;
import dev.kept.model.PromiseStatus;
import dev.kept.model.RemedyTerms;
import dev.kept.model.Retirement;
import dev.kept.model.Share;
import dev.kept.model.SourcePos;
import dev.kept.model.TargetRule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one promise file into its typed parts (everything but its figures). */
final class PromiseReader {
  static final List<String> KEYS =
      List.of(
          "title", "status", "promise", "unit", "kept_when", "target", "targets", "since",
          "not_covered", "exclusions", "measured", "remedy", "retired", "measure", "owner", "group",
          "promise_url", "results_url", "misses", "promise_brief", "remedy_brief", "remedy_automatic");
  /** The keys whose text readers of the site see, so a comment must not cut it (CommentCuts). */
  private static final List<String> PROSE =
      List.of(
          "title", "promise", "promise_brief", "unit", "kept_when", "not_covered", "exclusions",
          "measured", "remedy", "remedy_brief", "owner", "group");
  static final List<String> TARGET_KEYS = List.of("from", "target", "kept_when", "reason");
  static final List<String> RETIRED_KEYS = List.of("on", "reason");
  static final List<String> STATUSES = List.of("active", "retired", "draft");

  private final Settings settings;
  private final Findings findings;
  private final Lint lint;

  /**
   * Where the last promise read says when it starts: its 'since' value, or the first target's
   * 'from' when there is no 'since'; the promise file's position when neither was read.
   */
  private SourcePos sincePos;

  PromiseReader(Settings settings, Findings findings) {
    this.settings = settings;
    this.findings = findings;
    this.lint = new Lint(settings.lint(), findings);
  }

  /** The promise in a file, with no figures yet (the figures file is read after it). */
  Optional<Promise> read(PromiseFile file) {
    int errorsBefore = findings.errorCount();
    if (!(file.root() instanceof YMap map)) {
      findings.error(
          file.root().pos(),
          "a promise file should be a mapping of keys to values, but it is " + file.root().kind(),
          "Start with 'title: ...' on the first line.");
      return Optional.empty();
    }
    Fields f = new Fields(map, "a promise", KEYS, findings);
    CommentCuts.check(map, PROSE, findings);
    SourcePos filePos = SourcePos.file(file.file());
    sincePos = f.has("since") ? f.posOf("since") : firstFromPos(f).orElse(filePos);

    String title =
        f.required("title", "Give the promise a short title, such as 'Answering your calls'.")
            .map(s -> s.text().strip())
            .orElse("");
    PromiseStatus status =
        f.word("status", Set.copyOf(STATUSES), STATUSES)
            .map(w -> PromiseStatus.valueOf(w.toUpperCase(java.util.Locale.ROOT)))
            .orElse(PromiseStatus.ACTIVE);
    Markdown promise =
        f.required("promise", "Say what you promise, in plain words, as the customer would read it.")
            .map(s -> {
              lint.text(s, "promise");
              return MarkdownCheck.check(s, "promise", findings);
            })
            .orElse(new Markdown("", filePos));

    boolean measureNone = false;
    Optional<YScalar> measure = f.scalar("measure");
    if (measure.isPresent()) {
      if (measure.get().text().strip().equals("none")) {
        measureNone = true;
      } else {
        findings.error(
            measure.get().pos(),
            "'measure' can only be 'none' (meaning: not measured yet)",
            "Remove 'measure' to measure the promise from its figures file.");
      }
    }

    String unit = f.text("unit").orElse("");
    String keptWhen = f.text("kept_when").orElse("");
    f.scalar("kept_when").ifPresent(lint::keptWhen);
    Optional<Period> since = f.scalar("since").flatMap(s -> period(s, "since"));
    List<TargetRule> targets = new ArrayList<>();

    if (measureNone) {
      for (String key : List.of("target", "targets", "since")) {
        if (f.has(key)) {
          findings.error(
              f.keyPos(key),
              "a promise with 'measure: none' has no '" + key + "'",
              "Remove '" + key + "' until you publish figures, or remove 'measure: none'.");
        }
      }
      since = Optional.empty();
    } else {
      if (unit.isEmpty()) {
        f.required("unit", "Name what you count, as a plural noun: for example 'unit: calls'.");
      }
      readTargets(f, since, keptWhen, targets);
      if (!targets.isEmpty()) {
        since = Optional.of(targets.get(0).from());
        keptWhen = targets.get(targets.size() - 1).keptWhen();
      }
    }

    List<Markdown> notCovered = new ArrayList<>();
    if (f.misspelt("not_covered")) {
      // reported as an unknown key, with the right spelling
    } else if (!f.node("not_covered").isPresent()) {
      findings.error(
          f.keyPos("not_covered"),
          "'not_covered' is missing from a promise",
          "List what the promise does not cover, one '- ' line each, or write 'not_covered: []'"
              + " to say plainly that it covers everything.");
    } else {
      f.list("not_covered")
          .ifPresent(
              list ->
                  f.scalars(list, "not_covered")
                      .forEach(s -> {
                        lint.text(s, "not_covered");
                        notCovered.add(MarkdownCheck.check(s, "not_covered", findings));
                      }));
      if (f.node("not_covered").get() instanceof YScalar s && s.isNull()) {
        findings.error(
            f.keyPos("not_covered"),
            "'not_covered' is empty",
            "Write 'not_covered: []' to say the promise covers everything, or list the exceptions.");
      }
    }

    Map<String, String> exclusions = new LinkedHashMap<>();
    f.mapping(
            "exclusions",
            "Write each reason code on its own line: 'code: what it means'.")
        .ifPresent(m -> readExclusions(m, exclusions));

    Optional<Markdown> measured =
        f.scalar("measured").map(s -> MarkdownCheck.check(s, "measured", findings));

    Optional<Markdown> remedy = Optional.empty();
    Optional<YScalar> remedyText =
        f.required(
            "remedy",
            "Say what the customer gets when you break the promise, or write 'remedy: none'.");
    if (remedyText.isPresent() && !remedyText.get().text().strip().equals("none")) {
      lint.remedy(remedyText.get());
      remedy = Optional.of(MarkdownCheck.check(remedyText.get(), "remedy", findings));
    }
    Optional<String> promiseBrief = oneLine(f, "promise_brief");
    RemedyTerms remedyTerms = RemedyTerms.NONE;
    if (remedyText.isPresent() && remedy.isEmpty()) {
      for (String key : List.of("remedy_brief", "remedy_automatic")) {
        if (f.has(key)) {
          findings.error(
              f.keyPos(key),
              "'" + key + "' is set but the promise says 'remedy: none'",
              "Remove '" + key + "', or say in 'remedy' what the customer gets.");
        }
      }
    } else {
      Optional<Boolean> automatic =
          // true and false too, in each spelling YAML reads as a boolean (True, TRUE): what an
          // editor makes of them, and the schema accepts them as booleans.
          f.word(
                  "remedy_automatic",
                  Set.of("yes", "no", "true", "false", "True", "False", "TRUE", "FALSE"),
                  List.of("yes", "no"))
              .map(w -> w.equals("yes") || w.equalsIgnoreCase("true"));
      remedyTerms = new RemedyTerms(oneLine(f, "remedy_brief"), automatic);
    }

    Optional<Retirement> retirement = Optional.empty();
    Optional<YMap> retired =
        f.mapping("retired", "Write 'retired:' then, indented, 'on: 2026-03-31' and 'reason: ...'.");
    if (status == PromiseStatus.RETIRED) {
      if (retired.isEmpty() && !f.has("retired")) {
        findings.ruleError(
            "H16",
            f.posOf("status"),
            "a retired promise needs 'retired' with the date and the reason",
            "Add 'retired:' with 'on: YYYY-MM-DD' and 'reason: ...', so readers know why it ended.");
      }
      retirement = retired.flatMap(this::readRetirement);
    } else if (f.has("retired")) {
      findings.error(
          f.keyPos("retired"),
          "'retired' is set but the status is " + status.word(),
          "Add 'status: retired', or remove 'retired'.");
    }

    List<dev.kept.model.Account> misses =
        f.list("misses").map(list -> new MissesReader(settings, findings, lint).read(list)).orElse(List.of());

    dev.kept.model.About about =
        new dev.kept.model.About(
            f.text("owner"), f.text("group"), f.scalar("promise_url").flatMap(this::webAddress),
            f.scalar("results_url").flatMap(this::webAddress));
    if (status != PromiseStatus.DRAFT) {
      refusePlaceholders(map);
    }
    if (findings.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new Promise(
            file.id(), filePos, title, status, promise, unit, keptWhen, targets, since, notCovered,
            exclusions, measured, remedy, retirement, about, List.of(), misses, promiseBrief,
            remedy.isPresent() ? remedyTerms : RemedyTerms.NONE));
  }

  /**
   * A short plain-text value on one line ({@code promise_brief}, {@code remedy_brief}): shown on a
   * card and inside a sentence, so it is not Markdown and has no line break.
   */
  private Optional<String> oneLine(Fields f, String key) {
    Optional<YScalar> value = f.scalar(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().text().strip();
    if (text.indexOf('\n') >= 0) {
      findings.error(
          value.get().pos(),
          "'" + key + "' should be one line of plain text",
          "Write it on one line after the colon, in a few words.");
      return Optional.empty();
    }
    lint.text(value.get(), key);
    return Optional.of(text);
  }

  /** Where the last promise read says when it starts (see {@link #sincePos}). */
  SourcePos sincePos() {
    return sincePos;
  }

  private static Optional<SourcePos> firstFromPos(Fields f) {
    return f.node("targets")
        .filter(n -> n instanceof YList)
        .flatMap(l -> ((YList) l).items().stream().findFirst())
        .filter(n -> n instanceof YMap)
        .flatMap(n -> ((YMap) n).entry("from"))
        .map(e -> e.value().pos());
  }

  private void readTargets(
      Fields f, Optional<Period> since, String keptWhen, List<TargetRule> targets) {
    boolean single = f.has("target");
    boolean dated = f.has("targets");
    if (single && dated) {
      findings.ruleError(
          "H15",
          f.keyPos("targets"),
          "a promise has either 'target' or 'targets', not both",
          "Keep 'targets' (the dated list) and move the value of 'target' into it.");
      return;
    }
    if (!single && !dated) {
      if (f.misspelt("target") || f.misspelt("targets")) {
        return;
      }
      findings.error(
          f.pos().line() == 0 ? f.pos() : f.keyPos("target"),
          "the promise has no target",
          "Add 'target: 95%' (the share you promise to keep), or 'measure: none' if you do not"
              + " measure it yet.");
      return;
    }
    if (single) {
      Optional<Share> target = f.scalar("target").flatMap(this::share);
      if (since.isEmpty() && f.scalar("since").isEmpty()) {
        f.required("since", "Give the first period the promise applies to: for example 'since: "
            + Period.example(settings.kind(), settings.yearStarts()) + "'.");
      }
      if (keptWhen.isEmpty()) {
        f.required(
            "kept_when",
            "Say what counts as kept, with its number: for example 'a person answered within 2"
                + " minutes'.");
      }
      if (target.isPresent() && since.isPresent() && !keptWhen.isEmpty()) {
        targets.add(
            new TargetRule(
                since.get(), target.get(), keptWhen, Optional.empty(), TargetRule.Change.FIRST,
                false, f.posOf("target")));
      }
      return;
    }
    Optional<YList> list = f.list("targets");
    if (list.isEmpty()) {
      return;
    }
    if (list.get().items().isEmpty()) {
      findings.error(list.get().pos(), "'targets' is empty", "List at least one target with its 'from' period.");
      return;
    }
    String currentKeptWhen = keptWhen;
    TargetRule previous = null;
    // Once the first target is refused (its error reported), the later ones are not "the first":
    // they are checked for their own mistakes only, so one typo gives one error.
    boolean firstRefused = false;
    // A misspelt 'kept_when' (reported as an unknown key, with the right spelling) is not also
    // reported as missing.
    boolean keptWhenMisspelt = f.misspelt("kept_when");
    for (YNode item : list.get().items()) {
      if (!(item instanceof YMap entry)) {
        findings.error(
            item.pos(),
            "each target should be a mapping with 'from' and 'target'",
            "Write '- from: 2025-04' then, indented, 'target: 95%' and 'reason: ...'.");
        continue;
      }
      Fields t = new Fields(entry, "a target", TARGET_KEYS, findings);
      CommentCuts.check(entry, List.of("kept_when", "reason"), findings);
      Optional<Period> from =
          t.required("from", "Give the first period this target applies to.")
              .flatMap(s -> period(s, "from"));
      Optional<Share> share =
          t.required("target", "Give the target as a percentage, such as 95%.").flatMap(this::share);
      Optional<String> reason = t.text("reason");
      Optional<String> newKeptWhen = t.text("kept_when");
      t.scalar("kept_when").ifPresent(lint::keptWhen);
      if (newKeptWhen.isPresent()) {
        currentKeptWhen = newKeptWhen.get();
      }
      keptWhenMisspelt |= t.misspelt("kept_when");
      if (from.isEmpty() || share.isEmpty()) {
        firstRefused |= previous == null;
        continue;
      }
      if (previous == null && firstRefused) {
        continue;
      }
      if (previous == null) {
        if (since.isPresent() && !since.get().equals(from.get())) {
          findings.ruleError(
              "H15",
              t.posOf("from"),
              "the first target starts in " + from.get() + " but the promise starts in "
                  + since.get(),
              "Make the first target's 'from' the same as 'since' (or remove 'since').");
        }
        if (currentKeptWhen.isEmpty()) {
          if (!keptWhenMisspelt) {
            findings.error(
                entry.pos(),
                "the first target does not say what counts as kept",
                "Add 'kept_when' to the promise or to its first target.");
          }
          firstRefused = true;
          continue;
        }
        previous =
            new TargetRule(
                from.get(), share.get(), currentKeptWhen, reason, TargetRule.Change.FIRST,
                false, entry.pos());
        targets.add(previous);
        continue;
      }
      if (from.get().compareTo(previous.from()) <= 0) {
        findings.ruleError(
            "H15",
            t.posOf("from"),
            "targets must be in date order: " + from.get() + " is not after " + previous.from(),
            "List the targets oldest first, each starting after the one before.");
        continue;
      }
      if (reason.isEmpty()) {
        findings.ruleError(
            "H15",
            t.keyPos("from"),
            "a change of target needs a 'reason'",
            "Say why the target changed from " + previous.target() + " to " + share.get()
                + "; readers see every change with its reason.");
      }
      int cmp = share.get().compareTo(previous.target());
      TargetRule.Change change =
          cmp > 0
              ? TargetRule.Change.RAISED
              : cmp < 0
                  ? TargetRule.Change.LOWERED
                  : currentKeptWhen.equals(previous.keptWhen())
                      ? TargetRule.Change.UNCHANGED
                      : TargetRule.Change.REDEFINED;
      previous =
          new TargetRule(
              from.get(), share.get(), currentKeptWhen, reason, change,
              !currentKeptWhen.equals(previous.keptWhen()), entry.pos());
      targets.add(previous);
    }
  }

  private void readExclusions(YMap map, Map<String, String> exclusions) {
    for (Entry e : map.entries()) {
      String code = e.key().text();
      if (!Names.ID.matcher(code).matches()) {
        findings.ruleError(
            "H12",
            e.key().pos(),
            "'" + code + "' is not a valid exclusion reason code",
            "Use lower-case letters, digits and hyphens, such as 'no-access'; the figures file"
                + " names it in a column 'excluded:" + Names.hyphenate(code) + "'.");
        continue;
      }
      if (e.value() instanceof YScalar s && !s.isNull() && !s.text().isBlank()) {
        if (!TextLimits.within(s, "the description of '" + code + "'", TextLimits.SHORT, findings)) {
          continue;
        }
        exclusions.put(code, s.text().strip());
      } else {
        findings.ruleError(
            "H12",
            e.value().pos(),
            "the exclusion reason '" + code + "' has no description",
            "Describe in plain words which cases this reason leaves out; readers see it.");
      }
    }
  }

  private Optional<Retirement> readRetirement(YMap map) {
    Fields r = new Fields(map, "'retired'", RETIRED_KEYS, findings);
    CommentCuts.check(map, List.of("reason"), findings);
    Optional<LocalDate> on =
        r.required("on", "Give the date the promise ended: 'on: YYYY-MM-DD'.")
            .flatMap(s -> date(s, "on"));
    Optional<String> reason =
        r.required("reason", "Say why the promise was retired; readers see it.")
            .map(s -> s.text().strip());
    if (on.isPresent() && on.get().isAfter(settings.buildDate())) {
      findings.ruleError(
          "H16",
          r.posOf("on"),
          "the retirement date " + on.get() + " is in the future",
          "Retire a promise once it has ended; until then it stays active.");
      return Optional.empty();
    }
    if (on.isEmpty() || reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Retirement(on.get(), reason.get()));
  }

  private Optional<Period> period(YScalar s, String key) {
    String text = s.text().strip();
    Optional<Period> p = Period.parse(text, settings.kind(), settings.yearStarts());
    if (p.isEmpty()) {
      findings.error(
          s.pos(),
          "'" + key + "' should be a " + settings.kind().word() + " such as "
              + Period.example(settings.kind(), settings.yearStarts()) + ", not '" + text + "'",
          "The charter's 'period' is " + settings.kind().word()
              + "; every period in it is written that way.");
    }
    return p;
  }

  private Optional<Share> share(YScalar s) {
    String text = s.text().strip();
    Optional<Share> share = Share.parse(text);
    if (share.isEmpty()) {
      String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text; // a finding stays short
      String message = "the target '" + shown + "' is not a percentage";
      String hint = "Write it as a percentage, such as 95% or 99.9%.";
      if (text.matches("\\d+(\\.\\d+)?%")) {
        // Only the whole part decides whether it is above 100%: read no more digits than that needs.
        String whole = text.substring(0, text.contains(".") ? text.indexOf('.') : text.length() - 1)
            .replaceFirst("^0+(?=\\d)", "");
        String fraction = text.contains(".") ? text.substring(text.indexOf('.') + 1, text.length() - 1) : "";
        if (whole.length() > 3 || Integer.parseInt(whole) > 100
            || (Integer.parseInt(whole) == 100 && fraction.matches(".*[1-9].*"))) {
          message = "the target '" + shown + "' is above 100%";
          hint = "A target is a share of cases, at most 100%.";
        } else if (text.contains(".") && text.length() - text.indexOf('.') - 2 > 6) {
          message = "the target '" + shown + "' has more than 6 decimals";
          hint = "Write it with at most 6 decimals, such as 99.9999%.";
        } else {
          hint = "Write it without leading zeros, such as 95% or 99.9%.";
        }
      }
      findings.ruleError("H1", s.pos(), message, hint);
      return Optional.empty();
    }
    if (share.get().isZero()) {
      findings.ruleError(
          "H1",
          s.pos(),
          "a target of 0% promises nothing",
          "Give the share you promise to keep, above 0%; or use 'measure: none'.");
      return Optional.empty();
    }
    return share;
  }

  /** A promise about to be published must not carry the "TODO" placeholders `kept new` writes. */
  private void refusePlaceholders(YNode node) {
    if (node instanceof YScalar s) {
      int at = s.text().indexOf("TODO");
      if (at >= 0) {
        findings.error(
            s.locate(at, 4),
            "a placeholder (TODO) is left in a promise that will be published",
            "Write the real text, or keep the promise as 'status: draft' until it is ready.");
      }
    } else if (node instanceof YMap m) {
      m.entries().forEach(e -> refusePlaceholders(e.value()));
    } else if (node instanceof YList l) {
      l.items().forEach(this::refusePlaceholders);
    }
  }

  private Optional<java.net.URI> webAddress(YScalar s) {
    String text = s.text().strip();
    Optional<java.net.URI> uri = dev.kept.model.WebAddress.web(text);
    if (uri.isEmpty()) {
      findings.error(s.pos(), "'" + text + "' is not a full web address", "Write it in full, starting https://.");
    }
    return uri;
  }

  static Optional<LocalDate> parseDate(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private Optional<LocalDate> date(YScalar s, String key) {
    Optional<LocalDate> d = parseDate(s.text().strip());
    if (d.isEmpty()) {
      findings.error(
          s.pos(),
          DateWords.problem(key, s.text().strip()),
          "Write the year, month and day with hyphens, such as 2025-12-31.");
    }
    return d;
  }
}
