package dev.kept.validate;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Chars;
import dev.kept.model.Findings;
import dev.kept.model.Markdown;
import dev.kept.model.MarkdownSyntax;
import dev.kept.model.SourcePos;
import java.util.Locale;
import java.util.Set;

/**
 * Checks Markdown from a charter before anything renders it: raw HTML (including comments) and links
 * whose scheme could run script or smuggle content ({@code javascript:}, {@code vbscript:}, {@code
 * data:}, in any spelling) are errors at their line and column. Only {@code http}, {@code https},
 * {@code mailto} and {@code tel} links, and relative links, are allowed.
 *
 * <p>Thread-safe: the flexmark parser is built once and shared.
 */
final class MarkdownCheck {
  private static final Parser PARSER = MarkdownSyntax.parser();
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

  private MarkdownCheck() {}

  /**
   * Initialises this class (its flexmark parser) on the calling thread. The validator calls it
   * before its parallel stage: a class whose initialiser runs out of memory on a worker is left
   * unusable, and the other workers then see only "NoClassDefFoundError: Could not initialize
   * class", not the out-of-memory error, and Kept would call it a bug (OutOfMemoryIT, -Xmx6m).
   */
  static void initialise() {
    // The call itself runs the static initialisers above; nothing more is needed.
  }

  /** Checks one Markdown field and returns it, positioned, whatever the outcome. */
  static Markdown check(YScalar scalar, String field, Findings findings) {
    String source = scalar.text();
    int slow = backslashesInALabel(source);
    if (slow >= 0) {
      findings.error(
          at(scalar, source, slow),
          "more than " + MAX_LABEL_BACKSLASHES + " backslashes after this '[' in '" + field + "'",
          "Markdown needs a backslash only before a character it would otherwise read as"
              + " formatting; remove the others. (Reading this many would take Kept's Markdown"
              + " parser minutes.)");
      return new Markdown(source, scalar.pos());
    }
    int crowded = crowdedLine(source);
    if (crowded >= 0) {
      findings.error(
          atLine(scalar, source, crowded),
          "more than " + MAX_LINE_MARKS + " quote or list marks ('>', '-', '*', '+', '1.') start"
              + " this line of '" + field + "'",
          "Put fewer quotes or lists inside each other: a charter's text needs two or three levels"
              + " at most. (Kept's Markdown parser takes time growing with the square of their"
              + " number.)");
      return new Markdown(source, scalar.pos());
    }
    int longRun = longParagraph(source);
    if (longRun >= 0) {
      findings.error(
          atLine(scalar, source, longRun),
          "more than " + MAX_PARAGRAPH_LINES + " lines in a row without a blank line in '" + field
              + "'",
          "Leave a blank line between paragraphs, or join short lines: a paragraph's lines are"
              + " joined on the page anyway. (Kept's Markdown parser takes time growing with the"
              + " square of a paragraph's lines.)");
      return new Markdown(source, scalar.pos());
    }
    Document document;
    try {
      document = MarkdownSyntax.read(source, PARSER::parse);
    } catch (StackOverflowError e) {
      // Not seen under the field limits (MarkdownBoundsTest), but never an internal error.
      findings.error(
          at(scalar, source, 0),
          "'" + field + "' is too complex for Kept's Markdown reader",
          "Shorten it, or split very long lines, links or quotes into smaller ones.");
      return new Markdown(source, scalar.pos());
    }
    Node deep = tooDeep(document);
    if (deep != null) {
      findings.error(
          at(scalar, source, deep.getStartOffset()),
          "Markdown nested more than " + MAX_NESTING + " levels deep in '" + field + "'",
          "Put fewer quotes ('>'), lists, emphasis or links inside each other: a charter's text"
              + " needs two or three levels at most.");
      return new Markdown(source, scalar.pos());
    }
    Findings found = new Findings();
    for (Node node : document.getDescendants()) {
      if (found.errorCount() > MAX_FINDINGS) {
        break;
      }
      if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
        found.error(
            at(scalar, source, node.getStartOffset()),
            "raw HTML is not allowed in '" + field + "': " + excerpt(node.getChars().toString()),
            "Write it in Markdown instead: **bold**, *italic*, [link text](https://...), - lists.");
      } else if (node instanceof com.vladsch.flexmark.ast.Image
          || node instanceof com.vladsch.flexmark.ast.ImageRef) {
        found.error(
            at(scalar, source, node.getStartOffset()),
            "images are not allowed in '" + field + "'",
            "Describe it in words, or link to it: [what it shows](https://...). A charter page"
                + " loads nothing from other sites.");
      } else if (node instanceof LinkNodeBase link) {
        refusedCharacter(link.getUrl().unescape() + link.getTitle().unescape(), "a link",
            scalar, source, node.getStartOffset(), field, found);
        checkUrl(link.getUrl().unescape(), scalar, source, node.getStartOffset(), field, found);
      } else if (node instanceof com.vladsch.flexmark.ast.HtmlEntity entity) {
        refusedCharacter(decode(entity.getChars().toString()), "'" + entity.getChars() + "'",
            scalar, source, node.getStartOffset(), field, found);
      } else if (node instanceof AutoLink auto) {
        checkUrl(auto.getText().toString(), scalar, source, node.getStartOffset(), field, found);
      }
    }
    java.util.List<dev.kept.model.Finding> all = found.all();
    if (all.size() > MAX_FINDINGS) {
      findings.addAll(all.subList(0, MAX_FINDINGS));
      dev.kept.model.Finding next = all.get(MAX_FINDINGS);
      findings.error(
          next.pos(),
          "and more problems like these in '" + field + "' from here",
          "Fix the ones above, then run 'kept check' again to see the rest.");
    } else {
      findings.addAll(all);
    }
    return new Markdown(source, scalar.pos());
  }

  /**
   * How many problems one text reports before it sums up the rest in one line; each is located in
   * the file by a search that reads the whole text, so a text of thousands of images took seconds.
   */
  static final int MAX_FINDINGS = 10;

  /**
   * How many quote or list marks may start one line. flexmark opens the blocks they start in a
   * time that grows with the square of their number (10,000 '>' in one line took a second);
   * more than {@link #MAX_NESTING} levels are refused after parsing anyway, and this bound leaves
   * room for a thematic break written {@code - - - -} or a line in a code block.
   */
  static final int MAX_LINE_MARKS = 64;

  /**
   * How many lines may follow each other without a blank line. flexmark reads the whole paragraph
   * so far again at each line that might end it (a line starting with a backslash, '#', '=' or
   * '-'), so 5,000 such lines took seconds.
   */
  static final int MAX_PARAGRAPH_LINES = 500;

  /**
   * The offset of the first line that starts with more than {@link #MAX_LINE_MARKS} quote or list
   * marks ({@code >}, {@code -}, {@code *}, {@code +}, or up to nine digits then {@code .} or
   * {@code )}, each followed by a space, a tab or the end of the line, except {@code >}), or -1.
   * Linear in the text.
   */
  static int crowdedLine(String text) {
    int lineStart = 0;
    int length = text.length();
    while (lineStart < length) {
      int i = lineStart;
      int marks = 0;
      while (i < length) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
        } else if (c == '>') {
          marks++;
          i++;
        } else if ((c == '-' || c == '*' || c == '+') && endsMark(text, i + 1)) {
          marks++;
          i++;
        } else if (c >= '0' && c <= '9') {
          int j = i;
          while (j < length && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
          }
          if (j < length && (text.charAt(j) == '.' || text.charAt(j) == ')') && endsMark(text, j + 1)) {
            marks++;
            i = j + 1;
          } else {
            break;
          }
        } else {
          break;
        }
        if (marks > MAX_LINE_MARKS) {
          return lineStart;
        }
      }
      int end = text.indexOf('\n', i);
      lineStart = end < 0 ? length : end + 1;
    }
    return -1;
  }

  private static boolean endsMark(String text, int i) {
    return i >= text.length() || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n';
  }

  /**
   * The offset of the line that makes more than {@link #MAX_PARAGRAPH_LINES} lines in a row with
   * no blank line (one of spaces and tabs only) between them, or -1. Linear in the text.
   */
  static int longParagraph(String text) {
    int run = 0;
    int lineStart = 0;
    int length = text.length();
    while (lineStart < length) {
      int end = text.indexOf('\n', lineStart);
      if (end < 0) {
        end = length;
      }
      boolean blank = true;
      for (int i = lineStart; i < end && blank; i++) {
        blank = text.charAt(i) == ' ' || text.charAt(i) == '\t';
      }
      run = blank ? 0 : run + 1;
      if (run > MAX_PARAGRAPH_LINES) {
        return lineStart;
      }
      lineStart = end + 1;
    }
    return -1;
  }

  /**
   * How deep quotes, lists, emphasis and links may nest in one text. Rendering walks the tree
   * recursively, so a text of thousands of nested quotes ({@code >>>>...}) overflowed the stack;
   * real charters nest two or three levels.
   */
  static final int MAX_NESTING = 16;

  /**
   * The first node nested deeper than {@link #MAX_NESTING} quotes, lists, emphasis or links, or
   * null. Linear in the tree: each node's level is its parent's, plus one if it nests.
   */
  private static Node tooDeep(Document document) {
    java.util.Map<Node, Integer> levels = new java.util.IdentityHashMap<>();
    levels.put(document, 0);
    for (Node node : document.getDescendants()) {
      int level = levels.getOrDefault(node.getParent(), 0) + (nests(node) ? 1 : 0);
      if (level > MAX_NESTING) {
        return node;
      }
      if (node.hasChildren()) {
        levels.put(node, level);
      }
    }
    return null;
  }

  private static boolean nests(Node node) {
    return node instanceof com.vladsch.flexmark.ast.BlockQuote
        || node instanceof com.vladsch.flexmark.ast.ListBlock
        || node instanceof com.vladsch.flexmark.ast.Emphasis
        || node instanceof com.vladsch.flexmark.ast.StrongEmphasis
        || node instanceof LinkNodeBase;
  }

  /**
   * Backslashes flexmark's link-label pattern may read in two ways (as an escape, or as a backslash
   * then a character); past this many in one label its backtracking doubles with each one (20 take
   * half a second, 40 minutes), so the text is refused before it is parsed.
   */
  static final int MAX_LABEL_BACKSLASHES = 10;

  /**
   * The offset of the first '[' followed by more than {@link #MAX_LABEL_BACKSLASHES} backslashes
   * before the next unescaped bracket, or -1. Linear in the text.
   */
  static int backslashesInALabel(String text) {
    int open = -1;
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (open >= 0 && ++count > MAX_LABEL_BACKSLASHES) {
          return open;
        }
        if (i + 1 < text.length() && (text.charAt(i + 1) == '[' || text.charAt(i + 1) == ']')) {
          i++; // an escaped bracket neither opens nor closes a label
        }
      } else if (c == '[') {
        open = i;
        count = 0;
      } else if (c == ']') {
        open = -1;
      }
    }
    return -1;
  }

  /**
   * Reports a character {@link Chars} refuses that Markdown makes from an entity or a link's
   * escapes ({@code &#x1b;}, {@code &#x202E;}): the YAML reader refused it in the text as
   * written, and this refuses it however it is spelt.
   */
  private static void refusedCharacter(
      String decoded, String spelling, YScalar scalar, String source, int offset, String field,
      Findings findings) {
    Chars.first(decoded, true)
        .ifPresent(
            bad ->
                findings.error(
                    at(scalar, source, offset),
                    spelling + " in '" + field + "' makes " + bad.what(),
                    bad.hint()));
  }

  /** The character an entity stands for, as a browser reads it: numeric ones by their number. */
  static String decode(String entity) {
    java.util.regex.Matcher m = NUMERIC.matcher(entity);
    if (m.matches()) {
      try {
        int cp = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD";
      } catch (NumberFormatException e) {
        return "\uFFFD";
      }
    }
    return org.jsoup.parser.Parser.unescapeEntities(entity, false);
  }

  private static final java.util.regex.Pattern NUMERIC =
      java.util.regex.Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));");

  private static void checkUrl(
      String url, YScalar scalar, String source, int offset, String field, Findings findings) {
    if (leavesSiteUnnamed(url)) {
      findings.error(
          at(scalar, source, offset),
          "the link '" + printable(url.strip()) + "' is not a full address or a page of this site",
          "Write an address in full, starting https://, or a page of this site without // or \\"
              + " (nor a tab, line break, &#47; or %2F between its first slashes).");
      return;
    }
    scheme(url)
        .filter(s -> !SAFE_SCHEMES.contains(s))
        .ifPresent(
            s ->
                findings.error(
                    at(scalar, source, offset),
                    "a '" + s + ":' link is not allowed in '" + field + "'",
                    "Link only to https://, http://, mailto: or tel: addresses, or to a page of"
                        + " this site."));
  }

  /**
   * Whether a link (as flexmark gives it, escapes undone) could take a browser to another site
   * without naming its scheme, or holds a backslash: it is read as a browser reads it (character
   * references decoded, {@link MarkdownSyntax#asBrowserReads}) and, to be safe with servers that
   * decode paths, an address without a scheme once more with its percent escapes decoded and every
   * blank and control character removed; if either reading starts with two slashes or backslashes,
   * or the first has a backslash anywhere, it is refused. {@code /&#9;/evil.example}, {@code
   * /&#10;/}, {@code &#1;//}, {@code &#47;&#47;}, {@code &sol;&sol;}, {@code \/}, {@code /%09/}
   * and {@code /%2F/} all are.
   */
  static boolean leavesSiteUnnamed(String url) {
    String decoded = org.jsoup.parser.Parser.unescapeEntities(url, false);
    String read = MarkdownSyntax.asBrowserReads(decoded);
    if (MarkdownSyntax.isProtocolRelative(read) || read.indexOf('\\') >= 0) {
      return true;
    }
    return MarkdownSyntax.scheme(read).isEmpty()
        && MarkdownSyntax.isProtocolRelative(withoutBlanks(percentDecoded(read)));
  }

  /** {@code text} with each {@code %XX} escape decoded as one Latin-1 character; linear. */
  private static String percentDecoded(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
      if (c == '%' && hi >= 0 && lo >= 0) {
        out.append((char) (hi * 16 + lo));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String withoutBlanks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > ' ' && c != 0x7f && !Character.isISOControl(c) && !Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A link for a message: control characters, tabs and line breaks shown as \\uXXXX. */
  private static String printable(String url) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < url.length(); i++) {
      if (out.length() >= 80) {
        return out.append("...").toString();
      }
      char c = url.charAt(i);
      if (c < ' ' || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The scheme a browser would see in {@code url}, lower-cased, once entities are decoded and the
   * whitespace and control characters browsers ignore are removed; empty for a relative link.
   */
  static java.util.Optional<String> scheme(String url) {
    String decoded = org.jsoup.parser.Parser.unescapeEntities(url, false);
    StringBuilder cleaned = new StringBuilder();
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c > ' ' && c != 0x7f && !Character.isISOControl(c) && !Character.isWhitespace(c)) {
        cleaned.append(c);
      }
    }
    String s = cleaned.toString();
    int colon = s.indexOf(':');
    if (colon <= 0) {
      return java.util.Optional.empty();
    }
    String before = s.substring(0, colon);
    if (before.contains("/") || before.contains("?") || before.contains("#")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(before.toLowerCase(Locale.ROOT));
  }

  /**
   * Where the text at {@code offset} is in the file: found in the value as written, so that a
   * folded or quoted value that spans several lines of the file points at the right one.
   */
  private static SourcePos at(YScalar scalar, String source, int offset) {
    int from = Math.max(0, Math.min(offset, source.length()));
    return scalar.locate(from, Math.min(8, source.length() - from));
  }

  /**
   * Where the line starting at {@code offset} is: exact in a {@code |} block, whose lines are the
   * file's; else as {@link #at}. (A search for the text misplaces a line among many alike.)
   */
  private static SourcePos atLine(YScalar scalar, String source, int offset) {
    if (!scalar.literal()) {
      return at(scalar, source, offset);
    }
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return scalar.posOf(line, offset - lineStart);
  }

  private static String excerpt(String html) {
    String oneLine = html.strip().replaceAll("\\s+", " ");
    return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
  }
}
