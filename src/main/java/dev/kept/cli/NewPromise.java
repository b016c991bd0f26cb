package dev.kept.cli;

import dev.kept.model.Chars;
import dev.kept.model.Names;
import dev.kept.model.Period;
import dev.kept.model.PeriodKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * Writes a new promise's files: {@code promises/<id>.yaml} with every key present and explained,
 * as a draft that passes {@code kept check}, and {@code figures/<id>.csv} with its header.
 */
final class NewPromise {
  private NewPromise() {}

  /** The scaffold's text for a charter with monthly periods starting in {@code since}. */
  static String yaml(String id, Period since) {
    return String.format(
        java.util.Locale.ROOT,
        """
        # yaml-language-server: $schema=../../schema/promise.schema.json
        # One promise to our customers. Each key is explained above it; the staff guide,
        # docs/editing-promises.md, says more. Run `kept check` after every change.

        # A short title, as a customer would say it: "Answering your calls".
        title: "TODO: a short title for %s"

        # draft: checked by `kept check`, never published. Change it to active when it is ready;
        # `kept check` then refuses any TODO left in it.
        status: draft

        # What we promise, in plain words, as the customer reads it (Markdown).
        # Say the number: "within 2 minutes", not "promptly".
        promise: |
          TODO: write the promise here.

        # What we count, as a plural noun: calls, letters, visits, bills.
        unit: cases

        # What counts as kept, with its number: "a person answered within 2 minutes".
        kept_when: "TODO: what counts as kept, such as: we dealt with it within 5 working days"

        # The share of cases we promise to keep: above 0%%, at most 100%%.
        # When it changes, replace it with a dated list (see the staff guide):
        # targets:
        #   - from: %s
        #     target: 95%%
        #   - from: <a later period>
        #     target: 97%%
        #     reason: Why the target changed, in plain words.
        target: 95%%

        # The first period the promise applies to, written like %s.
        since: %s

        # What the promise does not cover (Markdown), one '- ' line each; [] for no exceptions.
        not_covered: []

        # Cases we leave out of the figures, each with a reason code and a plain description.
        # The figures file then counts them in an 'excluded' column (one column per reason,
        # 'excluded:<code>', when there is more than one).
        # exclusions:
        #   no-access: We could not reach the site because access was refused.

        # How we measure it: where the figures come from and what is counted (Markdown).
        measured: |
          TODO: say where the figures come from and what is counted.

        # What the customer gets when we break the promise (Markdown), or the word none.
        remedy: none
        """,
        id, since.label(), Period.example(since.kind(), since.yearStarts()), since.label());
  }

  static final String CSV_HEADER = "period,cases,kept,excluded,note\n";

  /**
   * Writes the two files, refusing to overwrite either.
   *
   * @return a line saying what was written
   * @throws IllegalArgumentException when the id is not valid by {@link Names}' rule
   * @throws FileAlreadyExistsException when either file exists
   */
  static String write(Path charter, String id, PeriodKind kind, int yearStarts, LocalDate today)
      throws IOException {
    java.util.Optional<String> problem = Names.problem(id);
    if (problem.isPresent()) {
      // The loader's own rule (Names), so what this writes, `kept check` reads.
      throw new IllegalArgumentException(
          "'" + Chars.visible(id) + "' " + problem.get() + ": an id is 1 to 64 lower-case letters"
              + " a-z, digits and hyphens, starting with a letter or digit, and not a name Windows"
              + " keeps (con, prn, aux, nul, com0-com9, lpt0-lpt9). Try: kept new promise "
              + Names.suggest(id));
    }
    Path yaml = charter.resolve("promises").resolve(id + ".yaml");
    Path csv = charter.resolve("figures").resolve(id + ".csv");
    for (Path p : new Path[] {yaml, csv}) {
      if (Files.exists(p)) {
        throw new FileAlreadyExistsException(p.toString());
      }
    }
    Files.createDirectories(yaml.getParent());
    Files.createDirectories(csv.getParent());
    Period since = Period.containing(today, kind, yearStarts);
    Files.writeString(yaml, yaml(id, since), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    Files.writeString(csv, CSV_HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    return "Wrote " + yaml + " (a draft) and " + csv + ". Fill them in, then run: kept check";
  }
}
