package dev.kept.site;

import dev.kept.Pipeline;
import dev.kept.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example charter built once per test class into a temporary folder. */
final class BuiltSite {
  private BuiltSite() {}

  static Path build(Path dir) {
    try {
      Path out = dir.resolve("site");
      Pipeline.Outcome outcome = Fixtures.pipeline(Fixtures.exampleCharter(), out).build();
      if (!outcome.published()) {
        throw new AssertionError("the example did not build: " + outcome.findings());
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every file with the extension, relative to the site root, sorted. */
  static List<Path> files(Path site, String extension) {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(p -> p.toString().endsWith(extension)).map(site::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
