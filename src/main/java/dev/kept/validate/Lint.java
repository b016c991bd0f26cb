package dev.kept.validate;

import dev.kept.load.YNode.YScalar;
import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-language lint: warnings (errors with {@code --strict}) on the words customers read, each
 * at its line and column with a suggestion. It reads a promise's {@code promise}, {@code
 * kept_when}, {@code not_covered} and {@code remedy}.
 *
 * <p>Rules, each of which a charter can turn off in {@code lint.off}:
 *
 * <ul>
 *   <li>{@code hedging}: words that empty a promise ("up to", "where possible", "may", ...);
 *       {@code lint.hedging} adds words.
 *   <li>{@code vague-time}: "soon", "quickly"; {@code lint.vague_time} adds words.
 *   <li>{@code long-sentence}: sentences over {@code lint.max_sentence_words} words (25).
 *   <li>{@code double-negative}: "not unlike", "never fails to", ...
 *   <li>{@code reading-grade}: a Flesch-Kincaid grade above {@code lint.max_grade} (9).
 *   <li>{@code kept-when-number}: a {@code kept_when} with no number in it.
 *   <li>{@code remedy-empty}: a remedy with no words in it ("-", "TBD").
 * </ul>
 */
final class Lint {
  static final List<String> RULES =
      List.of(
          "hedging", "vague-time", "long-sentence", "double-negative", "reading-grade",
          "kept-when-number", "remedy-empty");
  static final List<String> HEDGING =
      List.of(
          "up to", "where possible", "wherever possible", "aim to", "aims to", "endeavour",
          "endeavor", "usually", "normally", "may", "reasonable", "reasonably", "promptly",
          "as soon as possible", "try to", "strive to", "where practicable");
  static final List<String> VAGUE_TIME = List.of("soon", "quickly", "shortly", "in due course");

  private static final Pattern DOUBLE_NEGATIVE =
      Pattern.compile(
          "\\b(?:not\\s+un(?:like|likely|common|usual|reasonable|reasonably|able|known|important|helpful|"
              + "true|fair|necessary|heard)|not\\s+in(?:frequent|correct|considerable|significant|valid)|"
              + "not\\s+impossible|not\\s+without|never\\s+fails?\\s+to|"
              + "(?:not|never|no)\\s+\\w+\\s+(?:nothing|never|none|nobody))\\b",
          Pattern.CASE_INSENSITIVE);
  /** Uses of hedging words that are not hedging: a month, a right given to the customer, a phrase. */
  private static final Pattern NOT_HEDGING =
      Pattern.compile("(?<=[^.!?\\s]\\s)May\\b|(?i:\\byou\\s+may)|(?i:\\bup\\s+to\\s+date)|(?i:\\bfrom\\s+may)");
  private static final Pattern NUMBER =
      Pattern.compile(
          "\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
              + "forty|fifty|hundred|same day|next day|day agreed|agreed day|agreed time|"
              + "slot|appointment|every|all|each)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A charter's lint settings. */
  record Config(
      Set<String> off,
      List<String> hedging,
      List<String> vagueTime,
      int maxSentenceWords,
      double maxGrade,
      List<String> allow) {
    static Config defaults() {
      return new Config(Set.of(), HEDGING, VAGUE_TIME, 25, 9.0, List.of());
    }

    boolean on(String rule) {
      return !off.contains(rule);
    }
  }

  private final Config config;
  private final Findings findings;

  Lint(Config config, Findings findings) {
    this.config = config;
    this.findings = findings;
  }

  /** Lints the text a customer reads in one field. */
  void text(YScalar scalar, String field) {
    String plain = readable(scalar.text());
    if (!field.equals("not_covered")) {
      hedging(scalar, plain, field);
    }
    sentences(scalar, plain, field);
  }

  private void hedging(YScalar scalar, String plain, String field) {
    java.util.BitSet covered = new java.util.BitSet();
    if (config.on("hedging")) {
      words(scalar, plain, config.hedging(), "hedging", field,
          "says '%s', which lets the promise off: say what you will do, with its number", covered);
    }
    if (config.on("vague-time")) {
      words(scalar, plain, config.vagueTime(), "vague-time", field,
          "says '%s', which is not a time: say how long, such as 'within 2 working days'", covered);
    }
  }

  /** The rules that read sentences, for every field. */
  private void sentences(YScalar scalar, String plain, String field) {
    if (config.on("double-negative")) {
      Matcher m = DOUBLE_NEGATIVE.matcher(plain);
      while (m.find()) {
        warn(scalar, plain, m.start(), "double-negative",
            "'" + field + "' says '" + m.group() + "', a double negative",
            "Say it the positive way: 'like' for 'not unlike', 'always' for 'never fails to'.");
      }
    }
    if (config.on("long-sentence")) {
      for (int[] sentence : sentences(plain)) {
        String s = plain.substring(sentence[0], sentence[1]);
        int words = wordCount(s);
        if (words > config.maxSentenceWords()) {
          warn(scalar, plain, sentence[0], "long-sentence",
              "a sentence in '" + field + "' has " + words + " words, more than " + config.maxSentenceWords(),
              "Split it in two, with the main point first.");
        }
      }
    }
    // One short sentence gives a noisy grade: judge only text long enough to judge.
    if (config.on("reading-grade") && wordCount(plain) >= 40 && sentences(plain).size() >= 3) {
      double grade = grade(plain);
      if (grade > config.maxGrade()) {
        warn(scalar, plain, 0, "reading-grade",
            String.format(Locale.ROOT, "'%s' reads at school grade %.1f, above %s", field, grade, trim(config.maxGrade())),
            "Use shorter sentences and everyday words; most readers should follow it at grade 9.");
      }
    }
  }

  /** A kept_when says, with its number, what counts as kept. */
  void keptWhen(YScalar scalar) {
    text(scalar, "kept_when");
    if (config.on("kept-when-number") && !NUMBER.matcher(scalar.text()).find()) {
      warn(scalar, scalar.text(), 0, "kept-when-number",
          "'kept_when' has no number in it",
          "Say what counts as kept with its measure: 'within 2 minutes', 'on the day agreed'.");
    }
  }

  /** A remedy says what the customer gets. */
  void remedy(YScalar scalar) {
    if (config.on("remedy-empty") && (!scalar.text().matches("(?s).*\\p{L}{2,}.*") || scalar.text().strip().matches("(?i)tbd|tbc|todo|n/?a"))) {
      warn(scalar, scalar.text(), 0, "remedy-empty",
          "'remedy' says nothing a customer can use",
          "Say what the customer gets when the promise is broken, or write 'remedy: none'.");
      return;
    }
    text(scalar, "remedy");
  }

  /**
   * The words a reader sees, at the same offsets: Markdown emphasis, raw tags and link addresses
   * are blanked out, so positions still point into the file.
   */
  private static String readable(String text) {
    StringBuilder out = new StringBuilder(text);
    Matcher m = Pattern.compile("<[^>\\n]*>|\\]\\([^)\\n]*\\)|[*_`\\[]").matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  private void words(
      YScalar scalar, String text, List<String> list, String rule, String field, String message,
      java.util.BitSet covered) {
    for (String word : list) {
      Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text);
      while (m.find()) {
        if (covered.get(m.start(), m.end()).cardinality() > 0) {
          continue; // part of a longer phrase already reported ("as soon as possible")
        }
        if (rule.equals("hedging") && notHedging(text, m.start())) {
          continue;
        }
        int at = m.start();
        if (config.allow().stream().anyMatch(a -> text.regionMatches(true, at, a, 0, a.length()))) {
          continue;
        }
        covered.set(m.start(), m.end());
        warn(scalar, text, m.start(), rule,
            "'" + field + "' " + String.format(Locale.ROOT, message, m.group()),
            "Make it a promise you can be measured on. If the words are right here, add them to"
                + " 'lint.allow' in charter.yaml.");
      }
    }
  }

  private void warn(YScalar scalar, String text, int offset, String rule, String message, String hint) {
    warn(scalar, offset, 1, rule, message, hint);
  }

  private void warn(YScalar scalar, int offset, int length, String rule, String message, String hint) {
    int end = Math.min(scalar.text().length(), offset + Math.max(1, length));
    while (end < scalar.text().length() && Character.isLetterOrDigit(scalar.text().charAt(end))) {
      end++;
    }
    SourcePos pos = scalar.locate(offset, end - offset);
    findings.add(new Finding(dev.kept.model.Severity.WARNING, pos, message, Optional.of(hint), Optional.of("lint:" + rule)));
  }

  private static boolean notHedging(String text, int at) {
    Matcher m = NOT_HEDGING.matcher(text);
    while (m.find()) {
      if (m.start() <= at && at < m.end()) {
        return true;
      }
    }
    return false;
  }

  /** Sentences, across line breaks; a blank line or a list item starts a new one. */
  private static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?s)(?:(?!\\n\\s*\\n|\\n\\s*[-*]\\s)[^.!?])+(?:[.!?]+|$)").matcher(text);
    while (m.find()) {
      if (!m.group().isBlank()) {
        int start = m.start();
        while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        out.add(new int[] {start, m.end()});
      }
    }
    return out;
  }

  private static int wordCount(String s) {
    Matcher m = Pattern.compile("[\\p{L}\\d][\\p{L}\\d'’-]*").matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word − 15.59. */
  static double grade(String text) {
    int sentences = Math.max(1, sentences(text).size());
    Matcher m = Pattern.compile("[\\p{L}][\\p{L}'’]*").matcher(text);
    int words = 0;
    int syllables = 0;
    while (m.find()) {
      words++;
      syllables += syllables(m.group());
    }
    if (words == 0) {
      return 0;
    }
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
  }

  /** An estimate of a word's syllables: groups of vowels, less a silent final e. */
  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.length() <= 3) {
      return 1;
    }
    w = w.replaceAll("(?:[^laeiouy]es|ed|[^laeiouy]e)$", "").replaceAll("^y", "");
    Matcher m = Pattern.compile("[aeiouy]{1,2}").matcher(w);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return Math.max(1, n);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
