package dev.kept.cli;

import dev.kept.model.Period;
import dev.kept.model.PeriodKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a new charter repository, ready to check and build:
 *
 * <pre>
 * DIR/charter/charter.yaml              every key present and explained
 * DIR/charter/promises/answer-calls.yaml  an example promise, as 'kept new promise' writes one, filled in
 * DIR/charter/figures/answer-calls.csv    its figures: 12 months, up to the month before today's
 * DIR/schema/charter.schema.json, promise.schema.json   the editor schemas, from Kept's jar
 * DIR/.vscode/settings.json, extensions.json            the schemas mapped to the files
 * DIR/.github/workflows/kept.yml        checks pull requests, publishes main to GitHub Pages
 * DIR/.gitignore  DIR/README.md         site/ left out; the staff's short guide
 * </pre>
 *
 * <p>The charter is published on the day it is made ({@code published}), so it checks and builds
 * that day and goes on checking after the month turns. It writes only into a new or empty folder
 * (one holding only {@code .git} counts as empty), and leaves nothing behind when it fails.
 */
final class NewCharter {
  /** The example promise's id. */
  static final String EXAMPLE = "answer-calls";

  /** The example's monthly counts, oldest first: calls counted, and answered within 2 minutes. */
  private static final int[][] COUNTS = {
    {1212, 1148}, {1105, 1049}, {1187, 1121}, {1250, 1169}, {1322, 1236}, {1198, 1139},
    {1264, 1207}, {1301, 1232}, {1176, 1119}, {1243, 1188}, {1290, 1226}, {1304, 1247}
  };

  /** The folder is not empty: nothing was written. */
  static final class NotEmpty extends IOException {
    private static final long serialVersionUID = 1L;
    final transient List<String> entries;

    NotEmpty(Path dir, List<String> entries) {
      super(dir.toString());
      this.entries = List.copyOf(entries);
    }
  }

  private NewCharter() {}

  /**
   * Writes the charter repository into {@code dir}, creating it if absent.
   *
   * @param organisation the organisation's name, one line of text
   * @param today the day it is made: the published date, from which the figures' months follow
   * @param keptVersion the released Kept version the workflow fetches, such as {@code 0.2.0}
   * @return the files written, relative to {@code dir}, in the order written
   * @throws NotEmpty when {@code dir} holds anything but {@code .git}; nothing is written
   * @throws java.nio.file.FileAlreadyExistsException when {@code dir} is a file
   * @throws IOException when a file cannot be written; what was written is removed
   */
  static List<String> write(Path dir, String organisation, LocalDate today, String keptVersion) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new java.nio.file.FileAlreadyExistsException(dir.toString());
    }
    boolean created = !Files.exists(dir);
    if (!created) {
      List<String> entries;
      try (Stream<Path> list = Files.list(dir)) {
        entries = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".git")).sorted().toList();
      }
      if (!entries.isEmpty()) {
        throw new NotEmpty(dir, entries);
      }
    }
    Map<String, String> files = files(organisation, today, keptVersion);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        try {
          Files.writeString(file, f.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          throw e; // not ours: another program wrote it meanwhile
        } catch (IOException e) {
          written.add(file); // partly written
          throw e;
        }
        written.add(file);
      }
    } catch (IOException | RuntimeException e) {
      removeWritten(dir, created, written, e);
      throw e;
    }
    return List.copyOf(files.keySet());
  }

  /** Every file's path (relative, with '/') and text, in the order they are written. */
  static Map<String, String> files(String organisation, LocalDate today, String keptVersion) {
    Period latest = Period.latestEndedBy(today, PeriodKind.MONTH, 1);
    Period first = latest.plus(1 - COUNTS.length);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "charter/charter.yaml",
        Starter.fill(
            "charter.yaml",
            Map.of(
                "organisation", quoted(organisation),
                "published", today.toString(),
                "next_update", today.plusMonths(1).toString(),
                "promise_id", EXAMPLE)));
    files.put(
        "charter/promises/" + EXAMPLE + ".yaml",
        NewPromise.yaml(
            java.util.Optional.of("# yaml-language-server: $schema=../../schema/promise.schema.json\n"),
            first,
            Map.of(
                "title", "Answering your calls",
                "status", "active",
                "promise", "|\n  When you call us, a person answers within 2 minutes.",
                "unit", "calls",
                "kept_when", "a person answered within 2 minutes",
                "target", "90%",
                "not_covered", "\n  - Calls outside our opening hours, 8am to 8pm, Monday to Saturday.",
                "measured",
                    "|\n  Our phone system records how long each caller waits for a person. We count every"
                        + " call\n  to our customer line that waited for a person.",
                "remedy", "none")));
    StringBuilder csv = new StringBuilder(NewPromise.CSV_HEADER);
    for (int i = 0; i < COUNTS.length; i++) {
      csv.append(first.plus(i).label()).append(',').append(COUNTS[i][0]).append(',').append(COUNTS[i][1]).append(",0,\n");
    }
    files.put("charter/figures/" + EXAMPLE + ".csv", csv.toString());
    files.put("schema/charter.schema.json", Starter.resource("/dev/kept/schema/charter.schema.json"));
    files.put("schema/promise.schema.json", Starter.resource("/dev/kept/schema/promise.schema.json"));
    files.put(".vscode/settings.json", Starter.fill("settings.json", Map.of()));
    files.put(".vscode/extensions.json", Starter.fill("extensions.json", Map.of()));
    files.put(".github/workflows/kept.yml", Starter.fill("kept.yml", Map.of("version", keptVersion)));
    files.put(".gitignore", Starter.fill("gitignore", Map.of()));
    files.put(
        "README.md",
        Starter.fill("README.md", Map.of("organisation", organisation, "next_period", latest.next().label())));
    return files;
  }

  /** A YAML double-quoted scalar holding {@code text} as it is. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void removeWritten(Path dir, boolean created, List<Path> written, Exception cause) {
    try {
      if (created) {
        if (Files.exists(dir)) {
          try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        }
      } else {
        for (Path p : written) {
          Files.deleteIfExists(p);
        }
        // The folders made for them, deepest first, when left empty.
        List<Path> folders = new ArrayList<>();
        for (Path p : written) {
          for (Path f = p.getParent(); f != null && !f.equals(dir); f = f.getParent()) {
            folders.add(f);
          }
        }
        folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path f : folders) {
          try (Stream<Path> in = Files.list(f)) {
            if (in.findAny().isEmpty()) {
              Files.deleteIfExists(f);
            }
          } catch (java.nio.file.NoSuchFileException gone) {
            // removed already
          }
        }
      }
    } catch (IOException | RuntimeException again) {
      cause.addSuppressed(again);
    }
  }
}
