package dev.kept.model;

import java.util.List;
import java.util.Objects;

/**
 * A promise's clear misses that have no account yet (H22): the complete periods of its current
 * headline window that were missed clearly (outside normal variation, on enough cases to tell),
 * and its headline, when it was missed clearly, with no account of it. Each is labelled "Not yet
 * explained" where it is shown, and counted on the index. (The clear misses before the window
 * are labelled on the promise's page too, from its whole record: {@link
 * PromiseRecord#notYetExplained}.)
 *
 * @param unexplained those periods of the window, oldest first
 * @param headlineUnexplained whether the headline is such a miss
 */
public record Misses(List<Period> unexplained, boolean headlineUnexplained) {
  /** No clear miss without an account. */
  public static final Misses NONE = new Misses(List.of(), false);

  public Misses {
    Objects.requireNonNull(unexplained, "unexplained");
    unexplained = List.copyOf(unexplained);
  }

  /** How many misses have no account: the periods, and the headline. */
  public int count() {
    return unexplained.size() + (headlineUnexplained ? 1 : 0);
  }
}
