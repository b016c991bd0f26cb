package dev.kept.load;

import dev.kept.model.SourcePos;
import java.util.List;
import java.util.Objects;

/**
 * A CSV file as cells with positions. Blank lines are dropped; nothing else is interpreted.
 *
 * @param header the first row
 * @param rows every later row that is not blank
 * @param end the position just after the last row, for "a row is missing" errors
 */
public record CsvTable(String file, Row header, List<Row> rows, SourcePos end) {
  public CsvTable {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(header, "header");
    rows = List.copyOf(rows);
    Objects.requireNonNull(end, "end");
  }

  /** One cell's text, exactly as read (quotes removed), and where it starts. */
  public record Cell(String text, SourcePos pos) {
    public Cell {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(pos, "pos");
    }
  }

  /** One row's cells and where the row starts. */
  public record Row(List<Cell> cells, SourcePos pos) {
    public Row {
      cells = List.copyOf(cells);
      Objects.requireNonNull(pos, "pos");
    }
  }
}
