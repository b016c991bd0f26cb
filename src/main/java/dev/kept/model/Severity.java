package dev.kept.model;

/** How bad a finding is. Errors stop the build; warnings are reported and the build goes on. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String word;

  Severity(String word) {
    this.word = word;
  }

  /** The lower-case word printed in findings: {@code error} or {@code warning}. */
  public String word() {
    return word;
  }
}
