package dev.kept.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a whole charter, declared inline as one text block, into a folder (after Hugo's
 * integration tests):
 *
 * <pre>
 * -- charter.yaml --
 * organisation: Test Water
 * -- figures/calls.csv (crlf) --
 * period,cases,kept,excluded,note
 * </pre>
 *
 * <p>A section name may carry options in brackets: {@code crlf} (line ends become CRLF), {@code bom}
 * (a UTF-8 byte-order mark first), {@code bytes} ({@code \xNN} escapes become raw bytes) and {@code
 * delete} (remove the file from a base). A section named {@code expect} is not written; it is kept
 * for the test to read.
 */
public final class CharterFixture {
  private static final Pattern HEADER = Pattern.compile("^-- (.+?)(?: \\(([a-z, ]+)\\))? --$", Pattern.MULTILINE);

  /** A section: its file, its options and its text. */
  public record Section(String path, String options, String text) {}

  private final Map<String, Section> sections;

  private CharterFixture(Map<String, Section> sections) {
    this.sections = sections;
  }

  /** Parses the text block. */
  public static CharterFixture of(String text) {
    Map<String, Section> sections = new LinkedHashMap<>();
    Matcher m = HEADER.matcher(text);
    String path = null;
    String options = "";
    int start = 0;
    while (m.find()) {
      if (path != null) {
        sections.put(path, new Section(path, options, text.substring(start, m.start())));
      }
      path = m.group(1);
      options = m.group(2) == null ? "" : m.group(2);
      start = m.end() + 1;
    }
    if (path != null) {
      sections.put(path, new Section(path, options, start <= text.length() ? text.substring(Math.min(start, text.length())) : ""));
    }
    return new CharterFixture(sections);
  }

  /** This fixture with {@code overlay}'s sections added or replacing (or deleting) ours. */
  public CharterFixture with(CharterFixture overlay) {
    Map<String, Section> merged = new LinkedHashMap<>(sections);
    for (Section s : overlay.sections.values()) {
      if (s.options().contains("delete")) {
        merged.remove(s.path());
      } else {
        merged.put(s.path(), s);
      }
    }
    return new CharterFixture(merged);
  }

  /** This fixture with one more (or a replaced) file. */
  public CharterFixture with(String path, String text) {
    Map<String, Section> merged = new LinkedHashMap<>(sections);
    merged.put(path, new Section(path, "", text));
    return new CharterFixture(merged);
  }

  /** This fixture without one of its files. */
  public CharterFixture without(String path) {
    Map<String, Section> merged = new LinkedHashMap<>(sections);
    merged.remove(path);
    return new CharterFixture(merged);
  }

  /** The text of a section, such as {@code expect}; empty string when absent. */
  public String section(String name) {
    Section s = sections.get(name);
    return s == null ? "" : s.text();
  }

  /** Writes every file section into {@code dir} and returns it. */
  public Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Section s : sections.values()) {
        if (s.path().equals("expect") || s.path().startsWith("expect-")) {
          continue;
        }
        Path file = dir.resolve(s.path());
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(s));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Section s) {
    String text = s.text();
    if (s.options().contains("crlf")) {
      text = text.replace("\n", "\r\n");
    }
    byte[] body;
    if (s.options().contains("bytes")) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < text.length(); i++) {
        if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
          out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
          i += 3;
        } else {
          byte[] b = String.valueOf(text.charAt(i)).getBytes(StandardCharsets.UTF_8);
          out.write(b, 0, b.length);
        }
      }
      body = out.toByteArray();
    } else {
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    if (s.options().contains("bom")) {
      byte[] withBom = new byte[body.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(body, 0, withBom, 3, body.length);
      return withBom;
    }
    return body;
  }
}
