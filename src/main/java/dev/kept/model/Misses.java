package dev.kept.model;

import java.util.List;
import java.util.Objects;

/**
 * A promise's clear misses that have no account yet (H22): the complete periods of its current
 * headline window that were missed clearly (outside normal variation, on enough cases to tell),
 * and its headline, when it was missed clearly, with no account of it. Each is labelled "Not yet
 * explained" where it is shown, and counted on the index. The clear misses before the window with
 * no account are labelled on the promise's page too, so that its table never leaves a miss
 * unmarked, but are neither warned of nor counted: the index speaks of the current window.
 *
 * @param unexplained those periods of the window, oldest first
 * @param headlineUnexplained whether the headline is such a miss
 * @param earlier the clear misses before the window with no account, oldest first
 */
public record Misses(List<Period> unexplained, boolean headlineUnexplained, List<Period> earlier) {
  /** No clear miss without an account. */
  public static final Misses NONE = new Misses(List.of(), false, List.of());

  /** Misses with none before the window. */
  public Misses(List<Period> unexplained, boolean headlineUnexplained) {
    this(unexplained, headlineUnexplained, List.of());
  }

  public Misses {
    Objects.requireNonNull(unexplained, "unexplained");
    unexplained = List.copyOf(unexplained);
    earlier = List.copyOf(earlier);
  }

  /** Every period to label "Not yet explained" on the promise's page: those before the window too. */
  public List<Period> labelled() {
    List<Period> all = new java.util.ArrayList<>(earlier);
    all.addAll(unexplained);
    return List.copyOf(all);
  }

  /** How many misses have no account: the periods, and the headline. */
  public int count() {
    return unexplained.size() + (headlineUnexplained ? 1 : 0);
  }
}
