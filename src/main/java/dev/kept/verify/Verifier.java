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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a site as it is staged: every page runs no script (no script element, event handler or
 * script link) and carries a Content-Security-Policy; every page and figures file the charter needs
 * was written; every file is a regular file inside the folder (no links).
 *
 * <p>Pages are checked as they are written ({@link #watching}), from the bytes on their way to the
 * disk, so the site is not read back. One instance checks one build; it is thread-safe, so pages
 * may be written from several threads at once.
 */
public final class Verifier {
  /**
   * A tag with an inline event handler, or a link that would run script: an attribute of the tag,
   * never text inside another attribute's quoted value (a title may say "onclick="). Matched from
   * the start of each tag; the possessive quantifiers keep it to one pass over the tag.
   */
  private static final Pattern UNSAFE =
      Pattern.compile(
          "<[a-z][^\\s>/]*+(?:\\s++[^\\s\"'>/=]++(?:\\s*+=\\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\\s\"'>]++))?+)*?"
              + "\\s++(?:on[a-z]+\\s*=|(?:href|src|action)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):)",
          Pattern.CASE_INSENSITIVE);

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
      if (!path.endsWith(".html")) {
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
          byte[] page = toByteArray();
          List<String> found = checkPage(path, new String(page, StandardCharsets.UTF_8));
          if (!found.isEmpty()) {
            problems.put(path, found);
          }
          try (target) {
            target.write(page);
          }
        }
      };
    };
  }

  /** The problems with one page; empty when it may be published. */
  public static List<String> checkPage(String path, String html) {
    boolean script = false;
    boolean unsafe = false;
    Matcher handler = UNSAFE.matcher(html);
    for (int i = html.indexOf('<'); i >= 0 && !(script && unsafe); i = html.indexOf('<', i + 1)) {
      if (html.regionMatches(true, i + 1, "script", 0, 6)) {
        script = true;
      } else if (!unsafe
          && i + 1 < html.length()
          && Character.isLetter(html.charAt(i + 1))
          && suspect(html, i)) {
        unsafe = handler.region(i, html.length()).lookingAt();
      }
    }
    List<String> found = new ArrayList<>();
    if (script) {
      found.add(path + " contains a script");
    }
    if (unsafe) {
      found.add(path + " contains an event handler or a script link");
    }
    if (!html.contains(CSP)) {
      found.add(path + " has no Content-Security-Policy");
    }
    return found;
  }

  /**
   * Whether the tag at {@code from} could hold a handler or a script link: whether it has a space
   * before "on", or a colon, before the {@code >} that ends it outside quotes. Most tags have
   * neither and need no closer look; a stray quote only makes the look longer, never shorter.
   */
  private static boolean suspect(String html, int from) {
    char quote = 0;
    for (int i = from + 1; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == ':') {
          return true;
        }
      } else if (c == '>') {
        return false;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ':') {
        return true;
      } else if (c <= ' ' && i + 2 < html.length()) {
        char o = html.charAt(i + 1);
        char n = html.charAt(i + 2);
        if ((o == 'o' || o == 'O') && (n == 'n' || n == 'N')) {
          return true;
        }
      }
    }
    return true;
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
    problems.forEach((page, found) -> {
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
