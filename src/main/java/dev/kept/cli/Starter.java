package dev.kept.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the files {@code kept new} writes: templates in the jar under
 * {@code dev/kept/cli/starter/}, with {@code @{name}} where a value goes.
 */
final class Starter {
  private static final Pattern SLOT = Pattern.compile("@\\{([a-z_]+)}");

  private Starter() {}

  /**
   * The template {@code name}, every slot filled.
   *
   * @throws IllegalStateException when the template is missing, a slot has no value, or a value
   *     is given for no slot (a bug in Kept: the template and its caller disagree)
   */
  static String fill(String name, Map<String, String> values) {
    String template = resource("/dev/kept/cli/starter/" + name);
    Set<String> used = new HashSet<>();
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("the template " + name + " has @{" + m.group(1) + "}, which was given no value");
      }
      used.add(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (!used.equals(values.keySet())) {
      Set<String> unused = new HashSet<>(values.keySet());
      unused.removeAll(used);
      throw new IllegalStateException("the template " + name + " has no slot for " + unused);
    }
    return out.toString();
  }

  /** A file packed in Kept's jar, as text. */
  static String resource(String path) {
    try (InputStream in = Starter.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from Kept's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first line that names {@code schema} (such as {@code promise.schema.json}) for an editor,
   * as a path relative to {@code folder}, the folder of the file that line starts: the nearest
   * {@code schema/<schema>} in the charter folder or a folder above it. Empty when there is none,
   * so a file never names a schema that is not there.
   */
  static Optional<String> schemaLine(Path charter, Path folder, String schema) {
    Path from = folder.toAbsolutePath().normalize();
    for (Path dir = charter.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("schema").resolve(schema);
      if (java.nio.file.Files.isRegularFile(candidate)) {
        String relative = from.relativize(candidate).toString().replace('\\', '/');
        return Optional.of("# yaml-language-server: $schema=" + relative + "\n");
      }
    }
    return Optional.empty();
  }
}
