package dev.kept.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The JSON Schemas for a charter's YAML files, as packed in Kept's jar: the editor help a charter
 * repository names in each file ({@code # yaml-language-server: $schema=...}).
 *
 * <pre>{@code
 * String promise = Schemas.read("promise"); // the text of promise.schema.json
 * }</pre>
 *
 * <p>The jar's copies are the files in the repository's {@code schema/} folder (the build copies
 * them); {@code SchemaAgreementTest} holds them to what {@code kept check} accepts.
 */
public final class Schemas {
  /** The schemas there are: {@code charter} (charter.yaml) and {@code promise} (promises/*.yaml). */
  public static final List<String> NAMES = List.of("charter", "promise");

  private Schemas() {}

  /** The file name of a schema: {@code promise} gives {@code promise.schema.json}. */
  public static String fileName(String name) {
    requireKnown(name);
    return name + ".schema.json";
  }

  /**
   * The text of a schema, UTF-8 JSON.
   *
   * @param name one of {@link #NAMES}
   * @throws IllegalArgumentException for any other name
   */
  public static String read(String name) {
    String resource = "/dev/kept/schema/" + fileName(name);
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + resource + ": it was built without its schemas");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireKnown(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no schema '" + name + "'; there are: " + String.join(", ", NAMES));
    }
  }
}
