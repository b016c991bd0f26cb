package dev.kept.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Who keeps a promise and where it is published, for charters with many owners (a whole government,
 * a group of companies).
 *
 * @param owner who keeps the promise, such as a department; empty when the charter does not say
 * @param group the heading the promise is filed under on the site; empty for none
 * @param promiseUrl where the organisation publishes the promise itself; empty for none
 * @param resultsUrl where the organisation publishes its own results; empty for none
 */
public record About(
    Optional<String> owner, Optional<String> group, Optional<URI> promiseUrl, Optional<URI> resultsUrl) {
  public About {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(promiseUrl, "promiseUrl");
    Objects.requireNonNull(resultsUrl, "resultsUrl");
  }

  /** Nothing said. */
  public static About none() {
    return new About(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
