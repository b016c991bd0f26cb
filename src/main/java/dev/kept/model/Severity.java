package dev.kept.model;

/**
 * How bad a finding is. Errors stop the build; warnings are reported and the build goes on
 * ({@code --strict} makes them errors); notices are reported and never fail a run, even with
 * {@code --strict}.
 */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  /**
   * A fact about the day of the build, not a mistake in the charter: the next update is due soon
   * or late (H18). The author of a change did not cause it, so it never fails a pull request; the
   * site says a late update on every page.
   */
  NOTICE("notice");

  private final String word;

  Severity(String word) {
    this.word = word;
  }

  /** The lower-case word printed in findings: {@code error}, {@code warning} or {@code notice}. */
  public String word() {
    return word;
  }
}
