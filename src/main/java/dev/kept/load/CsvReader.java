package dev.kept.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kept.load.CsvTable.Cell;
import dev.kept.load.CsvTable.Row;
import dev.kept.model.Chars;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one CSV file into cells with their positions. Quoted cells (with commas, quotes or line
 * breaks in them), CRLF line ends and a byte-order mark are handled; blank lines are skipped.
 * Thread-safe: the Jackson factory is shared and each call makes its own parser.
 */
final class CsvReader {
  private static final CsvFactory FACTORY = new CsvFactory();

  /** How many cells with refused characters one file reports before the rest go unsaid. */
  private static final int MAX_BAD_CELLS = 20;

  private final Limits limits;

  CsvReader(Limits limits) {
    this.limits = limits;
  }

  Optional<CsvTable> read(String text, String file, Findings findings) {
    List<Row> rows = new ArrayList<>();
    int badCells = 0;
    try (CsvParser parser = (CsvParser) FACTORY.createParser(text)) {
      parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      List<Cell> cells = null;
      JsonToken token;
      int depth = 0;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          depth++;
          if (depth == 2) {
            cells = new ArrayList<>();
          }
        } else if (token == JsonToken.END_ARRAY) {
          depth--;
          if (depth == 1 && cells != null) {
            // A blank line, or a row of empty cells as spreadsheets write at the end (",,,,").
            boolean blank = cells.stream().allMatch(c -> c.text().isBlank());
            if (!cells.isEmpty() && !blank) {
              rows.add(new Row(cells, cells.get(0).pos()));
              if (rows.size() > limits.maxRows() + 1) {
                findings.error(
                    cells.get(0).pos(),
                    "the file has more than " + limits.maxRows() + " rows",
                    "Split the figures into longer periods, or raise the limit if this is real.");
                return Optional.empty();
              }
            }
            cells = null;
          }
        } else if (token == JsonToken.VALUE_STRING && cells != null) {
          String cell = parser.getText();
          JsonLocation location = parser.currentTokenLocation();
          SourcePos at = pos(file, location);
          Optional<Chars.Bad> bad = Chars.first(cell, true);
          if (bad.isPresent()) {
            // A cell is text for the pages, the feed and the downloads: see Chars for what is refused.
            if (++badCells <= MAX_BAD_CELLS) {
              findings.error(
                  within(text, location, at, cell, bad.get().index()),
                  "the cell contains " + bad.get().what(),
                  bad.get().hint());
            }
            continue;
          }
          cells.add(new Cell(cell, at));
        }
      }
    } catch (JsonProcessingException e) {
      String problem = String.valueOf(e.getOriginalMessage());
      String message;
      String hint;
      if (problem.contains("Expected column separator")) {
        message = "a quote inside a quoted cell is not doubled";
        hint = "Inside a quoted cell, write each quote twice: \"We said \"\"sorry\"\"\".";
      } else if (problem.contains("Missing closing quote")) {
        message = "a quoted cell is never closed";
        hint = "Add the closing quote at the end of the cell, and write each quote inside it twice.";
      } else {
        message = "the CSV is not well-formed: " + firstLine(problem);
        hint = "Check the quotes on this line: a quoted cell must end with a quote before the next comma.";
      }
      findings.error(pos(file, e.getLocation()), message, hint);
      return Optional.empty();
    } catch (IOException e) {
      findings.error(SourcePos.file(file), "the CSV could not be read: " + e.getMessage());
      return Optional.empty();
    }
    if (badCells > 0) {
      return Optional.empty();
    }
    if (rows.isEmpty()) {
      findings.error(
          new SourcePos(file, 1, 1),
          "the file is empty",
          "Start it with the header line: period,cases,kept,excluded,note");
      return Optional.empty();
    }
    long lines = text.chars().filter(c -> c == '\n').count();
    int endLine = (int) lines + (text.endsWith("\n") || text.isEmpty() ? 1 : 2);
    return Optional.of(
        new CsvTable(file, rows.get(0), rows.subList(1, rows.size()), new SourcePos(file, endLine, 1)));
  }

  /**
   * Where the character at {@code index} of a cell that starts at {@code at} is, when the cell's
   * text up to it is on one line with no doubled quote (so each character is one column); else the
   * cell's start.
   */
  private static SourcePos within(String text, JsonLocation location, SourcePos at, String cell, int index) {
    String before = cell.substring(0, index);
    long offset = location == null ? -1 : location.getCharOffset();
    if (at.line() < 1 || offset < 0 || offset >= text.length() || before.indexOf('\n') >= 0 || before.indexOf('\r') >= 0
        || before.indexOf('"') >= 0) {
      return at;
    }
    boolean quoted = text.charAt((int) offset) == '"';
    return new SourcePos(at.file(), at.line(), at.column() + index + (quoted ? 1 : 0));
  }

  private static SourcePos pos(String file, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourcePos.file(file);
    }
    return new SourcePos(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
