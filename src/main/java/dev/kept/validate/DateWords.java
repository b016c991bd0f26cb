package dev.kept.validate;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message for a date Kept cannot read: a date of the right shape that is no day ("2026-11-31")
 * is told apart from one written some other way, so the message never says "write YYYY-MM-DD" to
 * someone who did.
 */
final class DateWords {
  private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  private DateWords() {}

  /** What is wrong with {@code text} as the date of {@code key}. */
  static String problem(String key, String text) {
    Matcher m = SHAPE.matcher(text);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12) {
        return "'" + key + "' is '" + text + "', which is not a day: there is no month " + month;
      }
      YearMonth ym = YearMonth.of(year, month);
      if (day < 1 || day > ym.lengthOfMonth()) {
        String name = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        return "'" + key + "' is '" + text + "', which is not a day: " + name + " " + year + " has "
            + ym.lengthOfMonth() + " days";
      }
    }
    return "'" + key + "' should be a date written YYYY-MM-DD, not '" + text + "'";
  }
}
