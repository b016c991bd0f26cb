package dev.kept.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for every name that becomes a file or folder: a promise id (and so the names of
 * {@code promises/<id>.yaml}, {@code figures/<id>.csv} and the page {@code promises/<id>/}), the id
 * {@code kept new promise} is given, and a group's folder {@code groups/<slug>/}.
 *
 * <p>A name is 1 to 64 lower-case letters a-z, digits and hyphens, starting with a letter or digit,
 * and is not one of the names Windows keeps for devices ({@code con}, {@code prn}, {@code aux},
 * {@code nul}, {@code com0}-{@code com9}, {@code lpt0}-{@code lpt9}): a site copied to a Windows
 * machine, or a charter checked out on one, could not hold such a file. The names have no dot, so
 * "reserved with an extension" ({@code con.txt}) cannot arise.
 *
 * <p>Stateless and thread-safe.
 */
public final class Names {
  /** What a name may look like; reserved names match it too, see {@link #isReserved}. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** The device names Windows refuses as file names, in any case and with any extension. */
  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul",
          "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
          "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private Names() {}

  /** Whether {@code name} is a valid id: it matches {@link #ID} and is not reserved. */
  public static boolean isValid(String name) {
    return ID.matcher(name).matches() && !isReserved(name);
  }

  /** Whether {@code name}, in any case, is a device name Windows keeps. */
  public static boolean isReserved(String name) {
    return RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * What is wrong with {@code name} as a promise id, in words that follow "'name' ", or empty when
   * it is valid: "is not a valid promise id" or "is a reserved file name on Windows".
   */
  public static Optional<String> problem(String name) {
    if (!ID.matcher(name).matches()) {
      return Optional.of("is not a valid promise id");
    }
    if (isReserved(name)) {
      return Optional.of("is a reserved file name on Windows");
    }
    return Optional.empty();
  }

  /**
   * A valid id close to {@code name}, to suggest: the name's letters and digits in lower case,
   * accents dropped (Unicode's canonical decomposition, as group slugs always were made, so no
   * published address changes), other runs of characters made one hyphen, cut to 64 characters, and
   * {@code -promise} added to a reserved name ({@code con} gives {@code con-promise}).
   */
  public static String suggest(String name) {
    String base = simplify(name, 64);
    if (base.isEmpty()) {
      return "answer-calls";
    }
    return isReserved(base) ? base + "-promise" : base;
  }

  /**
   * The folder name of a group called {@code name}, a valid name made the same way for the same
   * name on every build, so its address is stable: as {@link #suggest} but cut to 60 characters
   * (room for a {@code -2} when two groups make the same slug), {@code group} for a name with no
   * letter or digit, and {@code -group} added to a reserved one ({@code CON} gives {@code
   * con-group}, never the device name).
   */
  public static String slug(String name) {
    String base = simplify(name, 60);
    if (base.isEmpty()) {
      return "group";
    }
    return isReserved(base) ? base + "-group" : base;
  }

  private static String simplify(String name, int max) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > max) {
      s = s.substring(0, max).replaceAll("-+$", "");
    }
    return s;
  }
}
