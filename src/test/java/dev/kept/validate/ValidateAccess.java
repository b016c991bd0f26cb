package dev.kept.validate;

import dev.kept.load.CsvTable;
import dev.kept.load.RawCharter.PromiseFile;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.FigureRow;
import dev.kept.model.Findings;
import dev.kept.model.Markdown;
import dev.kept.model.Promise;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Test access to the validate stage's package-private checks, for fuzz tests in other packages. */
public final class ValidateAccess {
  private ValidateAccess() {}

  /** Runs the Markdown check on a {@code |} block value starting at line 1 of {@code file}. */
  public static Markdown checkMarkdown(YScalar scalar, String field, Findings findings) {
    return MarkdownCheck.check(scalar, field, findings);
  }

  /** Reads one promise file's tree with the default charter settings. */
  public static Optional<Promise> promise(PromiseFile file, LocalDate buildDate, Findings findings) {
    return new PromiseReader(Settings.defaults(buildDate), findings).read(file);
  }

  /** Reads one figures file for {@code promise} with the default charter settings. */
  public static Optional<List<FigureRow>> figures(
      CsvTable table, Promise promise, LocalDate buildDate, Findings findings) {
    return new FiguresReader(Settings.defaults(buildDate), findings).read(table, promise);
  }

  /** The stand-in promise used for figures whose promise file could not be read. */
  public static Promise standIn(String id, CsvTable table) {
    return FiguresReader.standIn(id, table);
  }
}
