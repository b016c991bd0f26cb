package dev.kept.validate;

import dev.kept.model.PeriodKind;
import java.time.LocalDate;

/** The charter-wide settings that checking a promise and its figures depends on. */
record Settings(
    PeriodKind kind, int yearStarts, LocalDate published, LocalDate buildDate, Lint.Config lint) {
  static Settings defaults(LocalDate buildDate) {
    return new Settings(PeriodKind.MONTH, 1, buildDate, buildDate, Lint.Config.defaults());
  }
}
