package dev.kept.render;

import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.Placeholders;
import dev.kept.model.SourcePos;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A theme's words ({@code i18n/<language>.properties}): read with the built-in ones beneath the
 * theme folder's, and checked so that a word the folder overrides uses only the placeholders Kept
 * fills in it. Split out of {@link Theme}, which loads and bounds the templates.
 */
final class ThemeWords {
  private ThemeWords() {}

  /** The words for a language: built-in, then the theme folder's, which win key by key. */
  static TreeMap<String, String> read(Optional<Path> folder, String language) {
    Properties words = new Properties();
    String name = "i18n/" + language + ".properties";
    try (InputStream in = Theme.class.getResourceAsStream(Theme.BUILT_IN + "/" + name)) {
      if (in != null) {
        words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      if (folder.isPresent() && Files.isRegularFile(folder.get().resolve(name))) {
        try (InputStream own = Files.newInputStream(folder.get().resolve(name))) {
          words.load(new InputStreamReader(own, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TreeMap<String, String> map = new TreeMap<>();
    words.forEach((k, v) -> map.put(k.toString(), v.toString()));
    return map;
  }

  /**
   * The placeholders a theme folder's words use that Kept does not fill: for each key of each
   * {@code i18n/*.properties} that the built-in English words also have, every {@code {name}} must
   * be one of the built-in word's, since every placeholder needs a value. Keys of the theme's own
   * are its own templates' business. Each problem is at the key's line and the placeholder's column.
   */
  static List<Finding> problems(Path folder) {
    Path i18n = folder.resolve("i18n");
    if (!Files.isDirectory(i18n, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    Properties builtIn = new Properties();
    try (InputStream in = Theme.class.getResourceAsStream(Theme.BUILT_IN + "/i18n/en.properties")) {
      builtIn.load(new InputStreamReader(Objects.requireNonNull(in, "the built-in words"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Findings findings = new Findings();
    List<Path> files;
    try (Stream<Path> list = Files.list(i18n)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".properties") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // the words are read again to render, where a file that cannot be read fails
    }
    for (Path file : files) {
      String text;
      Properties own = new Properties();
      try {
        text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        own.load(new StringReader(text));
      } catch (IOException | IllegalArgumentException e) {
        continue;
      }
      List<String> lines = text.lines().toList();
      for (String key : new TreeSet<>(own.stringPropertyNames())) {
        String theirs = builtIn.getProperty(key);
        if (theirs == null) {
          continue;
        }
        List<String> filled = Placeholders.of(theirs).names().stream().distinct().toList();
        for (String name : new LinkedHashSet<>(Placeholders.of(own.getProperty(key)).names())) {
          if (filled.contains(name)) {
            continue;
          }
          findings.error(
              wordPos(file, lines, key, name),
              "the word " + key + " has {" + name + "}, which Kept does not fill in it",
              filled.isEmpty()
                  ? "Kept gives " + key + " no values: take {" + name + "} out."
                  : "Kept fills " + filled.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "))
                      + " in " + key + ": check the spelling, or take {" + name + "} out.");
        }
      }
    }
    return findings.all();
  }

  /** Where a key's placeholder is in a words file: the key's line, the placeholder's column. */
  private static SourcePos wordPos(Path file, List<String> lines, String key, String name) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      if (line.startsWith(key) && (line.length() == key.length() || "=: \t".indexOf(line.charAt(key.length())) >= 0)) {
        int at = lines.get(i).indexOf("{" + name + "}");
        return new SourcePos(file.toString(), i + 1, at < 0 ? 1 : at + 1);
      }
    }
    return SourcePos.file(file.toString());
  }
}
