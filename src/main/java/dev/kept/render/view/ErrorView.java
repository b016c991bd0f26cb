package dev.kept.render.view;

import java.util.List;

/**
 * One error as the preview's error page shows it: where it is, what is wrong, what to do, and the
 * lines of the input around it.
 *
 * @param location {@code file:line:column}, as the command line prints it
 * @param file the file, as the user named it
 * @param line the line, or {@code ""} when the error is about the whole file
 * @param column the column, or {@code ""} when there is none
 * @param hint what to do, or {@code ""}
 * @param lines the offending line and the lines around it; empty when the file cannot be shown
 */
public record ErrorView(
    String location, String file, String line, String column, String message, String hint, List<ErrorLine> lines) {
  public ErrorView {
    lines = List.copyOf(lines);
  }
}
