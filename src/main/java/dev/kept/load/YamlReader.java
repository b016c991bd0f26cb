package dev.kept.load;

import dev.kept.load.YNode.Entry;
import dev.kept.load.YNode.YList;
import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML file into a {@link YNode} tree without constructing any object from it.
 *
 * <p>SnakeYAML composes the file into nodes (never into Java objects); this class then walks the
 * nodes, refusing tags other than YAML's plain ones, merge keys, non-scalar keys and duplicate keys,
 * and bounding how far aliases may expand. Thread-safe: each read makes its own parser.
 */
final class YamlReader {
  /** Tags a plain YAML file can carry implicitly; anything else was written as an explicit tag. */
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private final Limits limits;

  YamlReader(Limits limits) {
    this.limits = limits;
  }

  /** The file's tree, or empty with errors added to {@code findings}. */
  Optional<YNode> read(String text, String file, Findings findings) {
    text = normaliseLineBreaks(text);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // found below, with both positions
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNesting());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxYamlBytes()));
    options.setProcessComments(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver());
    if (text.indexOf('!') >= 0 && refuseExplicitTags(yaml, text, file, findings)) {
      return Optional.empty();
    }
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Optional<Diagnosis> better = diagnose(text, e.getProblemMark());
      if (String.valueOf(e.getContext()).contains("quoted scalar") && e.getContextMark() != null) {
        better =
            Optional.of(new Diagnosis(
                e.getContextMark().getLine() + 1, e.getContextMark().getColumn() + 1,
                "a quoted value is never closed",
                "Add the closing quote at the end of the value, and write a quote inside it as \\\" (or"
                    + " '' inside single quotes)."));
      } else if (String.valueOf(e.getProblem()).contains("(TAB)") && e.getProblemMark() != null) {
        String[] lines = text.split("\n", -1);
        int line = e.getProblemMark().getLine();
        int column = e.getProblemMark().getColumn();
        if (line < lines.length && column <= lines[line].length() && !lines[line].substring(0, column).isBlank()) {
          int tab = lines[line].lastIndexOf('\t', column);
          better =
              Optional.of(new Diagnosis(
                  line + 1, (tab >= 0 ? tab : column) + 1,
                  "a tab is used where YAML needs a space",
                  "Replace the tab with a space: YAML does not read a tab after a key or a dash."));
        }
      }
      if (better.isPresent()) {
        better.get().reportIn(file, findings);
      } else {
        findings.error(pos(file, e.getProblemMark()), describe(e), hintFor(e));
      }
      return Optional.empty();
    } catch (org.yaml.snakeyaml.reader.ReaderException e) {
      findings.error(
          at(text, file, Math.max(0, e.getPosition())),
          String.format(java.util.Locale.ROOT, "the file contains an invisible control character (U+%04X)", e.getCodePoint()),
          "Delete it: it often comes with text copied out of another program.");
      return Optional.empty();
    } catch (YAMLException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("aliases")) {
        findings.error(
            nthAlias(text, file, limits.maxAliases() + 1),
            "the file uses more than " + limits.maxAliases() + " aliases (*) to lists or mappings",
            "Write the values out in full; a charter file needs no anchors and aliases.");
      } else if (message.contains("Nesting Depth")) {
        findings.error(
            tooDeep(yaml, text, file, limits.maxNesting()),
            "the file nests lists and mappings more than " + limits.maxNesting() + " deep",
            "A charter file needs only a few levels; write the values out flat.");
      } else {
        findings.error(
            new SourcePos(file, 1, 1),
            "the YAML could not be read: " + firstLine(message),
            "Check the file is a single YAML document of keys and values.");
      }
      return Optional.empty();
    }
    if (root == null) {
      findings.error(
          new SourcePos(file, 1, 1),
          "the file is empty",
          "Write the charter's keys and values in it, or delete the file.");
      return Optional.empty();
    }
    Walk walk = new Walk(file, text, text.split("\n", -1), findings);
    YNode tree = walk.convert(root, 0);
    return walk.failed ? Optional.empty() : Optional.of(tree);
  }

  /** How many refused characters one file reports before the rest go unsaid. */
  private static final int MAX_BAD_CHARACTERS = 20;

  private final class Walk {
    private final String file;
    private final String source;
    private final String[] lines;
    private final Findings findings;
    private int nodes;
    private boolean failed;
    /** Characters of text (keys and values) converted so far, counting each alias's expansion. */
    private long expanded;
    /** Anchored nodes already converted: meeting one again means an alias to it. */
    private final java.util.Set<Node> anchored =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** How many aliases the walk has met, in the file's order (aliases inside an alias's expansion not counted). */
    private int aliases;
    /** Above 0 while converting an alias's expansion. */
    private int replaying;
    /** How many refused characters were reported, to stop a flood from one file. */
    private int badCharacters;
    /** The key whose value is being converted, and whether that value is a list: for messages. */
    private String field = "";
    private boolean inList;
    /** The lists and mappings being converted, outermost first: an alias back to one is a loop. */
    private final java.util.Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Walk(String file, String source, String[] lines, Findings findings) {
      this.file = file;
      this.source = source;
      this.lines = lines;
      this.findings = findings;
    }

    /**
     * The comment that ends an unquoted value on its last line: after the value's end, spaces or
     * tabs and then {@code #}. YAML reads {@code a £20 credit #goodwill} as the text {@code a £20
     * credit} and a comment; the validate stage warns where the value is one readers see.
     */
    private Optional<YNode.Cut> cutBy(ScalarNode scalar) {
      if (scalar.getEndMark() == null) {
        return Optional.empty();
      }
      int end = scalar.getEndMark().getIndex();
      int i = end;
      while (i >= 0 && i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
        i++;
      }
      if (i == end || i < 0 || i >= source.length() || source.charAt(i) != '#') {
        return Optional.empty();
      }
      int lineEnd = i;
      while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      String comment = source.substring(i, lineEnd).strip();
      if (comment.length() > COMMENT_SHOWN) {
        comment = comment.substring(0, COMMENT_SHOWN) + "...";
      }
      return Optional.of(new YNode.Cut(comment, at(source, file, i)));
    }

    YNode convert(Node node, int depth) {
      if (!(node instanceof ScalarNode) && !open.add(node)) {
        failed = true;
        findings.error(
            aliasOf(node),
            "the alias *" + node.getAnchor() + " is used inside its own anchor, so the value would"
                + " contain itself",
            "Write the values out in full; a charter file needs no anchors and aliases.");
        return new YScalar("", true, false, 0, pos(file, node.getStartMark()));
      }
      boolean alias = enter(node);
      try {
        return convertOnce(node, depth);
      } finally {
        open.remove(node);
        if (alias) {
          replaying--;
        }
      }
    }

    /**
     * Notes that the walk reaches {@code node}; when it has been reached before, the file names it
     * by an alias here, and what follows until {@link #replaying} drops is that alias's expansion.
     *
     * @return whether this is an alias (the caller then lowers {@link #replaying} when done)
     */
    private boolean enter(Node node) {
      if (node.getAnchor() == null || anchored.add(node)) {
        return false;
      }
      if (replaying == 0) {
        aliases++;
      }
      replaying++;
      return true;
    }

    /**
     * Counts {@code text} into the expanded size and checks its characters; reports and marks the
     * walk failed when either is refused.
     *
     * @param multiLine whether tab and line feed are allowed (a value) or not (a key)
     */
    private void text(ScalarNode node, String text, boolean multiLine) {
      expanded += text.length();
      long max = limits.maxExpandedText();
      if (expanded > max && expanded - text.length() <= max) {
        failed = true;
        findings.error(
            replaying > 0 ? nthAliasEvent(aliases) : pos(file, node.getStartMark()),
            String.format(
                java.util.Locale.ROOT,
                "the aliases (*) in the file expand it to more than %,d characters of text, the"
                    + " most one charter file may hold",
                max),
            "Write the value out where it is needed instead of repeating it with an alias; each"
                + " alias counts the length of the value it stands for.");
      }
      if (replaying > 0) {
        return; // checked where it is written
      }
      java.util.Optional<dev.kept.model.Chars.Bad> bad = dev.kept.model.Chars.first(text, multiLine);
      if (bad.isPresent()) {
        failed = true;
        if (++badCharacters > MAX_BAD_CHARACTERS) {
          return;
        }
        int cp = bad.get().codePoint();
        String raw = "";
        int from = 0;
        if (node.getStartMark() != null && node.getEndMark() != null) {
          from = Math.max(0, Math.min(source.length(), node.getStartMark().getIndex()));
          int to = Math.max(from, Math.min(source.length(), node.getEndMark().getIndex()));
          raw = source.substring(from, to);
        }
        int literal = raw.indexOf(new String(Character.toChars(cp)));
        int escape = literal >= 0 ? -1 : escapeAt(raw, bad.get().index());
        findings.error(
            literal >= 0 ? at(source, file, from + literal)
                : escape >= 0 ? at(source, file, from + escape)
                : pos(file, node.getStartMark()),
            (!multiLine ? "the key '" + shown(text) + "'"
                    : field.isEmpty() ? "the value"
                    : inList ? "a value in '" + field + "'"
                    : "the value of '" + field + "'")
                + " contains " + bad.get().what()
                + (literal >= 0 ? "" : ", written as an escape"),
            bad.get().hint());
      }
    }

    /** Where the n-th alias event ({@code *name}) of the file is; read again only to report. */
    private SourcePos nthAliasEvent(int n) {
      return nthAliasEventIn(source, file, n);
    }

    /** Where the first alias to {@code node}'s anchor is, after the anchor itself. */
    private SourcePos aliasOf(Node node) {
      int from = node.getStartMark() == null ? 0 : node.getStartMark().getIndex();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\*" + java.util.regex.Pattern.quote(String.valueOf(node.getAnchor())) + "(?![^\\s,\\]}])")
              .matcher(source);
      return m.find(from) ? at(source, file, m.start()) : pos(file, node.getStartMark());
    }

    private YNode convertOnce(Node node, int depth) {
      if (++nodes > limits.maxYamlNodes()) {
        if (!failed) {
          findings.error(
              pos(file, node.getStartMark()),
              "the file expands to more than "
                  + limits.maxYamlNodes()
                  + " values, which is more than a charter needs",
              "Remove the anchors and aliases (& and *) and write the values out.");
        }
        failed = true;
        return new YScalar("", true, false, 0, pos(file, node.getStartMark()));
      }
      if (!PLAIN_TAGS.contains(node.getTag())) {
        failed = true;
        findings.error(
            pos(file, node.getStartMark()),
            "the tag " + node.getTag().getValue() + " is not allowed",
            "Kept reads plain text, lists and mappings only. Remove the tag (the word after ! or !!).");
        return new YScalar("", true, false, 0, pos(file, node.getStartMark()));
      }
      SourcePos at = pos(file, node.getStartMark());
      if (node instanceof ScalarNode scalar) {
        boolean isNull = scalar.getTag().equals(Tag.NULL) && scalar.isPlain();
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        boolean literal = style == DumperOptions.ScalarStyle.LITERAL;
        int indent;
        if (literal) {
          indent = indentOfLineAfter(at.line());
        } else {
          indent =
              style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                      || style == DumperOptions.ScalarStyle.SINGLE_QUOTED
                  ? 1
                  : 0;
        }
        String raw = "";
        if (scalar.getStartMark() != null && scalar.getEndMark() != null) {
          int from = Math.max(0, Math.min(source.length(), scalar.getStartMark().getIndex()));
          int to = Math.max(from, Math.min(source.length(), scalar.getEndMark().getIndex()));
          raw = source.substring(from, to);
        }
        text(scalar, scalar.getValue(), true);
        Optional<YNode.Cut> cut =
            isNull || style != DumperOptions.ScalarStyle.PLAIN || replaying > 0 ? Optional.empty() : cutBy(scalar);
        return new YScalar(isNull ? "" : scalar.getValue(), isNull, literal, indent, at, raw, cut);
      }
      if (node instanceof SequenceNode sequence) {
        List<YNode> items = new ArrayList<>();
        boolean wasInList = inList;
        inList = true;
        for (Node item : sequence.getValue()) {
          items.add(convert(item, depth + 1));
        }
        inList = wasInList;
        return new YList(items, at);
      }
      MappingNode mapping = (MappingNode) node;
      List<Entry> entries = new ArrayList<>();
      Map<String, SourcePos> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourcePos keyPos = pos(file, keyNode.getStartMark());
        if (keyNode.getTag().equals(Tag.MERGE)) {
          failed = true;
          findings.error(
              keyPos,
              "merge keys (<<) are not supported",
              "Write the keys out in full, so each promise reads on its own.");
          continue;
        }
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          failed = true;
          findings.error(keyPos, "a key must be plain text", "Write the key as a single word.");
          continue;
        }
        String key = keyScalar.getValue();
        boolean keyAlias = enter(keyScalar);
        text(keyScalar, key, false);
        if (keyAlias) {
          replaying--;
        }
        SourcePos earlier = seen.putIfAbsent(key, keyPos);
        if (earlier != null) {
          failed = true;
          findings.error(
              keyPos,
              "the key '" + key + "' appears twice (first at line " + earlier.line() + ")",
              "Keep one of them: YAML would silently use only the last.");
          continue;
        }
        String outerField = field;
        boolean outerInList = inList;
        field = shown(key);
        inList = false;
        YNode value = convert(tuple.getValueNode(), depth + 1);
        field = outerField;
        inList = outerInList;
        entries.add(new Entry(YScalar.plain(key, keyPos), value));
      }
      return new YMap(entries, at);
    }

    /** The indentation of the first non-blank line after the 1-based {@code line}. */
    private int indentOfLineAfter(int line) {
      for (int i = line; i < lines.length; i++) {
        String l = lines[i];
        if (!l.isBlank()) {
          int n = 0;
          while (n < l.length() && l.charAt(n) == ' ') {
            n++;
          }
          return n;
        }
      }
      return 0;
    }
  }

  /**
   * Where, in a double-quoted scalar written on one line ({@code raw}, quotes included), the escape
   * that makes the character at {@code index} of its value starts; -1 when the scalar is written
   * another way, or the character is not made by an escape.
   */
  static int escapeAt(String raw, int index) {
    if (raw.length() < 2 || raw.charAt(0) != '"' || raw.indexOf('\n') >= 0) {
      return -1;
    }
    int value = 0;
    int i = 1;
    while (i < raw.length() - 1 && value <= index) {
      char c = raw.charAt(i);
      if (c != '\\') {
        if (value == index) {
          return -1;
        }
        value++;
        i++;
        continue;
      }
      if (value == index) {
        return i;
      }
      char e = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
      int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
      if (e == 'U' && i + 10 <= raw.length()) {
        try {
          value += Character.charCount(Integer.parseInt(raw.substring(i + 2, i + 10), 16));
        } catch (NumberFormatException x) {
          return -1;
        }
      } else {
        value++;
      }
      i += 2 + digits;
    }
    return -1;
  }

  /** {@code text} for a message: control characters written out, at most 40 characters. */
  private static String shown(String text) {
    String visible = dev.kept.model.Chars.visible(text);
    return visible.length() > 40 ? visible.substring(0, 40) + "..." : visible;
  }

  /** Where the n-th alias event ({@code *name}) of {@code source} is; read again only to report. */
  private static SourcePos nthAliasEventIn(String source, String file, int n) {
    int seen = 0;
    try {
      DumperOptions dumper = new DumperOptions();
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(Integer.MAX_VALUE);
      Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver());
      for (org.yaml.snakeyaml.events.Event event : yaml.parse(new StringReader(source))) {
        if (event instanceof org.yaml.snakeyaml.events.AliasEvent && ++seen == n) {
          return pos(file, event.getStartMark());
        }
      }
    } catch (YAMLException e) {
      // the file was composed once already; fall back to the text
    }
    return nthAlias(source, file, n);
  }

  /**
   * The text with each lone CR and each NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR made a LF, one
   * character for one: YAML reads all of them as line breaks, so this changes no value, and the
   * lines Kept counts for its messages are then the parser's lines.
   */
  static String normaliseLineBreaks(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean loneCr = c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
      if (loneCr || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = '\n';
      }
    }
    return chars == null ? text : new String(chars);
  }

  /** The longest comment quoted in a warning; the rest is shown as "...". */
  private static final int COMMENT_SHOWN = 40;

  private static SourcePos pos(String file, Mark mark) {
    if (mark == null) {
      return SourcePos.file(file);
    }
    return new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /**
   * Finds tags written out in the file ({@code !!str}, {@code !!float}, {@code !foo}): Kept types
   * every value itself, so a tag is at best noise and at worst an attempt to build an object.
   *
   * @return whether any was found (and reported)
   */
  private static boolean refuseExplicitTags(Yaml yaml, String text, String file, Findings findings) {
    boolean found = false;
    try {
      for (org.yaml.snakeyaml.events.Event event : yaml.parse(new StringReader(text))) {
        String tag = null;
        if (event instanceof org.yaml.snakeyaml.events.ScalarEvent scalar) {
          tag = scalar.getTag();
        } else if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent collection) {
          tag = collection.getTag();
        }
        if (tag != null && !tag.equals("!")) {
          found = true;
          findings.error(
              pos(file, event.getStartMark()),
              "the tag " + tag.replace("tag:yaml.org,2002:", "!!") + " is not allowed",
              "Kept reads every value as text and types it itself. Remove the tag (the word after"
                  + " ! or !!), and quote the value if it needs it.");
        }
      }
    } catch (YAMLException e) {
      return found; // compose reports the syntax error with its place
    }
    return found;
  }

  private static final java.util.regex.Pattern NO_SPACE_AFTER_COLON =
      java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?[A-Za-z_][\\w-]*:(?=[^\\s/])");
  private static final java.util.regex.Pattern SPECIAL_START =
      java.util.regex.Pattern.compile(
          "^\\s*(?:-\\s+)?(?:[A-Za-z_][\\w-]*:\\s+)?([*%@`]|\\[(?=[^\\]]*\\]\\())");

  /**
   * A plainer account of common YAML mistakes, from the lines around where the parser stopped:
   * a non-breaking space, a missing space after a colon, or a value starting with a character YAML
   * reads as syntax (Markdown's {@code **bold**} and {@code [links](...)} among them).
   *
   * @return the diagnosis; or empty to use the parser's own words
   */
  private static Optional<Diagnosis> diagnose(String text, Mark mark) {
    if (mark == null) {
      return Optional.empty();
    }
    String[] lines = text.split("\n", -1);
    int problem = Math.min(mark.getLine(), lines.length - 1);
    for (int i = Math.max(0, problem - 1); i <= problem; i++) {
      int nbsp = lines[i].indexOf('\u00A0');
      if (nbsp >= 0) {
        return Optional.of(new Diagnosis(
            i + 1, nbsp + 1,
            "a non-breaking space (U+00A0) is on this line",
            "Replace it with an ordinary space; YAML does not see it as a space."));
      }
    }
    for (int i = problem; i >= Math.max(0, problem - 1); i--) {
      java.util.regex.Matcher colon = NO_SPACE_AFTER_COLON.matcher(lines[i]);
      if (colon.find() && !lines[i].strip().startsWith("#")) {
        return Optional.of(new Diagnosis(
            i + 1, colon.end(),
            "a space is missing after the colon",
            "Write 'key: value', with a space after the colon."));
      }
      java.util.regex.Matcher special = SPECIAL_START.matcher(lines[i]);
      if (special.find() && !lines[i].strip().startsWith("#")) {
        return Optional.of(new Diagnosis(
            i + 1, special.start(1) + 1,
            "a value that starts with '" + special.group(1) + "' must be quoted",
            "Put the value in double quotes, or write it as a | block on the lines below. Markdown"
                + " such as **bold** or [a link](https://...) at the start of a value needs this."));
      }
    }
    return Optional.empty();
  }

  /** Where the n-th alias ({@code *name}) is, or the start of the file. */
  private static SourcePos nthAlias(String text, String file, int n) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?<=[\\s\\[,{:-])\\*[^\\s,\\]}]+").matcher(text);
    int seen = 0;
    while (m.find()) {
      if (++seen == n) {
        return at(text, file, m.start());
      }
    }
    return new SourcePos(file, 1, 1);
  }

  /**
   * Where lists and mappings first nest deeper than {@code max}, block or flow style: the parser's
   * events carry no depth limit, so this finds the place the composer refused.
   */
  private static SourcePos tooDeep(Yaml yaml, String text, String file, int max) {
    int depth = 0;
    try {
      for (org.yaml.snakeyaml.events.Event event : yaml.parse(new StringReader(text))) {
        if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent) {
          if (++depth > max) {
            return pos(file, event.getStartMark());
          }
        } else if (event instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
          depth--;
        }
      }
    } catch (YAMLException e) {
      // fall back to counting brackets
    }
    return deepest(text, file);
  }

  /** Where flow nesting ({@code [} and {@code {}) is deepest, or the start of the file. */
  private static SourcePos deepest(String text, String file) {
    int depth = 0;
    int max = 0;
    int where = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
        if (depth > max) {
          max = depth;
          where = i;
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return max == 0 ? new SourcePos(file, 1, 1) : at(text, file, where);
  }

  private static SourcePos at(String text, String file, int offset) {
    return SourcePos.at(file, text, offset);
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "the YAML is not well-formed" : e.getProblem();
    String context = e.getContext();
    if (problem.startsWith("Global tag is not allowed: ")) {
      String tag = problem.substring("Global tag is not allowed: ".length());
      return "the tag " + tag.replace("tag:yaml.org,2002:", "!!") + " is not allowed";
    }
    if (problem.contains("(TAB)")) {
      return "a tab is used to indent this line";
    }
    if (problem.contains("Number of aliases")) {
      return "the file uses too many aliases (*) to lists or mappings";
    }
    if (problem.contains("Nesting Depth exceeded")) {
      return "the file nests lists and mappings too deeply";
    }
    if (problem.contains("code points")) {
      return "the file is too large to be a charter file";
    }
    if (context != null && context.contains("single document")) {
      return "the file holds more than one YAML document (a line with --- starts another)";
    }
    return "the YAML is not well-formed: " + firstLine(problem);
  }

  private static String hintFor(MarkedYAMLException e) {
    String problem = String.valueOf(e.getProblem()) + " " + String.valueOf(e.getContext());
    if (problem.contains("Global tag")) {
      return "Kept reads plain text, lists and mappings only. Remove the tag (the word after ! or !!).";
    }
    if (problem.contains("(TAB)")) {
      return "YAML indents with spaces, not tabs. Replace the tab with spaces.";
    }
    if (problem.contains("single document")) {
      return "Keep one promise per file and remove the extra --- line.";
    }
    if (problem.contains("aliases") || problem.contains("Nesting")) {
      return "Write the values out in full; a charter file needs no anchors or deep nesting.";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "A value that contains ': ' must be quoted, or written as a | block.";
    }
    return "Check the indentation and quoting on this line and the one above it.";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
