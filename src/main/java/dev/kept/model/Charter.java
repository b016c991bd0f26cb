package dev.kept.model;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole charter, checked and typed: its settings and its promises in the charter's order (H14).
 *
 * <p>Drafts are checked but not kept here: a {@code Charter} holds only what may be published.
 *
 * @param minimumCases the floor of {@code n_min} (H8)
 * @param exclusionWarning the share of excluded cases above which a period is flagged (H12)
 * @param headlinePeriods how many of the latest complete periods the headline pools (H13)
 * @param published the publication date (H18)
 * @param contact where customers report a broken promise: an https URL or mailto
 * @param nextUpdateOverdue whether the day of the build is after the next update (H18): every
 *     page then says the update is late
 */
public record Charter(
    String organisation,
    String title,
    String language,
    Optional<URI> baseUrl,
    PeriodKind periodKind,
    int yearStarts,
    int minimumCases,
    Share exclusionWarning,
    int headlinePeriods,
    LocalDate published,
    Optional<LocalDate> nextUpdate,
    Optional<URI> contact,
    List<Promise> promises,
    boolean nextUpdateOverdue) {

  /** A charter whose next update, if any, is not late. */
  public Charter(
      String organisation,
      String title,
      String language,
      Optional<URI> baseUrl,
      PeriodKind periodKind,
      int yearStarts,
      int minimumCases,
      Share exclusionWarning,
      int headlinePeriods,
      LocalDate published,
      Optional<LocalDate> nextUpdate,
      Optional<URI> contact,
      List<Promise> promises) {
    this(organisation, title, language, baseUrl, periodKind, yearStarts, minimumCases,
        exclusionWarning, headlinePeriods, published, nextUpdate, contact, promises, false);
  }

  public Charter {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(periodKind, "periodKind");
    Objects.requireNonNull(exclusionWarning, "exclusionWarning");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(nextUpdate, "nextUpdate");
    Objects.requireNonNull(contact, "contact");
    promises = List.copyOf(promises);
    if (minimumCases < 1 || headlinePeriods < 1) {
      throw new IllegalArgumentException("minimumCases and headlinePeriods are at least 1");
    }
  }
}
