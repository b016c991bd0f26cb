package dev.kept;

import dev.kept.load.CharterLoader;
import dev.kept.model.Reuse;
import dev.kept.model.Settings;
import dev.kept.render.SiteRenderer;
import dev.kept.render.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What one run of the {@link Pipeline} keeps for the next over the same charter, as {@code kept
 * serve} runs it again after every change: the cache that wraps the stages from the outside.
 *
 * <p>Each stage names its pieces of work ({@link Reuse}): a promise or figures file's read
 * ({@code "read"}, keyed by the file's settled stamp), a promise's check ({@code "check"}, keyed
 * by its files and the settings checking reads), a promise's measure ({@code "measure"}, keyed by
 * the promise) and its words ({@code "explain"}, keyed by the measured promise). When the
 * charter's {@link Settings} differ from the last run's, by value, every measure and every word is
 * forgotten. The theme is kept while no file in its folder changed, with the site renderer and
 * the cards it made. A piece no run asked for is forgotten at the end of the run.
 *
 * <p>One memory serves one pipeline's runs, one run at a time; within a run the stages call it
 * from several threads. {@link #none()} keeps nothing: what a single check or build uses.
 */
public final class Memory {
  private final boolean keeps;
  private final Map<String, Map<String, Entry>> steps = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> asked = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> made = new ConcurrentHashMap<>();
  private Optional<Settings> settings = Optional.empty();
  private Optional<SiteRenderer> renderer = Optional.empty();
  private Optional<SiteRenderer.Site> site = Optional.empty();
  private List<Object> themeFiles = List.of();

  /** A memory that keeps what each run made for the next. */
  public Memory() {
    this(true);
  }

  private Memory(boolean keeps) {
    this.keeps = keeps;
  }

  /** A memory that keeps nothing. */
  static Memory none() {
    return new Memory(false);
  }

  private record Entry(Object key, Object value) {}

  private final Reuse reuse =
      new Reuse() {
        @Override
        @SuppressWarnings("unchecked")
        public <V> V get(String step, String slot, Object key, Supplier<V> make) {
          asked.computeIfAbsent(step, s -> ConcurrentHashMap.newKeySet()).add(slot);
          Map<String, Entry> entries = steps.computeIfAbsent(step, s -> new ConcurrentHashMap<>());
          Entry known = entries.get(slot);
          if (keeps && key != null && known != null && key.equals(known.key())) {
            return (V) known.value();
          }
          V value = make.get();
          made.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
          if (keeps && key != null) {
            entries.put(slot, new Entry(key, value));
          } else {
            entries.remove(slot);
          }
          return value;
        }

        @Override
        public boolean keeps() {
          return keeps;
        }
      };

  /** What the stages take their pieces of work from; it counts what each run makes. */
  Reuse reuse() {
    return reuse;
  }

  /** Starts a run: counts afresh what it makes. */
  void begin() {
    asked.clear();
    made.clear();
  }

  /**
   * Takes the charter's settings: when they differ from the last run's, every measure and every
   * word is forgotten, as each may read any of them.
   */
  void settings(Settings now) {
    if (!settings.equals(Optional.of(now))) {
      steps.remove("measure");
      steps.remove("explain");
      settings = Optional.of(now);
    }
  }

  /** Ends a run: forgets the pieces of every step it ran that it did not ask for. */
  void end() {
    asked.forEach((step, slots) -> {
      Map<String, Entry> entries = steps.get(step);
      if (entries != null) {
        entries.keySet().retainAll(slots);
      }
    });
  }

  /** How many pieces of {@code step} this run made rather than reused. */
  int made(String step) {
    AtomicInteger n = made.get(step);
    return n == null ? 0 : n.get();
  }

  /**
   * The site renderer of the last run, when its theme may be kept: this memory keeps, the theme
   * loaded, and no file in the theme folder changed since (see {@link #themeFiles}).
   */
  Optional<SiteRenderer> keptRenderer(Optional<Path> templates) {
    if (!keeps) {
      return Optional.empty();
    }
    List<Object> files = themeFiles(templates);
    boolean same = renderer.isPresent() && !files.isEmpty() && files.equals(themeFiles);
    themeFiles = files;
    if (!same) {
      renderer = Optional.empty();
      site = Optional.empty();
    }
    return renderer;
  }

  /** Keeps the renderer of the theme just loaded; forgets it when the theme failed. */
  void keepRenderer(Optional<SiteRenderer> loaded) {
    renderer = keeps ? loaded : Optional.empty();
    site = Optional.empty();
  }

  /** The site the last run began with this memory's renderer, whose cards may be reused. */
  Optional<SiteRenderer.Site> site() {
    return site;
  }

  void site(SiteRenderer.Site begun) {
    site = keeps ? Optional.of(begun) : Optional.empty();
  }

  /**
   * Each file in the theme folder with its stamp (size, modification and change times, inode: the
   * loader's {@link CharterLoader.Stamp}, so a rewrite with its time set back is seen); empty when
   * any may have changed unseen (not settled, see {@link CharterLoader.Stamp#settled}, or not a
   * regular file, or unreadable), and a list with one element for the built-in theme alone.
   */
  private static List<Object> themeFiles(Optional<Path> templates) {
    if (templates.isEmpty()) {
      return List.of("built-in");
    }
    long now = System.currentTimeMillis();
    List<Object> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(templates.get())) {
      for (Path file : walk.sorted().toList()) {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          continue; // a folder's files are listed themselves
        }
        Optional<CharterLoader.Stamp> stamp = CharterLoader.Stamp.of(file);
        if (stamp.isEmpty() || !stamp.get().settled(now)) {
          return List.of();
        }
        files.add(List.of(file.toString(), stamp.get()));
      }
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
    return files;
  }

  @Override
  public String toString() {
    return "Memory[" + (keeps ? steps.keySet() : "keeps nothing") + "]";
  }
}
