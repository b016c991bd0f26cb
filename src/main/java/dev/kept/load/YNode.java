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

  /**
   * A comment written on the same line right after an unquoted value, which YAML drops.
   *
   * @param comment the comment from its {@code #} to the end of the line, without trailing spaces
   * @param pos where its {@code #} is
   */
  record Cut(String comment, SourcePos pos) {
    public Cut {
      Objects.requireNonNull(comment, "comment");
      Objects.requireNonNull(pos, "pos");
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
   * @param contentIndent for a {@code |} block, how many spaces indent its lines; otherwise the
   *     offset of the text from {@code pos} (1 when quoted, else 0)
   * @param cut the comment that ends an unquoted value on its line ({@code a £20 credit
   *     #goodwill}): YAML drops it, and the reader may have meant it as part of the text
   */
  record YScalar(
      String text, boolean isNull, boolean literal, int contentIndent, SourcePos pos, String raw, Optional<Cut> cut)
      implements YNode {
    public YScalar {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(pos, "pos");
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(cut, "cut");
    }

    public YScalar(String text, boolean isNull, boolean literal, int contentIndent, SourcePos pos, String raw) {
      this(text, isNull, literal, contentIndent, pos, raw, Optional.empty());
    }

    public YScalar(String text, boolean isNull, boolean literal, int contentIndent, SourcePos pos) {
      this(text, isNull, literal, contentIndent, pos, "");
    }

    /**
     * Where the {@code length} characters of the text at {@code offset} are in the file: found in
     * the scalar's source as written, so that folded, quoted and wrapped values point at the right
     * line and column. Falls back to {@link #posOf} when the source cannot show it.
     */
    public SourcePos locate(int offset, int length) {
      String needle = text.substring(offset, Math.min(text.length(), offset + length));
      if (!raw.isEmpty() && !needle.isBlank()) {
        String[] words = needle.strip().split("\\s+");
        StringBuilder pattern = new StringBuilder();
        for (String w : words) {
          if (pattern.length() > 0) {
            pattern.append("\\s+");
          }
          pattern.append(java.util.regex.Pattern.quote(w));
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern.toString());
        int occurrence = 0;
        java.util.regex.Matcher before = p.matcher(text.substring(0, offset + needle.indexOf(words[0])));
        while (before.find()) {
          occurrence++;
        }
        java.util.regex.Matcher m = p.matcher(raw);
        for (int i = 0; m.find(); i++) {
          if (i == occurrence) {
            return pos.advance(raw, m.start());
          }
        }
      }
      int line = 0;
      int lineStart = 0;
      for (int i = 0; i < offset && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return posOf(line, offset - lineStart);
    }

    /** A scalar that is plain text written on one line, for keys and tests. */
    public static YScalar plain(String text, SourcePos pos) {
      return new YScalar(text, false, false, 0, pos);
    }

    /**
     * Where a character of the text is in the file, given its line and column (both 0-based)
     * within the text. Exact for {@code |} blocks and for the first line of other scalars; later
     * lines of folded scalars, and text past the end of the value's first line in the file, map to
     * the scalar's start.
     */
    public SourcePos posOf(int textLine, int textColumn) {
      if (literal) {
        return new SourcePos(pos.file(), pos.line() + 1 + textLine, contentIndent + 1 + textColumn);
      }
      // The text's first line stays on the value's first line in the file unless the value was
      // folded from several lines; past the end of that line, the value's start is all we know.
      int firstLine = raw.indexOf('\n') < 0 ? raw.length() : raw.indexOf('\n');
      if (textLine == 0 && (raw.isEmpty() || contentIndent + textColumn <= firstLine)) {
        return new SourcePos(pos.file(), pos.line(), pos.column() + contentIndent + textColumn);
      }
      return pos;
    }

    @Override
    public String kind() {
      return isNull ? "empty" : "text";
    }
  }
}
