package dev.kept.model;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Kept reads charter Markdown and the links in it, shared by the validate stage (which refuses
 * what is unsafe, at its place) and the render stage (which renders, and refuses it again as a
 * second wall): one Markdown parser, and one reading of a link's address, the browser's.
 *
 * <p>Thread-safe: static methods only; each {@link Parser} built here may be shared.
 */
public final class MarkdownSyntax {
  private MarkdownSyntax() {}

  /**
   * A flexmark parser with {@code options} whose inline parsing takes time linear in the length of a
   * paragraph. flexmark's own inline parser copies the whole paragraph on every regular-expression
   * match (through {@code Matcher.toMatchResult()}), so a paragraph of entities, links or backtick
   * runs took time quadratic in its length: 80 KB of backtick runs 15 seconds. This one answers the
   * same matches without the copy; it parses every text to the same tree.
   */
  public static Parser parser(DataHolder options) {
    Parser.Builder builder = Parser.builder(options).customInlineParserFactory(LinearInlineParser::new);
    if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(options)) {
      // flexmark adds the reader of "[id]: url" definitions only for its own inline parser.
      builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }
    return builder.build();
  }

  private static final Parser PLAIN = parser();

  /**
   * The first sentence of the Markdown's first paragraph, as plain text: emphasis, links and code
   * marks dropped, line breaks read as spaces. A sentence ends at {@code .}, {@code !} or {@code ?}
   * followed by a space and a capital letter, a digit or an opening quote or bracket; failing that,
   * the whole paragraph. Empty when the text has no paragraph. For a card's one line ("We answer
   * your call within 2 minutes.").
   */
  public static String firstSentence(String source) {
    String paragraph =
        read(
            source,
            text -> {
              com.vladsch.flexmark.util.ast.Node doc = PLAIN.parse(text);
              for (com.vladsch.flexmark.util.ast.Node n : doc.getDescendants()) {
                if (n instanceof com.vladsch.flexmark.ast.Paragraph) {
                  return new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(n);
                }
              }
              return "";
            });
    String plain = paragraph.replaceAll("\\s+", " ").strip();
    java.util.regex.Matcher end =
        java.util.regex.Pattern.compile("[.!?](?= [\\p{Lu}\\d\"'(\u2018\u201C])").matcher(plain);
    return end.find() ? plain.substring(0, end.end()) : plain;
  }

  /** A parser with flexmark's default options; see {@link #parser(DataHolder)}. */
  public static Parser parser() {
    return parser(new MutableDataSet());
  }

  /**
   * Texts longer than this are parsed and rendered on a thread of {@link #DEEP_STACK} bytes of
   * stack. flexmark matches some constructs with regular expressions whose every repetition is a
   * nested call (a thematic break, an HTML tag, a link title, an e-mail autolink): one such
   * construct of about 1,600 characters overflowed a thread's usual 1 MB stack, and 1,400 with the
   * JIT compiler off. Shorter texts, nearly all of them, stay on the caller's thread.
   */
  static final int SHALLOW_TEXT = 256;

  /** The stack of the threads that read long texts: 64 MB, enough for about 100,000 characters. */
  static final long DEEP_STACK = 64L << 20;

  private static final java.util.concurrent.ExecutorService DEEP =
      java.util.concurrent.Executors.newCachedThreadPool(
          task -> {
            Thread t = new Thread(null, task, "kept-markdown", DEEP_STACK);
            t.setDaemon(true);
            return t;
          });

  /**
   * The result of {@code work} on {@code text}: run here when the text is short, else on a thread
   * with a deep stack (see {@link #SHALLOW_TEXT}), waiting for it. What {@code work} throws is
   * thrown here.
   */
  public static <T> T read(String text, java.util.function.Function<String, T> work) {
    if (text.length() <= SHALLOW_TEXT) {
      return work.apply(text);
    }
    java.util.concurrent.Future<T> result = DEEP.submit(() -> work.apply(text));
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** flexmark's inline parser with the two matching methods that copied the paragraph replaced. */
  private static final class LinearInlineParser extends CommonmarkInlineParser {
    LinearInlineParser(
        DataHolder options,
        BitSet specialCharacters,
        BitSet delimiterCharacters,
        Map<Character, DelimiterProcessor> delimiterProcessors,
        LinkRefProcessorData linkRefProcessors,
        List<InlineParserExtensionFactory> inlineParserExtensions) {
      super(
          options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
          inlineParserExtensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
      Matcher m = find(re);
      return m == null ? null : input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
      Matcher m = find(re);
      if (m == null) {
        return null;
      }
      BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
      for (int i = 0; i < groups.length; i++) {
        groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
      }
      return groups;
    }

    /** As flexmark's own: a match from the current index, which then moves past it. */
    private Matcher find(Pattern re) {
      if (index >= input.length()) {
        return null;
      }
      Matcher m = re.matcher(input);
      m.region(index, input.length());
      if (!m.find()) {
        return null;
      }
      index = m.end();
      return m;
    }
  }

  /**
   * A link's address as a browser's URL parser reads it (the WHATWG URL standard's first steps):
   * leading and trailing C0 control characters and spaces removed, and every tab, line feed and
   * carriage return removed wherever it is. Character references must already be decoded: pass
   * an attribute's value as an HTML parser gives it. {@code "/\t/evil.example"} reads as {@code
   * "//evil.example"}, another site.
   */
  public static String asBrowserReads(String href) {
    int from = 0;
    int to = href.length();
    while (from < to && href.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && href.charAt(to - 1) <= ' ') {
      to--;
    }
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = href.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The scheme of an address read by {@link #asBrowserReads}, lower-cased: its letters, digits,
   * {@code +}, {@code -} and {@code .} before the first colon, starting with a letter; empty for an
   * address without one (a page of this site, or another site's address without its scheme).
   */
  public static Optional<String> scheme(String read) {
    int colon = read.indexOf(':');
    if (colon <= 0 || !isAsciiLetter(read.charAt(0))) {
      return Optional.empty();
    }
    for (int i = 1; i < colon; i++) {
      char c = read.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return Optional.empty();
      }
    }
    return Optional.of(read.substring(0, colon).toLowerCase(Locale.ROOT));
  }

  /**
   * Whether an address read by {@link #asBrowserReads} names another site without a scheme: it
   * starts with two slashes or backslashes in any mix ({@code //}, {@code /\}, {@code \/}, {@code
   * \\}), which a browser on an {@code http} or {@code https} page reads as a host.
   */
  public static boolean isProtocolRelative(String read) {
    return read.length() >= 2 && isSlash(read.charAt(0)) && isSlash(read.charAt(1));
  }

  /**
   * Whether a browser opens an address read by {@link #asBrowserReads} on another site, over the
   * web: an {@code http} or {@code https} address in any case ({@code HTTPS://}), or one without a
   * scheme that starts with two slashes. Such links carry {@code rel="noopener noreferrer"}.
   */
  public static boolean isExternalWeb(String read) {
    return isProtocolRelative(read)
        || scheme(read).filter(s -> s.equals("http") || s.equals("https")).isPresent();
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
