package dev.kept.load;

import dev.kept.model.Findings;
import java.util.Optional;

/** Test access to the load stage's package-private readers, for the fuzz tests in other packages. */
public final class LoadAccess {
  private LoadAccess() {}

  /** Decodes {@code bytes} as Kept decodes a file (strict UTF-8, no NUL), then reads it as CSV. */
  public static Optional<CsvTable> csv(byte[] bytes, String file, Findings findings) {
    return Text.decode(bytes, file, findings)
        .flatMap(text -> new CsvReader(Limits.DEFAULT).read(text, file, findings));
  }

  /** Reads {@code text} as YAML, as Kept reads a promise file. */
  public static Optional<YNode> yaml(String text, String file, Findings findings) {
    return new YamlReader(Limits.DEFAULT).read(text, file, findings);
  }

  /** Decodes {@code bytes} as Kept decodes a file (strict UTF-8, no NUL), then reads it as YAML. */
  public static Optional<YNode> yaml(byte[] bytes, String file, Findings findings) {
    return Text.decode(bytes, file, findings).flatMap(text -> yaml(text, file, findings));
  }
}
