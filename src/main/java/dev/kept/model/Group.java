package dev.kept.model;

import java.util.List;
import java.util.Objects;

/**
 * A heading that active promises are filed under, with how their headlines came out, so a reader
 * can find one promise among thousands in a few clicks (H14: counted, never ranked).
 *
 * @param slug the group's folder on the site ({@code groups/<slug>/}), made from its name by
 *     {@link Names#slug}; a valid name by {@link Names}' one rule
 * @param promiseIds its promises, in the charter's order
 * @param sentence the counts in words: "We met 12 of these 30 promises and missed 9. ..."
 * @param tally how many of its promises' headlines came out which way, formatted for display
 */
public record Group(String name, String slug, List<String> promiseIds, String sentence, Tally tally) {
  public Group {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slug, "slug");
    if (!Names.isValid(slug)) {
      throw new IllegalArgumentException("a group's slug must be a valid name: " + slug);
    }
    promiseIds = List.copyOf(promiseIds);
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(tally, "tally");
  }

  /**
   * A group's promises counted by their headline's verdict, each count formatted by the explain
   * stage ("1,204"). The four verdict counts add up to {@code promises}.
   *
   * @param promises how many promises the group holds
   * @param met headlines met
   * @param missed headlines missed
   * @param tooFew headlines with too few cases to tell (H8)
   * @param other promises with no headline verdict to count: no cases, no figures, none yet
   */
  public record Tally(String promises, String met, String missed, String tooFew, String other) {
    public Tally {
      Objects.requireNonNull(promises, "promises");
      Objects.requireNonNull(met, "met");
      Objects.requireNonNull(missed, "missed");
      Objects.requireNonNull(tooFew, "tooFew");
      Objects.requireNonNull(other, "other");
    }
  }
}
