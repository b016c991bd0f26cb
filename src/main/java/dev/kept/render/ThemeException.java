package dev.kept.render;

import dev.kept.model.Finding;
import java.util.List;

/** A theme's templates are broken or unsafe; the findings say where and why. */
public final class ThemeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  public ThemeException(List<Finding> findings) {
    super(findings.isEmpty() ? "theme error" : findings.get(0).headline());
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
