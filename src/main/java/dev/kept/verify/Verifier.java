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
 * handler or script link, read as a browser's HTML5 or XML parser reads them; see {@link Markup}),
 * every page carries exactly Kept's Content-Security-Policy ({@link #POLICY}) as the first element
 * of its head; every page and data file the charter needs was written; every file is a regular file
 * inside the folder (no links).
 *
 * <p>Pages and images are checked as they are written ({@link #watching}), from their text or from
 * the bytes on their way to the disk, so the site is not read back. One instance checks one build;
 * it is thread-safe, so pages may be written from several threads at once. What a company's theme
 * wrote ({@link #markupProblems}) is turned into findings at the theme's files by {@link ThemeBlame}.
 */
public final class Verifier {
  /** Files a browser opens as a page, and as an XML document (which may hold SVG's script). */
  private static final List<String> PAGES = List.of(".html", ".htm", ".xhtml", ".xht", ".shtml");

  private static final List<String> XML = List.of(".svg", ".xml", ".xsl", ".xslt");

  /** Kept's Content-Security-Policy: every page must carry exactly this, first in its head. */
  public static final String POLICY = Markup.POLICY;

  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Map<String, List<Problem>> problems = new ConcurrentHashMap<>();

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
        Optional<FileKind> kind = kind(path);
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
            check(path, kind.get(), bytes);
            try (target) {
              target.write(bytes);
            }
          }
        };
      }

      @Override
      public void write(String path, String text) throws IOException {
        Optional<FileKind> kind = kind(path);
        if (kind.isPresent()) {
          // A page is checked from its text as it is; an XML file from its bytes, as a browser decodes them.
          record(path, kind.get() == FileKind.PAGE ? Markup.page(path, text) : Markup.xml(path, text.getBytes(StandardCharsets.UTF_8)));
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
  private enum FileKind {
    PAGE,
    XML
  }

  /** How a file is checked, by its name whatever its case; empty for files that are not markup. */
  private static Optional<FileKind> kind(String path) {
    String name = path.toLowerCase(java.util.Locale.ROOT);
    if (PAGES.stream().anyMatch(name::endsWith)) {
      return Optional.of(FileKind.PAGE);
    }
    return XML.stream().anyMatch(name::endsWith) ? Optional.of(FileKind.XML) : Optional.empty();
  }

  private void check(String path, FileKind kind, byte[] bytes) {
    record(path, kind == FileKind.PAGE ? Markup.page(path, new String(bytes, StandardCharsets.UTF_8)) : Markup.xml(path, bytes));
  }

  private void record(String path, List<Problem> found) {
    if (!found.isEmpty()) {
      problems.put(path, found);
    }
  }

  /**
   * The problems with one page, one line per kind ({@code p.html contains a script}); empty when
   * it may be published. {@link #pageProblems} gives each one with its place.
   */
  public static List<String> checkPage(String path, String html) {
    return summaries(Markup.page(path, html));
  }

  /** Every problem with one page, with its place in the page, in the order of their kinds. */
  public static List<Problem> pageProblems(String path, String html) {
    return Markup.page(path, html);
  }

  /** The problems with an SVG image or another XML file, one line per kind. */
  static List<String> checkImage(String path, String markup) {
    return summaries(Markup.xml(path, markup.getBytes(StandardCharsets.UTF_8)));
  }

  /** One line per kind of problem, in the order of the kinds. */
  private static List<String> summaries(List<Problem> found) {
    return found.stream().map(Problem::toString).distinct().toList();
  }

  /**
   * The problems found so far in the pages and images written through {@link #watching}, by path
   * in name order; empty when every one of them may be published. Unlike {@link #finish}, it does
   * not say whether every page the site needs was written, nor look at a folder: it is for
   * checking a few files rendered on their own, such as the pages a preview renders on request.
   */
  public List<String> problems() {
    List<String> all = new ArrayList<>();
    new java.util.TreeMap<>(problems).values().forEach(found -> all.addAll(summaries(found)));
    return all;
  }

  /**
   * Every problem found so far in the pages and images written through {@link #watching}, each
   * with its place, by path in name order: what a theme wrote, for {@link ThemeBlame} to find in
   * the theme's files.
   */
  public List<Problem> markupProblems() {
    List<Problem> all = new ArrayList<>();
    new java.util.TreeMap<>(problems).values().forEach(all::addAll);
    return all;
  }

  /**
   * Whether a page has a script, an event handler or a script link, or markup that could hide one
   * from this check (see {@link Markup}).
   */
  static boolean hasHandlerOrScriptLink(String html) {
    return Markup.page("p.html", html).stream()
        .anyMatch(p -> p.kind() == Problem.Kind.SCRIPT || p.kind() == Problem.Kind.UNSAFE || p.kind() == Problem.Kind.UNCLEAR);
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
      all.addAll(summaries(problems.getOrDefault(page, List.of())));
    }
    new java.util.TreeMap<>(problems).forEach((page, found) -> {
      if (!pages.contains(page)) {
        all.addAll(summaries(found));
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
