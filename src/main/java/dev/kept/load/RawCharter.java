package dev.kept.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything read from a charter folder, before any of it is checked for meaning.
 *
 * @param folder the charter folder as the user named it, used as the prefix of every file name
 * @param charter {@code charter.yaml}, or empty when it was missing or could not be read
 * @param promises each readable {@code promises/<id>.yaml}, in file-name order
 * @param figures each readable {@code figures/<id>.csv}, in file-name order
 * @param promiseIds the id of every promise file found, readable or not, so that a file that could
 *     not be read is not reported again as missing
 * @param figuresIds the id of every figures file found, readable or not
 */
public record RawCharter(
    String folder,
    Optional<YNode> charter,
    List<PromiseFile> promises,
    List<FiguresFile> figures,
    SortedSet<String> promiseIds,
    SortedSet<String> figuresIds) {
  public RawCharter {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(charter, "charter");
    promises = List.copyOf(promises);
    figures = List.copyOf(figures);
    promiseIds = Collections.unmodifiableSortedSet(new TreeSet<>(promiseIds));
    figuresIds = Collections.unmodifiableSortedSet(new TreeSet<>(figuresIds));
  }

  /** A promise file: its id (the file name without {@code .yaml}) and its tree. */
  public record PromiseFile(String id, String file, YNode root) {
    public PromiseFile {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(root, "root");
    }
  }

  /** A figures file: the promise id it belongs to and its table. */
  public record FiguresFile(String id, CsvTable table) {
    public FiguresFile {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(table, "table");
    }
  }
}
