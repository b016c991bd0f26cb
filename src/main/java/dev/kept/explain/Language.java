package dev.kept.explain;

import dev.kept.model.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The words of one language: sentence patterns with {@code {name}} placeholders, month names and
 * number symbols, read from {@code dev/kept/explain/<code>.properties} (UTF-8).
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class Language {
  private final String code;
  private final Properties words;
  /** Each key's words read once for their placeholders. */
  private final java.util.concurrent.ConcurrentHashMap<String, Placeholders> parsed = new java.util.concurrent.ConcurrentHashMap<>();

  private Language(String code, Properties words) {
    this.code = code;
    this.words = words;
  }

  /**
   * Loads a language.
   *
   * @throws IllegalArgumentException when Kept has no words for it
   */
  public static Language load(String code) {
    Objects.requireNonNull(code, "code");
    if (!code.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException("not a language code: " + code);
    }
    String resource = code + ".properties";
    try (InputStream in = Language.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("Kept has no words for the language '" + code + "'");
      }
      Properties words = new Properties();
      words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Language(code, words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String code() {
    return code;
  }

  /** The raw text for a key. */
  public String get(String key) {
    String value = words.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("the " + code + " words have no '" + key + "'");
    }
    return value;
  }

  /**
   * The text for a key with each {@code {name}} replaced by its value, by the one rule of {@link
   * Placeholders}.
   *
   * @throws IllegalStateException when the words have no such key, or a placeholder no value
   */
  public String format(String key, Map<String, String> values) {
    Placeholders pattern = parsed.get(key); // no capturing lambda: this runs for every sentence
    if (pattern == null) {
      pattern = Placeholders.of(get(key));
      parsed.putIfAbsent(key, pattern);
    }
    try {
      return pattern.fill(values);
    } catch (Placeholders.MissingValue e) {
      throw new IllegalStateException("'" + key + "' needs a value for {" + e.name() + "}", e);
    }
  }
}
