package dev.kept.model;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A charter's charter-wide settings: every field of {@link Charter} but its promises, which is
 * what measuring and explaining one promise may read. Compared by value; the exclusion warning is
 * kept with its text as well, because {@code 0.5%} and {@code 0.50%} are equal shares that the
 * words show as written.
 */
public record Settings(
    String organisation,
    String title,
    String language,
    Optional<URI> baseUrl,
    PeriodKind periodKind,
    int yearStarts,
    int minimumCases,
    Share exclusionWarning,
    String exclusionWarningWritten,
    int headlinePeriods,
    LocalDate published,
    Optional<LocalDate> nextUpdate,
    Optional<URI> contact,
    boolean nextUpdateOverdue) {
  public Settings {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(periodKind, "periodKind");
    Objects.requireNonNull(exclusionWarning, "exclusionWarning");
    Objects.requireNonNull(exclusionWarningWritten, "exclusionWarningWritten");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    Objects.requireNonNull(contact, "contact");
  }

  /** The settings of {@code charter}. */
  public static Settings of(Charter charter) {
    return new Settings(
        charter.organisation(), charter.title(), charter.language(), charter.baseUrl(),
        charter.periodKind(), charter.yearStarts(), charter.minimumCases(), charter.exclusionWarning(),
        charter.exclusionWarning().written(), charter.headlinePeriods(), charter.published(),
        charter.nextUpdate(), charter.contact(), charter.nextUpdateOverdue());
  }
}
