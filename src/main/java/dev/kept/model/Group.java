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
 * @param counts the number of promises, met, missed, too few to tell and other, formatted for
 *     display in that order
 */
public record Group(
    String name,
    String slug,
    List<String> promiseIds,
    int met,
    int missed,
    int tooFew,
    int other,
    String sentence,
    List<String> counts) {
  public Group {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slug, "slug");
    if (!Names.isValid(slug)) {
      throw new IllegalArgumentException("a group's slug must be a valid name: " + slug);
    }
    promiseIds = List.copyOf(promiseIds);
    Objects.requireNonNull(sentence, "sentence");
    counts = List.copyOf(counts);
  }
}
