package dev.kept.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one language: sentence patterns with {@code {name}} placeholders, month names and
 * number symbols, read from {@code dev/kept/explain/<code>.properties} (UTF-8).
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class Language {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

  private final String code;
  private final Properties words;
  /** Each pattern split once into text and placeholder names (odd places are names). */
  private final java.util.concurrent.ConcurrentHashMap<String, String[]> parsed = new java.util.concurrent.ConcurrentHashMap<>();

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

  /** The text for a key with each {@code {name}} replaced by its value. */
  public String format(String key, Map<String, String> values) {
    String[] parts = parsed.get(key); // no capturing lambda: this runs for every sentence
    if (parts == null) {
      parts = split(get(key));
      parsed.putIfAbsent(key, parts);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 0) {
        out.append(parts[i]);
      } else {
        String value = values.get(parts[i]);
        if (value == null) {
          throw new IllegalStateException("'" + key + "' needs a value for {" + parts[i] + "}");
        }
        out.append(value);
      }
    }
    return out.toString();
  }

  private static String[] split(String pattern) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    int last = 0;
    while (m.find()) {
      parts.add(pattern.substring(last, m.start()));
      parts.add(m.group(1));
      last = m.end();
    }
    parts.add(pattern.substring(last));
    return parts.toArray(new String[0]);
  }
}
