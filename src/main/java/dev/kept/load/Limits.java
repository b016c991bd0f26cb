package dev.kept.load;

/**
 * The largest charter Kept accepts by default. Inputs past these limits are refused with a clear
 * error rather than read: they protect the build machine from hostile or runaway files.
 *
 * @param maxYamlBytes the largest {@code charter.yaml} or promise file
 * @param maxCsvBytes the largest figures file
 * @param maxNesting how deep YAML collections may nest
 * @param maxAliases how many aliases to collections one YAML file may use
 * @param maxYamlNodes how many nodes one YAML file may expand to, counting each alias expansion
 * @param maxPromises how many promise files a charter may have
 * @param maxRows how many rows one figures file may have
 */
public record Limits(
    long maxYamlBytes,
    long maxCsvBytes,
    int maxNesting,
    int maxAliases,
    int maxYamlNodes,
    int maxPromises,
    int maxRows) {

  /**
   * How many characters of text (keys and values) one YAML file may expand to when each alias
   * ({@code *name}) counts the length of what it stands for: as many as the largest file could hold
   * written out in full, {@link #maxYamlBytes}. A file without aliases never reaches it; aliases
   * cannot make a file hold more than that (issue 11: 500 aliases to a 200 KB value built 205 MB).
   */
  public long maxExpandedText() {
    return maxYamlBytes;
  }

  /** The defaults, documented in the README. */
  public static final Limits DEFAULT =
      new Limits(1 << 20, 8 << 20, 16, 16, 50_000, 20_000, 10_000);
}
