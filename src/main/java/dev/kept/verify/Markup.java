package dev.kept.verify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * One pass over a page or an SVG image that reads its start tags as the HTML standard's tokenizer
 * does, to find what could run script: a script element (with or without a namespace prefix), an
 * event handler attribute, a link to a {@code javascript:}, {@code vbscript:} or (where it can hold
 * a document) {@code data:} URL, an {@code srcdoc}, an SVG animation that sets a link to one, a
 * meta refresh to one, and, in an image, a DTD with its own entities or an XML stylesheet.
 *
 * <p>Comments, CDATA sections and declarations are skipped as the browser skips them; in a page,
 * so is the text of the elements whose content is never markup ({@code title}, {@code textarea},
 * {@code style}, {@code noscript} and the like), so a quote inside them cannot hide a tag after
 * them. Attributes are separated by spaces or {@code /}, values quoted or not, and character
 * references are decoded and the characters browsers ignore dropped before a URL's scheme is read.
 */
final class Markup {
  /** What a scan found. {@code policy}: a page's {@code <meta http-equiv="Content-Security-Policy">}. */
  record Scan(boolean script, boolean unsafe, boolean policy) {}

  /** Elements whose text a page's parser reads as text up to their end tag, never as markup. */
  private static final Set<String> RAW_TEXT =
      Set.of("title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "script", "plaintext");

  /** Attributes (by local name) whose value a browser may load or follow as a URL. */
  private static final Set<String> LINKS =
      Set.of("href", "src", "action", "formaction", "data", "poster", "background", "srcset");

  /** Attributes kept for a tag's checks, besides the links. */
  private static final Set<String> KEPT =
      Set.of("http-equiv", "content", "attributename", "values", "to", "from", "by", "srcdoc");

  private Markup() {}

  static Scan scan(String text, boolean page) {
    boolean script = false;
    boolean unsafe = false;
    boolean policy = false;
    int length = text.length();
    int i = text.indexOf('<');
    while (i >= 0 && i < length) {
      if (text.startsWith("<!--", i)) {
        i = after(text, "-->", i + 4);
      } else if (text.startsWith("<![CDATA[", i)) {
        i = after(text, "]]>", i + 9);
      } else if (i + 1 < length && (text.charAt(i + 1) == '!' || text.charAt(i + 1) == '?')) {
        int end = text.indexOf('>', i);
        String declaration = text.substring(i, end < 0 ? length : end);
        if (!page && (declaration.indexOf('[') >= 0 || declaration.regionMatches(true, 0, "<?xml-stylesheet", 0, 16))) {
          unsafe = true; // entities of its own, or a stylesheet an image should not load
        }
        i = end < 0 ? length : end + 1;
      } else if (i + 1 < length && isAsciiLetter(text.charAt(i + 1))) {
        Tag tag = Tag.read(text, i);
        script |= tag.local().equals("script");
        unsafe |= tag.unsafe();
        policy |= tag.name().equals("meta") && "content-security-policy".equalsIgnoreCase(tag.attributes().get("http-equiv"));
        i = tag.end();
        if (page && RAW_TEXT.contains(tag.name())) {
          int close = indexOfIgnoreCase(text, "</" + tag.name(), i);
          i = close < 0 ? length : close;
        }
      } else {
        i++;
      }
      i = i < length ? text.indexOf('<', i) : -1;
    }
    return new Scan(script, unsafe, policy);
  }

  /**
   * One start tag: its name in lower case, the attributes its checks need, whether an attribute
   * could run script, and where the tag ends.
   */
  private record Tag(String name, String local, Map<String, String> attributes, boolean unsafe, int end) {
    static Tag read(String text, int start) {
      int length = text.length();
      int j = start + 1;
      while (j < length && !isSpace(text.charAt(j)) && text.charAt(j) != '/' && text.charAt(j) != '>') {
        j++;
      }
      String name = text.substring(start + 1, j).toLowerCase(Locale.ROOT);
      String local = name.substring(name.lastIndexOf(':') + 1);
      Map<String, String> attributes = Map.of(); // most tags keep none: made on the first
      boolean unsafe = false;
      while (true) {
        while (j < length && (isSpace(text.charAt(j)) || text.charAt(j) == '/')) {
          j++;
        }
        if (j >= length || text.charAt(j) == '>') {
          break;
        }
        int nameStart = j++;
        while (j < length && !isSpace(text.charAt(j)) && "/>=".indexOf(text.charAt(j)) < 0) {
          j++;
        }
        int nameEnd = j;
        if (nameEnd - nameStart > 2 && text.regionMatches(true, nameStart, "on", 0, 2)) {
          unsafe = true;
        }
        int after = j;
        while (after < length && isSpace(text.charAt(after))) {
          after++;
        }
        if (after >= length || text.charAt(after) != '=') {
          continue; // an attribute with no value
        }
        j = after + 1;
        while (j < length && isSpace(text.charAt(j))) {
          j++;
        }
        int valueStart;
        int valueEnd;
        if (j < length && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
          int close = text.indexOf(text.charAt(j), j + 1);
          valueStart = j + 1;
          valueEnd = close < 0 ? length : close;
          j = close < 0 ? length : close + 1;
        } else {
          valueStart = j;
          while (j < length && !isSpace(text.charAt(j)) && text.charAt(j) != '>') {
            j++;
          }
          valueEnd = j;
        }
        if (!isChecked(text, nameStart, nameEnd)) {
          continue; // most attributes (class, id, scope...): no need to read them further
        }
        String attribute = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        String attributeLocal = attribute.substring(attribute.lastIndexOf(':') + 1);
        if (LINKS.contains(attributeLocal) || KEPT.contains(attribute)) {
          String value = Parser.unescapeEntities(text.substring(valueStart, valueEnd), true);
          if (attributes.isEmpty()) {
            attributes = new HashMap<>(4);
          }
          attributes.putIfAbsent(attribute, value);
          if (LINKS.contains(attributeLocal) && runsScript(local, attributeLocal, value)) {
            unsafe = true;
          }
        }
      }
      unsafe |= attributes.containsKey("srcdoc");
      if (local.equals("meta") && "refresh".equalsIgnoreCase(attributes.getOrDefault("http-equiv", "").strip())) {
        unsafe |= isScriptUrl(refreshUrl(attributes.getOrDefault("content", "")), false);
      }
      if (local.equals("animate") || local.equals("set")) {
        String target = attributes.getOrDefault("attributename", "").strip().toLowerCase(Locale.ROOT);
        if (target.equals("href") || target.endsWith(":href")) {
          for (String key : new String[] {"values", "to", "from", "by"}) {
            for (String value : attributes.getOrDefault(key, "").split(";")) {
              unsafe |= isScriptUrl(value, false);
            }
          }
        }
      }
      return new Tag(name, local, attributes, unsafe, Math.min(length, j + 1));
    }
  }

  /**
   * Whether the attribute named by {@code text[from, to)} is one the checks read: a link (by its
   * local name) or one of {@link #KEPT}, in any case. Read in place, so other attributes cost no
   * copy.
   */
  private static boolean isChecked(String text, int from, int to) {
    int local = from;
    for (int i = to - 1; i >= from; i--) {
      if (text.charAt(i) == ':') {
        local = i + 1;
        break;
      }
    }
    for (String link : LINKS) {
      if (to - local == link.length() && text.regionMatches(true, local, link, 0, link.length())) {
        return true;
      }
    }
    for (String kept : KEPT) {
      if (to - from == kept.length() && text.regionMatches(true, from, kept, 0, kept.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a link attribute's value runs script. {@code data:} is allowed only where it cannot
   * hold a document: an image's source and a {@code <link>} (an icon or a style sheet).
   */
  private static boolean runsScript(String element, String attribute, String value) {
    boolean dataIsImage =
        (element.equals("img") && (attribute.equals("src") || attribute.equals("srcset")))
            || (element.equals("link") && attribute.equals("href"));
    if (attribute.equals("srcset")) {
      for (String candidate : value.split(",")) {
        if (isScriptUrl(candidate, dataIsImage)) {
          return true;
        }
      }
      return false;
    }
    return isScriptUrl(value, dataIsImage);
  }

  /** The URL of a refresh's content by the HTML standard's steps: "5; url='x'", "0;x", "0". */
  private static String refreshUrl(String content) {
    int i = 0;
    int n = content.length();
    while (i < n && (isSpace(content.charAt(i)) || Character.isDigit(content.charAt(i)) || content.charAt(i) == '.')) {
      i++;
    }
    if (i < n && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
      i++;
    }
    while (i < n && isSpace(content.charAt(i))) {
      i++;
    }
    if (content.regionMatches(true, i, "url", 0, 3)) {
      int j = i + 3;
      while (j < n && isSpace(content.charAt(j))) {
        j++;
      }
      if (j < n && content.charAt(j) == '=') {
        i = j + 1;
        while (i < n && isSpace(content.charAt(i))) {
          i++;
        }
      }
    }
    String url = content.substring(Math.min(i, n));
    if (!url.isEmpty() && (url.charAt(0) == '"' || url.charAt(0) == '\'')) {
      url = url.substring(1);
    }
    return url;
  }

  /** Whether a (decoded) URL starts with a script scheme, once the characters browsers ignore are out. */
  private static boolean isScriptUrl(String value, boolean dataAllowed) {
    StringBuilder start = new StringBuilder(12);
    for (int i = 0; i < value.length() && start.length() < 11; i++) {
      char c = value.charAt(i);
      if (c > ' ') {
        start.append(Character.toLowerCase(c));
      }
    }
    String s = start.toString();
    return s.startsWith("javascript:") || s.startsWith("vbscript:") || (!dataAllowed && s.startsWith("data:"));
  }

  private static int after(String text, String end, int from) {
    int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at + end.length();
  }

  private static int indexOfIgnoreCase(String text, String part, int from) {
    for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
