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
 * @param figures each {@code figures/<id>.csv} found with a valid name, in file-name order, not yet
 *     read: validate reads each when it checks it, so that one file's cells are held at a time
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

  /**
   * A figures file, handed on unread: the promise id it belongs to, its name in messages, and how
   * to read it. Its cells (six million at 10,000 promises of 120 months) are made only when {@link
   * #read} is called, and are the caller's to let go; so a build holds the cells of the files being
   * checked, not of every file. Equal only to itself (or a copy with the same reader): a file made
   * again for a later run is a new one.
   */
  public record FiguresFile(String id, String file, Reader reader) {
    public FiguresFile {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reader, "reader");
    }

    /**
     * Reads and parses the file: its table, or empty when it cannot be read; every problem met
     * (size, link, encoding, CSV) is added to {@code findings}, as loading adds those of a promise
     * file. Each call reads afresh, unless the loader's {@link dev.kept.model.Reuse#keeps} kept
     * the file's text for later runs; thread-safe.
     */
    public Optional<CsvTable> read(dev.kept.model.Findings findings) {
      return reader.read(findings);
    }

    /** How a figures file is read; see {@link FiguresFile#read}. */
    public interface Reader {
      Optional<CsvTable> read(dev.kept.model.Findings findings);
    }
  }
}
