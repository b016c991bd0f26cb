package dev.kept.validate;

import dev.kept.load.YNode;
import dev.kept.load.YNode.Entry;
import dev.kept.load.YNode.YList;
import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads typed values out of one YAML mapping, reporting every problem: unknown keys (with a "did
 * you mean"), missing required keys, and values of the wrong shape.
 */
final class Fields {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private final YMap map;
  private final String what;
  private final Findings findings;
  private final java.util.Set<String> misspelt = new java.util.HashSet<>();
  private final java.util.Set<String> tooLong = new java.util.HashSet<>();

  /**
   * @param what what the mapping is, for messages ("the promise", "a target")
   * @param known every key the mapping may have, in the order documented
   */
  Fields(YMap map, String what, List<String> known, Findings findings) {
    this.map = map;
    this.what = what;
    this.findings = findings;
    for (Entry entry : map.entries()) {
      String key = entry.key().text();
      if (!known.contains(key)) {
        Optional<String> near = nearest(key, known);
        near.ifPresent(misspelt::add);
        int invisible = indexOfInvisible(key);
        if (invisible >= 0) {
          findings.error(
              entry.key().pos(),
              String.format(
                  Locale.ROOT,
                  "the key '%s' contains an invisible character (U+%04X)",
                  key.strip().replaceAll("[\\u00A0\\u200B\\u2007\\u202F\\uFEFF]", ""),
                  (int) key.charAt(invisible)),
              "Retype the line's indentation and key with ordinary spaces.");
          continue;
        }
        findings.error(
            entry.key().pos(),
            "unknown key '" + key + "' in " + what,
            near.map(n -> "Did you mean '" + n + "'?")
                .orElse("The keys " + what + " can have are: " + String.join(", ", known) + "."));
      }
    }
  }

  private static int indexOfInvisible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u00A0' || c == '\u200B' || c == '\u2007' || c == '\u202F' || c == '\uFEFF') {
        return i;
      }
    }
    return -1;
  }

  /** The known key closest to {@code key}, if one is close enough to be a likely typo. */
  static Optional<String> nearest(String key, List<String> known) {
    String normal = key.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    int allowed = normal.length() >= 4 ? Math.max(2, Math.min(3, normal.length() / 3)) : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = DISTANCE.apply(normal, candidate);
      if (d >= 0 && d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether an unknown key was reported as a likely misspelling of {@code key}; a missing {@code
   * key} is then not reported again.
   */
  boolean misspelt(String key) {
    return misspelt.contains(key) && map.get(key).isEmpty();
  }

  SourcePos pos() {
    return map.pos();
  }

  Optional<YNode> node(String key) {
    return map.get(key);
  }

  boolean has(String key) {
    return map.get(key).filter(n -> !(n instanceof YScalar s && s.isNull())).isPresent();
  }

  SourcePos posOf(String key) {
    return map.entry(key).map(e -> e.value().pos()).orElse(map.pos());
  }

  SourcePos keyPos(String key) {
    return map.entry(key).map(e -> e.key().pos()).orElse(map.pos());
  }

  /**
   * A text value, or empty when absent, empty, not text (an error) or longer than its limit in
   * {@link TextLimits} (an error at the value, reported once). Blank counts as absent.
   */
  Optional<YScalar> scalar(String key) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YScalar s) {
      if (s.isNull() || s.text().isBlank()) {
        return Optional.empty();
      }
      if (tooLong.contains(key)) {
        return Optional.empty();
      }
      if (!TextLimits.within(s, "'" + key + "'", TextLimits.of(what, key), findings)) {
        tooLong.add(key); // reported once, however often the value is asked for
        return Optional.empty();
      }
      return Optional.of(s);
    }
    findings.error(
        node.get().pos(),
        "'" + key + "' should be text, but it is " + node.get().kind(),
        "Write it on one line after the colon, or as a | block.");
    return Optional.empty();
  }

  /** A required text value; a missing one is an error with the given hint. */
  Optional<YScalar> required(String key, String hint) {
    Optional<YScalar> value = scalar(key);
    if (value.isEmpty()
        && !misspelt(key)
        && !tooLong.contains(key)
        && !(map.get(key).isPresent() && !(map.get(key).get() instanceof YScalar))) {
      SourcePos at = map.entry(key).map(e -> e.key().pos()).orElse(map.pos());
      findings.error(
          at,
          map.get(key).isPresent()
              ? "'" + key + "' is empty in " + what
              : "'" + key + "' is missing from " + what,
          hint);
    }
    return value;
  }

  /** A text value as a string, stripped. */
  Optional<String> text(String key) {
    return scalar(key).map(s -> s.text().strip());
  }

  /** A value that must be one of a fixed set of words. */
  Optional<String> word(String key, Set<String> allowed, List<String> documented) {
    Optional<YScalar> value = scalar(key);
    if (value.isPresent() && !allowed.contains(value.get().text().strip())) {
      String got = value.get().text().strip();
      Optional<String> near = nearest(got, documented);
      findings.error(
          value.get().pos(),
          "'" + key + "' cannot be '" + got + "'",
          near.filter(n -> !n.equals(got))
              .map(n -> "Did you mean '" + n + "'? ")
              .orElse("")
              + "Use one of: " + String.join(", ", documented) + ".");
      return Optional.empty();
    }
    return value.map(s -> s.text().strip());
  }

  /** A whole number between {@code min} and {@code max}. */
  Optional<Integer> integer(String key, int min, int max) {
    Optional<YScalar> value = scalar(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().text().strip();
    if (text.matches("\\d{1,9}")) {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max) {
        return Optional.of(n);
      }
    }
    findings.error(
        value.get().pos(),
        "'" + key + "' should be a whole number from " + min + " to " + max + ", not '" + text + "'",
        "Write digits only, such as " + Math.max(min, Math.min(max, 12)) + ".");
    return Optional.empty();
  }

  /** A list; a single scalar or a mapping is an error. Absent gives empty. */
  Optional<YList> list(String key) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty() || (node.get() instanceof YScalar s && s.isNull())) {
      return Optional.empty();
    }
    if (node.get() instanceof YList list) {
      return Optional.of(list);
    }
    findings.error(
        node.get().pos(),
        "'" + key + "' should be a list, but it is " + node.get().kind(),
        "Write each item on its own line starting with '- ', or write [] for none.");
    return Optional.empty();
  }

  /** A mapping; anything else is an error. Absent gives empty. */
  Optional<YMap> mapping(String key, String hint) {
    Optional<YNode> node = map.get(key);
    if (node.isEmpty() || (node.get() instanceof YScalar s && s.isNull())) {
      return Optional.empty();
    }
    if (node.get() instanceof YMap m) {
      return Optional.of(m);
    }
    findings.error(
        node.get().pos(), "'" + key + "' should be a mapping, but it is " + node.get().kind(), hint);
    return Optional.empty();
  }

  /** The text items of a list, reporting items that are not text or are too long. */
  List<YScalar> scalars(YList list, String key) {
    List<YScalar> out = new ArrayList<>();
    for (YNode item : list.items()) {
      if (item instanceof YScalar s && !s.isNull() && !s.text().isBlank()) {
        if (TextLimits.within(s, "this '" + key + "' item", TextLimits.of(what, key), findings)) {
          out.add(s);
        }
      } else {
        findings.error(
            item.pos(),
            "each item of '" + key + "' should be text, but this one is " + item.kind(),
            "Write the item as text after '- ', quoting it if it contains ': '.");
      }
    }
    return out;
  }
}
