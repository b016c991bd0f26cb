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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a new promise's files: {@code promises/<id>.yaml} with every key present and explained,
 * as a draft that passes {@code kept check}, and {@code figures/<id>.csv} with its header. The
 * YAML names its editor schema by a path that exists from where it is written (the nearest
 * {@code schema/promise.schema.json} at or above the charter folder), or none.
 */
final class NewPromise {
  private NewPromise() {}

  /**
   * The text of a promise file: the comments {@code kept new promise} writes, with these values.
   * {@code new promise} fills them with TODO placeholders as a draft; {@code new charter} fills
   * them in for its example.
   *
   * @param schemaLine the first line, naming the editor schema, or empty for none
   */
  static String yaml(Optional<String> schemaLine, Period since, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("schema", schemaLine.orElse(""));
    all.put("since", since.label());
    all.put("period_example", Period.example(since.kind(), since.yearStarts()));
    // A value that starts on the next line (a list) leaves no blank after its key.
    return Starter.fill("promise.yaml", all).replaceAll("(?m)[ \t]+$", "");
  }

  /** The draft's values: placeholders that {@code kept check} refuses once the promise is active. */
  static Map<String, String> draft(String id) {
    return Map.of(
        "title", "\"TODO: a short title for " + id + "\"",
        "status", "draft",
        "promise", "|\n  TODO: write the promise here.",
        "unit", "cases",
        "kept_when", "\"TODO: what counts as kept, such as: we dealt with it within 5 working days\"",
        "target", "95%",
        "not_covered", "[]",
        "measured", "|\n  TODO: say where the figures come from and what is counted.",
        "remedy", "none");
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
    Optional<String> schemaLine = Starter.schemaLine(charter, yaml.getParent(), "promise.schema.json");
    Files.writeString(yaml, yaml(schemaLine, since, draft(id)), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    Files.writeString(csv, CSV_HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    return "Wrote " + yaml + " (a draft) and " + csv + ". Fill them in, then run: kept check"
        + (schemaLine.isPresent()
            ? ""
            : "\nNo schema/promise.schema.json in the charter folder or a folder above it, so the file"
                + " names no schema for editor help; a charter made by 'kept new charter' has one.");
  }
}
