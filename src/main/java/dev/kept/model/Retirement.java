package dev.kept.model;

import java.time.LocalDate;
import java.util.Objects;

/** When and why a promise was retired (H16). */
public record Retirement(LocalDate on, String reason) {
  public Retirement {
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(reason, "reason");
  }
}
