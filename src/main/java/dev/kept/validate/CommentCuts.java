package dev.kept.validate;

import dev.kept.load.YNode;
import dev.kept.load.YNode.YList;
import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Chars;
import dev.kept.model.Findings;
import java.util.List;

/**
 * Warns when a YAML comment cuts off a value that readers of the site see: {@code remedy: a £20
 * credit #goodwill} publishes "a £20 credit", as YAML reads a space then {@code #} as the start of
 * a comment. The value may be a scalar, a list of scalars ({@code not_covered}) or a mapping of
 * scalars ({@code exclusions}); codes, dates and numbers are not checked, as a comment after them
 * is a note for staff and takes nothing from what readers see.
 *
 * <p>A warning, not an error: the comment may well be a note meant for staff. {@code --strict}
 * makes it an error, as it does every warning.
 */
final class CommentCuts {
  /** The end of a value shown in the warning; longer values are shown from "...". */
  private static final int SHOWN = 40;

  private CommentCuts() {}

  /** Warns for each of {@code keys} in {@code map} whose text a comment cuts. */
  static void check(YMap map, List<String> keys, Findings findings) {
    for (String key : keys) {
      map.get(key).ifPresent(value -> check(value, key, findings));
    }
  }

  private static void check(YNode value, String key, Findings findings) {
    if (value instanceof YScalar s) {
      warn(s, key, findings);
    } else if (value instanceof YList list) {
      for (YNode item : list.items()) {
        if (item instanceof YScalar s) {
          warn(s, key, findings);
        }
      }
    } else if (value instanceof YMap map) {
      for (YNode.Entry e : map.entries()) {
        if (e.value() instanceof YScalar s) {
          warn(s, key, findings);
        }
      }
    }
  }

  private static void warn(YScalar s, String key, Findings findings) {
    if (s.cut().isEmpty() || s.isNull()) {
      return;
    }
    YNode.Cut cut = s.cut().get();
    String text = s.text().strip().replaceAll("\\s+", " ");
    String end = text.length() > SHOWN ? "..." + text.substring(text.length() - SHOWN) : text;
    findings.warning(
        cut.pos(),
        "the comment '" + Chars.visible(cut.comment()) + "' cuts off the value of '" + key
            + "': readers see " + (end.equals(text) ? "only '" : "it end '") + Chars.visible(end) + "'",
        "YAML reads a space then '#' as the start of a comment, and drops it. If it belongs to the"
            + " text, put the whole value in double quotes: \"" + Chars.visible(end) + " "
            + Chars.visible(cut.comment()) + "\". If it is a note for staff, move it to a line of its"
            + " own.");
  }
}
