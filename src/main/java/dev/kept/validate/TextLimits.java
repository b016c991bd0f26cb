package dev.kept.validate;

import dev.kept.load.YNode.YScalar;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.util.Locale;
import java.util.Map;

/**
 * The longest text each field of a charter may hold, in characters (Unicode code points), as the
 * README's Limits table gives them. Chosen from the longest values in real charters (the example
 * charter and the 5,384 promises imported from the Government of Canada's service standards) with
 * room to spare: the longest real promise is 5,034 characters and its {@code kept_when} 4,981, a
 * promise title 110, a {@code not_covered} item 100, an exclusion description 73, a reason 128.
 * They keep a build's work on any one text small: {@code MarkdownBoundsTest} checks and renders
 * the worst Markdown known at each limit in well under a second.
 *
 * <p>Thread-safe: constants and static methods only.
 */
final class TextLimits {
  private TextLimits() {}

  /** Names: a charter's title and organisation, a promise's title, owner and group. */
  static final int NAME = 200;

  /** A promise's unit ("calls"). */
  static final int UNIT = 100;

  /** The long texts: the promise, what counts as kept, how it is measured, the remedy. */
  static final int LONG = 10_000;

  /**
   * The short texts: each {@code not_covered} item, an exclusion's description, the reason for a
   * change of target or for a retirement, a figures file's {@code note}.
   */
  static final int SHORT = 2_000;

  /** A web address: {@code base_url}, {@code contact}, {@code promise_url}, {@code results_url}. */
  static final int ADDRESS = 2_000;

  /** Any other value (a date, a period, a percentage, a word, a lint setting): syntax, not prose. */
  static final int OTHER = 200;

  /** Limits by what the mapping is (as {@link Fields} names it) and the key. */
  private static final Map<String, Map<String, Integer>> BY_MAPPING =
      Map.of(
          "charter.yaml",
              Map.of("organisation", NAME, "title", NAME, "base_url", ADDRESS, "contact", ADDRESS),
          "a promise",
              Map.ofEntries(
                  Map.entry("title", NAME), Map.entry("promise", LONG), Map.entry("unit", UNIT),
                  Map.entry("kept_when", LONG), Map.entry("not_covered", SHORT),
                  Map.entry("measured", LONG), Map.entry("remedy", LONG),
                  Map.entry("owner", NAME), Map.entry("group", NAME),
                  Map.entry("promise_url", ADDRESS), Map.entry("results_url", ADDRESS),
                  Map.entry("promise_brief", NAME), Map.entry("remedy_brief", NAME)),
          "a target", Map.of("kept_when", LONG, "reason", SHORT),
          "'retired'", Map.of("reason", SHORT),
          "an account of a miss", Map.of("happened", LONG, "doing", LONG));

  /** The limit for {@code key} in a mapping that {@link Fields} calls {@code what}. */
  static int of(String what, String key) {
    return BY_MAPPING.getOrDefault(what, Map.of()).getOrDefault(key, OTHER);
  }

  /**
   * Whether {@code value} is at most {@code max} characters long; if not, reports an error at the
   * value that names the field, its length and the limit.
   *
   * @param field the value, for the message: "'promise'", "this 'not_covered' item"
   */
  static boolean within(YScalar value, String field, int max, Findings findings) {
    return within(value.text(), value.pos(), field, max, findings);
  }

  /** As {@link #within(YScalar, String, int, Findings)}, for a value found at {@code pos}. */
  static boolean within(String text, SourcePos pos, String field, int max, Findings findings) {
    if (text.length() <= max) {
      return true;
    }
    int length = text.codePointCount(0, text.length());
    if (length <= max) {
      return true;
    }
    findings.error(
        pos,
        String.format(
            Locale.ROOT,
            "%s is %,d characters long, more than the limit of %,d",
            field, length, max),
        max >= SHORT
            ? "Shorten it to the essentials and link to the full text: [the details](https://...)."
            : "Shorten it; a longer text belongs in the promise itself.");
    return false;
  }
}
