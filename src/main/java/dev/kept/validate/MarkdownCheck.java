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
  private static final Parser PARSER = Parser.builder().build();
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

  private MarkdownCheck() {}

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
    Document document = PARSER.parse(source);
    for (Node node : document.getDescendants()) {
      if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
        findings.error(
            at(scalar, source, node.getStartOffset()),
            "raw HTML is not allowed in '" + field + "': " + excerpt(node.getChars().toString()),
            "Write it in Markdown instead: **bold**, *italic*, [link text](https://...), - lists.");
      } else if (node instanceof com.vladsch.flexmark.ast.Image
          || node instanceof com.vladsch.flexmark.ast.ImageRef) {
        findings.error(
            at(scalar, source, node.getStartOffset()),
            "images are not allowed in '" + field + "'",
            "Describe it in words, or link to it: [what it shows](https://...). A charter page"
                + " loads nothing from other sites.");
      } else if (node instanceof LinkNodeBase link) {
        refusedCharacter(link.getUrl().unescape() + link.getTitle().unescape(), "a link",
            scalar, source, node.getStartOffset(), field, findings);
        checkUrl(link.getUrl().unescape(), scalar, source, node.getStartOffset(), field, findings);
      } else if (node instanceof com.vladsch.flexmark.ast.HtmlEntity entity) {
        refusedCharacter(decode(entity.getChars().toString()), "'" + entity.getChars() + "'",
            scalar, source, node.getStartOffset(), field, findings);
      } else if (node instanceof AutoLink auto) {
        checkUrl(auto.getText().toString(), scalar, source, node.getStartOffset(), field, findings);
      }
    }
    return new Markdown(source, scalar.pos());
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
    String trimmed = url.strip();
    if (trimmed.startsWith("//") || trimmed.contains("\\")) {
      findings.error(
          at(scalar, source, offset),
          "the link '" + trimmed + "' is not a full address or a page of this site",
          "Write an address in full, starting https://, or a page of this site without // or \\.");
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

  private static String excerpt(String html) {
    String oneLine = html.strip().replaceAll("\\s+", " ");
    return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
  }
}
