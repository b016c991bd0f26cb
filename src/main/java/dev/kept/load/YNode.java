package dev.kept.load;

import dev.kept.model.SourcePos;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML node with its position: a mapping, a sequence or a scalar. Scalars are always text; the
 * validate stage decides what each one means.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

  SourcePos pos();

  /** What the node is, in words, for error messages: "a list", "a mapping", "text". */
  String kind();

  /** One key and its value in a mapping; keys are always scalars. */
  record Entry(YScalar key, YNode value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A mapping, entries in the order written; keys are unique (duplicates are load errors). */
  record YMap(List<Entry> entries, SourcePos pos) implements YNode {
    public YMap {
      entries = List.copyOf(entries);
      Objects.requireNonNull(pos, "pos");
    }

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().text().equals(key)).findFirst();
    }

    public Optional<YNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** A sequence, items in order. */
  record YList(List<YNode> items, SourcePos pos) implements YNode {
    public YList {
      items = List.copyOf(items);
      Objects.requireNonNull(pos, "pos");
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as text.
   *
   * @param text the scalar's text exactly as YAML read it (never converted to a number or boolean)
   * @param isNull whether it was written as an empty value, {@code ~} or {@code null} without quotes
   * @param literal whether it was a {@code |} block, whose lines map one to one onto the file's
   */
  record YScalar(String text, boolean isNull, boolean literal, SourcePos pos) implements YNode {
    public YScalar {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(pos, "pos");
    }

    @Override
    public String kind() {
      return isNull ? "empty" : "text";
    }
  }
}
