package dev.kept.model;

/** Whether a promise is in force, retired (still published, H16), or a draft (never published). */
public enum PromiseStatus {
  ACTIVE("active"),
  RETIRED("retired"),
  DRAFT("draft");

  private final String word;

  PromiseStatus(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
