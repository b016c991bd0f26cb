package dev.kept.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The counts for one promise over one or more periods.
 *
 * @param kept {@code k}: cases kept
 * @param cases {@code n}: cases counted, after exclusions
 * @param excludedByReason {@code x} split by reason code, in the promise's declared order
 * @param excluded {@code x}: every excluded case, whatever its reason; the sum of {@code
 *     excludedByReason}, kept with it because it is read for every period many times over
 */
public record Counts(long kept, long cases, Map<String, Long> excludedByReason, long excluded) {
  /** Counts with {@code x} summed from its reasons. */
  public Counts(long kept, long cases, Map<String, Long> excludedByReason) {
    this(kept, cases, excludedByReason, sum(excludedByReason));
  }

  public Counts {
    Objects.requireNonNull(excludedByReason, "excludedByReason");
    if (kept < 0 || cases < 0 || kept > cases) {
      throw new IllegalArgumentException("counts need 0 <= kept <= cases (H1): " + kept + "/" + cases);
    }
    // A charter holds one of these per period: most have one reason or none, kept in the compact
    // immutable maps; several reasons keep their declared order.
    excludedByReason =
        switch (excludedByReason.size()) {
          case 0 -> Map.of();
          case 1 -> {
            Map.Entry<String, Long> only = excludedByReason.entrySet().iterator().next();
            yield Map.of(only.getKey(), only.getValue());
          }
          default -> Collections.unmodifiableMap(new LinkedHashMap<>(excludedByReason));
        };
    if (excluded != sum(excludedByReason)) {
      throw new IllegalArgumentException("excluded is the sum of the excluded by reason");
    }
  }

  private static long sum(Map<String, Long> excludedByReason) {
    long x = 0;
    // By entries, not values(): a map keeps the view values() makes, 16 bytes for each of a
    // charter's million rows.
    for (Map.Entry<String, Long> e : excludedByReason.entrySet()) {
      long n = e.getValue();
      if (n < 0) {
        throw new IllegalArgumentException("excluded counts are not negative (H1)");
      }
      x = Math.addExact(x, n);
    }
    return x;
  }

  public static Counts of(long kept, long cases) {
    return new Counts(kept, cases, Map.of());
  }

  /** Pools two sets of counts by adding them (H3: pool counts, never average rates). */
  public Counts plus(Counts other) {
    Map<String, Long> reasons = new LinkedHashMap<>(excludedByReason);
    other.excludedByReason.forEach((code, x) -> reasons.merge(code, x, Long::sum));
    return new Counts(
        Math.addExact(kept, other.kept), Math.addExact(cases, other.cases), reasons);
  }
}
