package dev.kept.model;

/** What follows a verdict: how sure it is (H7, H8). The words are part of the data format. */
public enum Qualifier {
  /** The target lies outside the Wilson interval: normal variation does not explain the result. */
  CLEAR("clear"),
  /** The target lies inside the Wilson interval. */
  WITHIN_NORMAL_VARIATION("within normal variation"),
  /** Fewer than {@code n_min} cases (H8). */
  FEW_CASES("few cases");

  private final String words;

  Qualifier(String words) {
    this.words = words;
  }

  /** As published: {@code clear}, {@code within normal variation} or {@code few cases}. */
  public String words() {
    return words;
  }
}
