package dev.kept.model;

/**
 * How often a promise's remedy was owed and given in one or more periods: the customers owed it
 * because their case was not kept, and those of them who got it.
 *
 * <p>Every remedy owed answers a case missed, so a row's {@code owed} is at most its cases minus
 * its kept (H1, checked by {@link FigureRow}); here only {@code 0 <= given <= owed} is checked.
 *
 * @param owed remedies owed: customers who were due the remedy
 * @param given remedies given: those of them who received it
 */
public record Remedies(long owed, long given) {
  public Remedies {
    if (owed < 0 || given < 0 || given > owed) {
      throw new IllegalArgumentException(
          "remedies need 0 <= given <= owed (H1): " + given + " of " + owed);
    }
  }

  /** Pools two sets of remedy counts by adding them (H3: pool counts, never average rates). */
  public Remedies plus(Remedies other) {
    return new Remedies(Math.addExact(owed, other.owed), Math.addExact(given, other.given));
  }
}
