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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Checks a site as it is staged: every page and SVG image runs no script (no script element, event
 * handler or script link), every page carries a Content-Security-Policy; every page and data file
 * the charter needs was written; every file is a regular file inside the folder (no links).
 *
 * <p>Pages and images are checked as they are written ({@link #watching}), from their text or from
 * the bytes on their way to the disk, so the site is not read back. One instance checks one build; it is thread-safe, so pages
 * may be written from several threads at once.
 */
public final class Verifier {
  /** Files a browser opens as a page, and as an XML document (which may hold SVG's script). */
  private static final List<String> PAGES = List.of(".html", ".htm", ".xhtml", ".xht", ".shtml");

  private static final List<String> XML = List.of(".svg", ".xml", ".xsl", ".xslt");

  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Map<String, List<String>> problems = new ConcurrentHashMap<>();

  /**
   * An output that writes to {@code out} and checks every page and SVG or XML file written through
   * it: a file opened as a stream when it is closed, a text given whole before it is written. It
   * wants what {@code out} wants.
   */
  public Output watching(Output out) {
    return new Output() {
      @Override
      public OutputStream open(String path) throws IOException {
        OutputStream target = out.open(path);
        written.add(path);
        Optional<Kind> kind = kind(path);
        if (kind.isEmpty()) {
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
            byte[] bytes = toByteArray();
            check(path, kind.get(), new String(bytes, StandardCharsets.UTF_8));
            try (target) {
              target.write(bytes);
            }
          }
        };
      }

      @Override
      public void write(String path, String text) throws IOException {
        Optional<Kind> kind = kind(path);
        if (kind.isPresent()) {
          check(path, kind.get(), text);
        }
        out.write(path, text);
        written.add(path);
      }

      @Override
      public boolean wants(String path) {
        return out.wants(path);
      }
    };
  }

  /** How a written file is checked: as a page, or as an XML document such as an SVG image. */
  private enum Kind {
    PAGE,
    XML
  }

  /** How a file is checked, by its name whatever its case; empty for files that are not markup. */
  private static Optional<Kind> kind(String path) {
    String name = path.toLowerCase(java.util.Locale.ROOT);
    if (PAGES.stream().anyMatch(name::endsWith)) {
      return Optional.of(Kind.PAGE);
    }
    return XML.stream().anyMatch(name::endsWith) ? Optional.of(Kind.XML) : Optional.empty();
  }

  private void check(String path, Kind kind, String text) {
    List<String> found = kind == Kind.PAGE ? checkPage(path, text) : checkImage(path, text);
    if (!found.isEmpty()) {
      problems.put(path, found);
    }
  }

  /** The problems with one page; empty when it may be published. */
  public static List<String> checkPage(String path, String html) {
    return problems(path, Markup.scan(html, true), true);
  }

  /** The problems with an SVG image or another XML file: script and script links. */
  static List<String> checkImage(String path, String markup) {
    return problems(path, Markup.scan(markup, false), false);
  }

  private static List<String> problems(String path, Markup.Scan scan, boolean page) {
    List<String> found = new ArrayList<>();
    if (scan.script()) {
      found.add(path + " contains a script");
    }
    if (scan.unsafe()) {
      found.add(path + " contains an event handler or a script link");
    }
    if (page && !scan.policy()) {
      found.add(path + " has no Content-Security-Policy");
    }
    return found;
  }

  /**
   * The problems found so far in the pages and images written through {@link #watching}, by path
   * in name order; empty when every one of them may be published. Unlike {@link #finish}, it does
   * not say whether every page the site needs was written, nor look at a folder: it is for
   * checking a few files rendered on their own, such as the pages a preview renders on request.
   */
  public List<String> problems() {
    List<String> all = new ArrayList<>();
    new java.util.TreeMap<>(problems).values().forEach(all::addAll);
    return all;
  }

  /** Whether a page has an event handler or a script link (see {@link Markup}). */
  static boolean hasHandlerOrScriptLink(String html) {
    return Markup.scan(html, true).unsafe();
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
