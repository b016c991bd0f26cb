package dev.kept.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a promise's remedy is named in a sentence, and whether the customer must claim it: the
 * promise's {@code remedy_brief} and {@code remedy_automatic}. Both are absent for {@code remedy:
 * none}.
 *
 * @param brief the remedy in a few words, as it reads after "We owed": "a £30 credit"; plain text
 * @param automatic true when the remedy is given without the customer asking ({@code yes}), false
 *     when the customer has to claim it ({@code no}); empty when the charter does not say
 */
public record RemedyTerms(Optional<String> brief, Optional<Boolean> automatic) {
  /** No brief, and not said whether it is automatic. */
  public static final RemedyTerms NONE = new RemedyTerms(Optional.empty(), Optional.empty());

  public RemedyTerms {
    Objects.requireNonNull(brief, "brief");
    Objects.requireNonNull(automatic, "automatic");
  }
}
