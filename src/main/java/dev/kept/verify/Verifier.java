package dev.kept.verify;

import dev.kept.render.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Checks a site as it is staged: every page and SVG image runs no script (no script element, event
 * handler or script link), every page carries a Content-Security-Policy; every page and data file
 * the charter needs was written; every file is a regular file inside the folder (no links).
 *
 * <p>Pages are checked as they are written ({@link #watching}), from the bytes on their way to the
 * disk, so the site is not read back. One instance checks one build; it is thread-safe, so pages
 * may be written from several threads at once.
 */
public final class Verifier {
  private static final String CSP = "http-equiv=\"Content-Security-Policy\"";

  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Map<String, List<String>> problems = new ConcurrentHashMap<>();

  /**
   * An output that writes to {@code out} and checks every HTML page written through it, when the
   * page is closed.
   */
  public Output watching(Output out) {
    return path -> {
      OutputStream target = out.open(path);
      written.add(path);
      boolean page = path.endsWith(".html");
      if (!page && !path.endsWith(".svg")) {
        return target;
      }
      return new ByteArrayOutputStream(64 * 1024) {
        private boolean closed;

        @Override
        public void close() throws IOException {
          if (closed) {
            return;
          }
          closed = true;
          byte[] written = toByteArray();
          String text = new String(written, StandardCharsets.UTF_8);
          List<String> found = page ? checkPage(path, text) : checkImage(path, text);
          if (!found.isEmpty()) {
            problems.put(path, found);
          }
          try (target) {
            target.write(written);
          }
        }
      };
    };
  }

  /** The problems with one page; empty when it may be published. */
  public static List<String> checkPage(String path, String html) {
    List<String> found = checkImage(path, html);
    if (!html.contains(CSP)) {
      found.add(path + " has no Content-Security-Policy");
    }
    return found;
  }

  /** The problems with an SVG image, or a page apart from its policy: script and script links. */
  static List<String> checkImage(String path, String markup) {
    List<String> found = new ArrayList<>();
    if (hasScript(markup)) {
      found.add(path + " contains a script");
    }
    if (hasHandlerOrScriptLink(markup)) {
      found.add(path + " contains an event handler or a script link");
    }
    return found;
  }

  private static boolean hasScript(String html) {
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      if (html.regionMatches(true, i + 1, "script", 0, 6)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any start tag has an event handler attribute ({@code on...}), or a link attribute whose
   * value, once its character references are decoded and its spaces and control characters taken
   * out as browsers do, starts with {@code javascript:}, {@code vbscript:} or {@code data:}.
   * Attributes are read as the HTML standard's tokenizer reads them: separated by spaces or
   * {@code /}, values quoted or not, so text inside a quoted value is never taken for an attribute.
   */
  static boolean hasHandlerOrScriptLink(String html) {
    int length = html.length();
    for (int i = html.indexOf('<'); i >= 0 && i < length; i = html.indexOf('<', i + 1)) {
      int j = i + 1;
      if (j >= length || !isAsciiLetter(html.charAt(j))) {
        continue; // an end tag, a comment, a doctype, or text
      }
      while (j < length && !isSpace(html.charAt(j)) && html.charAt(j) != '/' && html.charAt(j) != '>') {
        j++;
      }
      while (true) {
        while (j < length && (isSpace(html.charAt(j)) || html.charAt(j) == '/')) {
          j++;
        }
        if (j >= length || html.charAt(j) == '>') {
          break;
        }
        int nameStart = j++;
        while (j < length && !isSpace(html.charAt(j)) && "/>=".indexOf(html.charAt(j)) < 0) {
          j++;
        }
        int nameEnd = j;
        int after = j;
        while (after < length && isSpace(html.charAt(after))) {
          after++;
        }
        if (nameEnd - nameStart > 2 && html.regionMatches(true, nameStart, "on", 0, 2)) {
          return true;
        }
        if (after >= length || html.charAt(after) != '=') {
          continue; // an attribute with no value
        }
        j = after + 1;
        while (j < length && isSpace(html.charAt(j))) {
          j++;
        }
        int valueStart;
        int valueEnd;
        if (j < length && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
          int close = html.indexOf(html.charAt(j), j + 1);
          valueStart = j + 1;
          valueEnd = close < 0 ? length : close;
          j = close < 0 ? length : close + 1;
        } else {
          valueStart = j;
          while (j < length && !isSpace(html.charAt(j)) && html.charAt(j) != '>') {
            j++;
          }
          valueEnd = j;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
        if (LINK_ATTRIBUTES.contains(name) && isScriptUrl(html.substring(valueStart, valueEnd))) {
          return true;
        }
        if (name.equals("content") && isScriptRefresh(html.substring(valueStart, valueEnd))) {
          return true;
        }
      }
      i = Math.max(i, j - 1);
    }
    return false;
  }

  /** Attributes whose value a browser may load or follow as a URL. */
  private static final Set<String> LINK_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset");

  private static boolean isScriptUrl(String value) {
    String decoded = org.jsoup.parser.Parser.unescapeEntities(value, true);
    StringBuilder plain = new StringBuilder(Math.min(decoded.length(), 16));
    for (int i = 0; i < decoded.length() && plain.length() < 11; i++) {
      char c = decoded.charAt(i);
      if (c > ' ') {
        plain.append(Character.toLowerCase(c));
      }
    }
    String start = plain.toString();
    return start.startsWith("javascript:") || start.startsWith("vbscript:") || start.startsWith("data:");
  }

  /** A {@code <meta http-equiv="refresh">} content that sends the reader to a script link. */
  private static boolean isScriptRefresh(String value) {
    String decoded = org.jsoup.parser.Parser.unescapeEntities(value, true).toLowerCase(java.util.Locale.ROOT);
    int url = decoded.indexOf("url");
    if (url < 0) {
      return false;
    }
    int equals = decoded.indexOf('=', url);
    return equals >= 0 && isScriptUrl(decoded.substring(equals + 1).replace("'", "").replace("\"", ""));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /**
   * Every problem found, in the order of {@code pages}; empty when the site may be published.
   *
   * @param root the staged site
   * @param pages every page the site must have
   * @param files every other file it must have, such as each measured promise's figures
   */
  public List<String> finish(Path root, Collection<String> pages, Collection<String> files)
      throws IOException {
    List<String> all = new ArrayList<>();
    for (String page : pages) {
      if (!written.contains(page)) {
        all.add(page + " was not written");
      }
      all.addAll(problems.getOrDefault(page, List.of()));
    }
    new java.util.TreeMap<>(problems).forEach((page, found) -> {
      if (!pages.contains(page)) {
        all.addAll(found);
      }
    });
    for (String file : files) {
      if (!written.contains(file)) {
        all.add(file + " was not written");
      }
    }
    // Files.walk does not follow links, so every path it yields is inside the site unless it is a
    // link itself: those are the only way out.
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isSymbolicLink)
          .forEach(p -> all.add("a link was written to the site: " + root.relativize(p)));
    }
    return all;
  }
}
