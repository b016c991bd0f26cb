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
 * <p>Every slug Kept makes is made here, from {@link #hyphenate}: a group's folder ({@link #slug},
 * {@link #uniqueSlug}), the id suggested for a name ({@link #suggest}), the importer's ids ({@link
 * #hyphenateTrimmed}) and the feed's tag host ({@link #hyphenate}).
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

  /** A run of characters a slug has no room for; each becomes one hyphen. */
  private static final Pattern RUN = Pattern.compile("[^a-z0-9]+");

  /** Hyphens at the start or end of a slug. */
  private static final Pattern ENDS = Pattern.compile("^-+|-+$");

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

  /**
   * The core of every slug Kept makes: {@code text} in lower case (by {@link Locale#ROOT}, so a
   * Turkish machine makes the same slug), each run of characters other than {@code a-z} and {@code
   * 0-9} made one hyphen, with a hyphen kept at either end ({@code "Acme, Inc."} gives {@code
   * acme-inc-}). Accents are not dropped here: {@code é} becomes a hyphen.
   *
   * <p>Used as it is for the feed's tag host ({@code <organisation>.kept.invalid}), whose ids must
   * not change from one release to the next.
   */
  public static String hyphenate(String text) {
    return RUN.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  /**
   * {@link #hyphenate} without the hyphens at the ends: {@code "Acme, Inc."} gives {@code
   * acme-inc}, {@code "--"} gives the empty string. The importer's ids are made so.
   */
  public static String hyphenateTrimmed(String text) {
    return ENDS.matcher(hyphenate(text)).replaceAll("");
  }

  /**
   * The {@link #slug} of {@code name}, made unique among {@code taken} by {@code -2}, {@code -3},
   * ... in the order names are given, and added to {@code taken}: two groups "Calls" and "calls"
   * get {@code calls} and {@code calls-2}.
   */
  public static String uniqueSlug(String name, Set<String> taken) {
    String base = slug(name);
    String slug = base;
    for (int i = 2; !taken.add(slug); i++) {
      slug = base + "-" + i;
    }
    return slug;
  }

  private static String simplify(String name, int max) {
    String s =
        hyphenateTrimmed(Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
    if (s.length() > max) {
      s = s.substring(0, max).replaceAll("-+$", "");
    }
    return s;
  }
}
