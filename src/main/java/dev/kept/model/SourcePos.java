package dev.kept.model;

import java.util.Objects;

/**
 * Where a value came from: a file as the user named it, and a 1-based line and column.
 *
 * <p>Line and column 0 mean "the whole file" (for example a file that is missing a required key).
 */
public record SourcePos(String file, int line, int column) {
  public SourcePos {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 for the whole file");
    }
  }

  /** The whole file, with no line. */
  public static SourcePos file(String file) {
    return new SourcePos(file, 0, 0);
  }

  /**
   * The position reached from this one by reading {@code text} up to {@code offset}: a line further
   * for each line feed, a column further for any other character.
   */
  public SourcePos advance(CharSequence text, int offset) {
    int l = line;
    int c = column;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        l++;
        c = 1;
      } else {
        c++;
      }
    }
    return new SourcePos(file, l, c);
  }

  /** Where {@code offset} is in the whole text of {@code file}. */
  public static SourcePos at(String file, CharSequence text, int offset) {
    return new SourcePos(file, 1, 1).advance(text, offset);
  }

  /** {@code file:line:column}, or {@code file} alone when there is no line. */
  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return file + ":" + line + ":" + (column == 0 ? 1 : column);
  }
}
