package dev.kept.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for filling {@code {name}} placeholders in words, such as {@code "Published
 * {date}."}: the explain stage's sentences ({@code explain.Language}), the words the render stage
 * puts in view models, and the theme's templates (as {@code fill(t.published, {"date": ...})})
 * all fill through it.
 *
 * <ul>
 *   <li>A placeholder is a name of lower-case letters a-z and underscores in braces: {@code
 *       {date}}, {@code {kept_when}}. Any other text in braces ({@code {Date}}, <code>{ }</code>)
 *       is text, kept as it is.
 *   <li>Every placeholder must be given a value: one that is not is an error ({@link
 *       MissingValue}), never left in the text or filled with nothing, so a word with a misspelt or
 *       unknown name fails where it is used rather than reaching a page.
 *   <li>Values given for names the words do not use are ignored: a language may leave a number
 *       out, as English's "See 1 retired promise" does.
 *   <li>The words are read once, left to right: a value is put in as it is and never read again
 *       for placeholders, so a title that contains {@code {unit}} stays as written.
 * </ul>
 *
 * <p>{@code Placeholders.of("Published {date}.").fill(Map.of("date", "5 December 2026"))} is
 * {@code "Published 5 December 2026."}. Immutable and thread-safe.
 */
public final class Placeholders {
  private static final Pattern NAME = Pattern.compile("\\{([a-z_]+)\\}");

  private final String words;
  /** The words split into text and names: even places are text, odd places are names. */
  private final String[] parts;

  private Placeholders(String words, String[] parts) {
    this.words = words;
    this.parts = parts;
  }

  /** Words read for their placeholders, to be filled once or many times. */
  public static Placeholders of(String words) {
    Objects.requireNonNull(words, "words");
    List<String> parts = new ArrayList<>();
    Matcher m = NAME.matcher(words);
    int last = 0;
    while (m.find()) {
      parts.add(words.substring(last, m.start()));
      parts.add(m.group(1));
      last = m.end();
    }
    parts.add(words.substring(last));
    return new Placeholders(words, parts.toArray(new String[0]));
  }

  /**
   * The words with each placeholder replaced by its value: {@code fill("Published {date}.",
   * Map.of("date", "5 December 2026"))}.
   *
   * @throws MissingValue when a placeholder has no value in {@code values}
   */
  public static String fill(String words, Map<String, String> values) {
    return of(words).fill(values);
  }

  /** The names of the placeholders, in the order the words use them (a name used twice is twice). */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < parts.length; i += 2) {
      names.add(parts[i]);
    }
    return List.copyOf(names);
  }

  /**
   * The words with each placeholder replaced by its value.
   *
   * @throws MissingValue when a placeholder has no value in {@code values}
   */
  public String fill(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    if (parts.length == 1) {
      return words;
    }
    StringBuilder out = new StringBuilder(words.length() + 32);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 0) {
        out.append(parts[i]);
      } else {
        String value = values.get(parts[i]);
        if (value == null) {
          throw new MissingValue(words, parts[i], values.keySet());
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  /** The words as given. */
  @Override
  public String toString() {
    return words;
  }

  /** A placeholder the words use and no value was given for; says which, and which were given. */
  public static final class MissingValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String name;

    MissingValue(String words, String name, java.util.Collection<String> given) {
      super("the words \"" + words + "\" have {" + name + "}, but no value was given for it ("
          + (given.isEmpty() ? "none was given" : "given: " + String.join(", ", new java.util.TreeSet<>(given)))
          + "): check the spelling of {" + name + "}, or take it out of the words");
      this.name = name;
    }

    /** The placeholder's name, without braces. */
    public String name() {
      return name;
    }
  }
}
