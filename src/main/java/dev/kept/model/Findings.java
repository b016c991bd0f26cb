package dev.kept.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collects findings while a stage runs, so that one run reports every problem at once.
 *
 * <p>This is the one mutable type in the model. It is not thread-safe: each stage owns one while it
 * works and hands out the immutable {@link #all()} list when done.
 */
public final class Findings {
  private final List<Finding> list = new ArrayList<>();

  /** Records an error. */
  public void error(SourcePos pos, String message) {
    add(new Finding(Severity.ERROR, pos, message, Optional.empty(), Optional.empty()));
  }

  /** Records an error with a hint that says how to fix it. */
  public void error(SourcePos pos, String message, String hint) {
    add(new Finding(Severity.ERROR, pos, message, Optional.ofNullable(hint), Optional.empty()));
  }

  /** Records an error that enforces an honesty rule ({@code rule} such as {@code H1}). */
  public void ruleError(String rule, SourcePos pos, String message, String hint) {
    add(new Finding(Severity.ERROR, pos, message, Optional.ofNullable(hint), Optional.of(rule)));
  }

  /** Records a warning with an optional hint. */
  public void warning(SourcePos pos, String message, String hint) {
    add(new Finding(Severity.WARNING, pos, message, Optional.ofNullable(hint), Optional.empty()));
  }

  /**
   * Records a notice: a fact about the day of the build that never fails a run, even with
   * {@code --strict} (see {@link Severity#NOTICE}).
   */
  public void notice(String rule, SourcePos pos, String message, String hint) {
    add(new Finding(Severity.NOTICE, pos, message, Optional.ofNullable(hint), Optional.of(rule)));
  }

  public void add(Finding finding) {
    list.add(finding);
  }

  public void addAll(List<Finding> findings) {
    list.addAll(findings);
  }

  /** How many errors so far; compare before and after a step to see whether it found any. */
  public int errorCount() {
    return (int) list.stream().filter(Finding::isError).count();
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Finding::isError);
  }

  /**
   * Every finding so far, sorted by file, line and column so that output is stable and reads top
   * to bottom; findings at the same place keep the order they were found in.
   */
  public List<Finding> all() {
    List<Finding> sorted = new ArrayList<>(list);
    sorted.sort(
        Comparator.comparing((Finding f) -> f.pos().file())
            .thenComparingInt(f -> f.pos().line())
            .thenComparingInt(f -> f.pos().column()));
    return List.copyOf(sorted);
  }
}
