package dev.kept.verify;

import dev.kept.verify.Problem.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a page as a browser's HTML5 parser does, and an SVG image or other XML file as a browser's
 * XML parser does, and lists what in them could run script, or could be read otherwise by a
 * browser than by this check.
 *
 * <p>A page is parsed by jsoup's HTML parser, which follows the HTML standard's tokenizer and tree
 * builder, and every element of the tree is checked: a script element in any namespace, an event
 * handler attribute, a link to a {@code javascript:}, {@code vbscript:} or (where it can hold a
 * document) {@code data:} URL, an {@code srcdoc}, an SVG animation that sets a link to one, a meta
 * refresh to one, a {@code <base>}. Kept's Content-Security-Policy must be the page's only policy
 * and the first element of {@code <head>} (after a {@code <meta charset="utf-8">}, if any), so that
 * nothing in the page is read before it applies.
 *
 * <p>Where jsoup and browsers differ, or where browsers differ among themselves, the page is
 * refused rather than guessed at (each is tested against Chromium in {@code ThemeBrowserTest}):
 *
 * <ul>
 *   <li>any HTML parse error jsoup reports: error recovery is where parsers disagree (Chromium's
 *       {@code <select>} keeps elements the standard's parser drops, for one);
 *   <li>{@code <![CDATA[} anywhere: jsoup reads a CDATA section in HTML content, where a browser
 *       reads a comment that ends at the first {@code >};
 *   <li>{@code <noscript>}: jsoup parses it as a browser with script turned off, browsers as raw
 *       text;
 *   <li>in a page with SVG or MathML, an element whose text the HTML parser reads raw ({@code
 *       style}, {@code title}, {@code textarea}...) with a {@code <} inside: whether it is raw text
 *       depends on whether it is in foreign content, which jsoup decides otherwise than Chromium
 *       after {@code </p>} or {@code </br>} in an {@code <svg>};
 *   <li>a tag with 512 attributes or more: jsoup drops those after the 512th;
 *   <li>a character encoding other than UTF-8 declared in the page.
 * </ul>
 *
 * <p>An XML file must be well-formed (a browser shows no more than the part before an error, all
 * of which this check has read) and have no DTD (entities of its own) and no stylesheet
 * instruction; its bytes are decoded as its declaration says, as a browser decodes them.
 */
final class Markup {
  /** Kept's Content-Security-Policy, exactly as the built-in layout ({@code templates/layout.ftlh}) writes it. */
  static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

  /** Elements whose text the HTML parser reads as text up to their end tag, never as markup. */
  private static final Set<String> RAW_TEXT =
      Set.of("title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "script", "plaintext");

  /** Attributes (by local name) whose value a browser may load or follow as a URL. */
  private static final Set<String> LINKS =
      Set.of("href", "src", "action", "formaction", "data", "poster", "background", "srcset", "codebase", "code", "archive");

  /** jsoup keeps a tag's first 512 attributes and drops the rest without a word (Token.Tag). */
  private static final int MAX_ATTRIBUTES = 512;

  private Markup() {}

  /**
   * The problems with one page, in the order of {@link Kind}, each kind at most a few times.
   *
   * <p>A page is read first without noting where each tag is (what jsoup spends most of its time
   * on): the same parse, the same checks, with the raw-text check made on the page's text (see
   * {@link #rawTextAsWrittenIsPlain}). Only when that finds a problem, or cannot tell, is the page
   * read again with places, and that reading's problems are the answer; so a page is refused
   * exactly when {@link #located} refuses it ({@code MarkupTest} compares the two).
   */
  static List<Problem> page(String path, String html) {
    List<Problem> quick = check(path, html, false);
    return quick.isEmpty() ? quick : check(path, html, true);
  }

  /** As {@link #page}, always reading the page with the place of every tag. */
  static List<Problem> located(String path, String html) {
    return check(path, html, true);
  }

  private static List<Problem> check(String path, String html, boolean located) {
    List<Problem> found = new ArrayList<>();
    Parser parser = Parser.htmlParser().setTrackErrors(1).setTrackPosition(located);
    Document doc = parser.parseInput(html, "");
    // Foreign content (SVG, MathML) is entered only by an <svg> or a <math> start tag.
    boolean foreign = containsIgnoreCase(html, "<svg") || containsIgnoreCase(html, "<math");
    if (!located && foreign && !rawTextAsWrittenIsPlain(html)) {
      // Cannot tell without the places of the tags: the located reading decides.
      found.add(new Problem(path, Kind.UNCLEAR, "raw text that may hold markup", 0, 0, List.of()));
      return found;
    }
    List<Element> metas = new ArrayList<>();
    doc.traverse(
        (node, depth) -> {
          if (node instanceof Element e) {
            element(path, html, e, foreign && located, found);
            if (e.normalName().equals("meta")) {
              metas.add(e);
            }
          }
        });
    policy(path, html, doc, metas, found);
    for (ParseError error : parser.getErrors()) {
      int at = Math.min(Math.max(0, error.getPosition()), html.length());
      int start = Math.max(0, html.lastIndexOf('<', Math.max(0, at - 1)));
      if (at - start > 80) {
        start = Math.max(0, at - 1);
      }
      found.add(problem(path, html, Kind.UNCLEAR,
          "the page is not valid HTML (" + shortened(error.getErrorMessage()) + "); browsers recover from that"
              + " in ways Kept cannot be sure of",
          start, clues(html, start, Math.max(at, start + 1))));
    }
    int cdata = html.indexOf("<![CDATA[");
    if (cdata >= 0) {
      found.add(problem(path, html, Kind.UNCLEAR,
          "<![CDATA[ in a page: a browser reads it as a comment that ends at the first >, and what"
              + " follows as markup",
          cdata, clues(html, cdata, cdata + 9)));
    }
    found.sort(java.util.Comparator.comparing(Problem::kind));
    return found;
  }

  /**
   * The checks of one element; {@code rawText}: whether to check a raw-text element's content as
   * written here (from the places of its tags), in a page with foreign content.
   */
  private static void element(String path, String html, Element e, boolean rawText, List<Problem> found) {
    String name = e.normalName();
    String local = name.substring(name.lastIndexOf(':') + 1);
    if (local.equals("script")) {
      found.add(problem(path, html, Kind.SCRIPT, "a <" + e.tagName() + "> element", start(e), tagClues(html, e)));
    }
    if (name.equals("noscript")) {
      found.add(problem(path, html, Kind.UNCLEAR,
          "a <noscript> element, whose content browsers read as text and other parsers as markup",
          start(e), tagClues(html, e)));
    }
    if (name.equals("base")) {
      found.add(problem(path, html, Kind.UNSAFE, "a <base> element, which changes where every link of the page goes", start(e), tagClues(html, e)));
    }
    if (name.equals("meta")) {
      String charset = e.attr("charset");
      if (e.hasAttr("charset") && !charset.strip().equalsIgnoreCase("utf-8")) {
        found.add(problem(path, html, Kind.UNCLEAR, "a character encoding other than UTF-8 (" + charset + ")", start(e), tagClues(html, e)));
      }
      if (e.attr("http-equiv").strip().equalsIgnoreCase("content-type")) {
        found.add(problem(path, html, Kind.UNCLEAR, "a character encoding declared with http-equiv=\"Content-Type\"", start(e), tagClues(html, e)));
      }
    }
    if (e.attributesSize() >= MAX_ATTRIBUTES) {
      found.add(problem(path, html, Kind.UNCLEAR,
          "a tag with " + MAX_ATTRIBUTES + " or more attributes: jsoup reads only the first " + MAX_ATTRIBUTES
              + ", browsers every one", start(e), tagClues(html, e)));
    }
    if (rawText && RAW_TEXT.contains(local) && !rawTextIsPlain(html, e)) {
      found.add(problem(path, html, Kind.UNCLEAR,
          "markup inside <" + e.tagName() + "> in a page with SVG or MathML: browsers read it as"
              + " text or as markup depending on where the SVG ends",
          start(e), tagClues(html, e)));
    }
    for (Attribute a : e.attributes()) {
      String key = a.getKey().toLowerCase(Locale.ROOT);
      String attribute = key.substring(key.lastIndexOf(':') + 1);
      String value = a.getValue();
      String why = null;
      if ((key.length() > 2 && key.startsWith("on")) || (attribute.length() > 2 && attribute.startsWith("on"))) {
        why = "an event handler " + a.getKey() + " on <" + e.tagName() + ">";
      } else if (LINKS.contains(attribute) && runsScript(local, attribute, value)) {
        why = "a link that runs script: " + a.getKey() + " on <" + e.tagName() + ">";
      } else if (attribute.equals("srcdoc")) {
        why = "a frame's own document (srcdoc) on <" + e.tagName() + ">";
      }
      if (why != null) {
        Range.AttributeRange range = a.sourceRange();
        int from = range.nameRange().isTracked() ? range.nameRange().startPos() : start(e);
        int to = range.valueRange().isTracked() ? range.valueRange().endPos() : from + key.length();
        List<String> clues = new ArrayList<>();
        if (from >= 0 && to > from && to <= html.length()) {
          clues.addAll(clues(html, from, to));
        }
        clues.add(a.getKey() + "=");
        found.add(problem(path, html, Kind.UNSAFE, why, from, clues));
      }
    }
    if (local.equals("meta") && e.attr("http-equiv").strip().equalsIgnoreCase("refresh")
        && isScriptUrl(refreshUrl(e.attr("content")), false)) {
      found.add(problem(path, html, Kind.UNSAFE, "a refresh to a script link", start(e), tagClues(html, e)));
    }
    if (local.equals("animate") || local.equals("set")) {
      String target = e.attr("attributename").strip().toLowerCase(Locale.ROOT);
      if (target.equals("href") || target.endsWith(":href")) {
        for (String key : new String[] {"values", "to", "from", "by"}) {
          for (String value : e.attr(key).split(";")) {
            if (isScriptUrl(value, false)) {
              found.add(problem(path, html, Kind.UNSAFE, "an animation that sets a script link", start(e), tagClues(html, e)));
              return;
            }
          }
        }
      }
    }
  }

  /** Where an element's start tag begins in the page, or -1. */
  private static int start(Element e) {
    Range range = e.sourceRange();
    return range.isTracked() ? range.startPos() : -1;
  }

  /**
   * Whether a raw-text element's content, as written, holds no {@code <}: then it is the same
   * text whether a browser reads it as raw text or as markup.
   */
  private static boolean rawTextIsPlain(String html, Element e) {
    for (Node child : e.childNodes()) {
      if (!(child instanceof TextNode || child instanceof org.jsoup.nodes.DataNode)) {
        return false;
      }
    }
    Range open = e.sourceRange();
    Range close = e.endSourceRange();
    if (!open.isTracked() || !close.isTracked() || close.isImplicit()) {
      return e.childNodeSize() == 0;
    }
    return html.substring(open.endPos(), Math.max(open.endPos(), close.startPos())).indexOf('<') < 0;
  }

  /**
   * Whether every raw-text element a page may have ({@link #RAW_TEXT}, by local name, in any case)
   * holds, as written, no {@code <} before its end tag: for every start tag of such a name in the
   * text, the first {@code <} after the first {@code >} that follows it starts its own end tag
   * ({@code </name} then a space, {@code /} or {@code >}). The text is read without regard to
   * comments or attribute values, so this may say no where {@link #rawTextIsPlain} would say yes
   * (the page is then read again with places), never yes where it would say no: every element of
   * the tree starts at a start tag of its name in the text, and one whose content is text up to
   * its own end tag ends there.
   */
  static boolean rawTextAsWrittenIsPlain(String html) {
    int n = html.length();
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      int from = i + 1;
      if (from >= n || !isAsciiLetter(html.charAt(from))) {
        continue;
      }
      int end = from;
      while (end < n && !endsTagName(html.charAt(end))) {
        end++;
      }
      String name = html.substring(from, end).toLowerCase(Locale.ROOT);
      if (!RAW_TEXT.contains(name.substring(name.lastIndexOf(':') + 1))) {
        continue;
      }
      int close = tagEnd(html, end);
      int next = close < 0 ? -1 : html.indexOf('<', close + 1);
      if (next < 0
          || next + 2 + name.length() >= n
          || html.charAt(next + 1) != '/'
          || !html.regionMatches(true, next + 2, name, 0, name.length())
          || !endsTagName(html.charAt(next + 2 + name.length()))) {
        return false;
      }
    }
    return true;
  }

  /** The '>' that ends a start tag whose name ends at {@code from}: a quoted value may hold '>'. */
  private static int tagEnd(String html, int from) {
    char quote = 0;
    char before = 0; // the last character outside a quoted value that is not white space
    for (int i = from; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
          before = c;
        }
      } else if ((c == '"' || c == '\'') && before == '=') {
        quote = c; // a quote opens a value only right after '=', as the HTML tokenizer reads it
      } else if (c == '>') {
        return i;
      } else if (!Character.isWhitespace(c)) {
        before = c;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** A character that ends a tag's name in HTML's tokenizer. */
  private static boolean endsTagName(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>';
  }

  /**
   * Kept's policy must be the page's only one, with Kept's exact text, and the first element of
   * {@code <head>}, after at most a {@code <meta charset>}: a browser applies a policy only from
   * where it is read, and only from {@code <head>}.
   */
  private static void policy(String path, String html, Document doc, List<Element> metas, List<Problem> found) {
    List<Element> policies = new ArrayList<>();
    for (Element meta : metas) {
      if (meta.attr("http-equiv").equalsIgnoreCase("content-security-policy")) {
        policies.add(meta);
      }
    }
    Element head = doc.head();
    List<Element> applied = policies.stream().filter(p -> p.parent() == head).toList();
    if (applied.isEmpty()) {
      int at = policies.isEmpty() ? -1 : policies.get(0).sourceRange().startPos();
      List<String> clues = policies.isEmpty() ? List.of("<head") : tagClues(html, policies.get(0));
      found.add(problem(path, html, Kind.NO_POLICY,
          policies.isEmpty() ? "no Content-Security-Policy <meta> in <head>" : "the Content-Security-Policy <meta> is not in <head>, so browsers ignore it",
          at, clues));
      return;
    }
    Element policy = applied.get(0);
    Element first = head.firstElementChild();
    if (first != null && first != policy && first.normalName().equals("meta") && first.attributesSize() == 1 && first.hasAttr("charset")) {
      first = first.nextElementSibling();
    }
    if (first != policy) {
      found.add(problem(path, html, Kind.POLICY,
          "<" + first.tagName() + "> comes before the Content-Security-Policy <meta>, which must be the first element of <head> (after <meta charset=\"utf-8\">)",
          first.sourceRange().isTracked() ? first.sourceRange().startPos() : -1, tagClues(html, first)));
    }
    if (!policy.attr("content").equals(POLICY)) {
      found.add(problem(path, html, Kind.POLICY,
          "the Content-Security-Policy is \"" + policy.attr("content") + "\", not Kept's \"" + POLICY + "\"",
          policy.sourceRange().startPos(), tagClues(html, policy)));
    }
    for (Element extra : policies) {
      if (extra != policy) {
        found.add(problem(path, html, Kind.POLICY, "a second Content-Security-Policy <meta>",
            extra.sourceRange().isTracked() ? extra.sourceRange().startPos() : -1, tagClues(html, extra)));
      }
    }
  }

  /** The problems with an SVG image or another XML file: script, script links, DTDs, stylesheets. */
  static List<Problem> xml(String path, byte[] bytes) {
    List<Problem> found = new ArrayList<>();
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8); // for places only
    DefaultHandler handler = new DefaultHandler() {
      private Locator locator;

      @Override
      public void setDocumentLocator(Locator locator) {
        this.locator = locator;
      }

      private String element = "";

      /** At the start of the element being read: SAX's locator is at the end of its start tag. */
      private void add(Kind kind, String detail, List<String> clues) {
        int line = locator == null ? 0 : Math.max(0, locator.getLineNumber());
        int column = locator == null ? 0 : Math.max(0, locator.getColumnNumber());
        if (line > 0 && column > 0 && !element.isEmpty()) {
          int offset = offset(text, line, column);
          int start = offset < 0 ? -1 : text.lastIndexOf("<" + element, offset);
          if (start >= 0) {
            Problem at = problem(path, text, kind, detail, start, clues);
            found.add(at);
            return;
          }
        }
        found.add(new Problem(path, kind, detail, line, column, clues));
      }

      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes) {
        element = qName;
        String local = (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
        local = local.substring(local.lastIndexOf(':') + 1);
        if (local.equals("script")) {
          add(Kind.SCRIPT, "a <" + qName + "> element", List.of("<" + qName));
        }
        String animated = null;
        for (int i = 0; i < attributes.getLength(); i++) {
          String q = attributes.getQName(i);
          String name = q.toLowerCase(Locale.ROOT);
          String attribute = name.substring(name.lastIndexOf(':') + 1);
          String value = attributes.getValue(i);
          if ((attribute.length() > 2 && attribute.startsWith("on")) || (name.length() > 2 && name.startsWith("on"))) {
            add(Kind.UNSAFE, "an event handler " + q + " on <" + qName + ">", List.of(q + "=\"" + value + "\"", q + "='" + value + "'", q + "="));
          } else if (LINKS.contains(attribute) && runsScript(local, attribute, value)) {
            add(Kind.UNSAFE, "a link that runs script: " + q + " on <" + qName + ">", List.of(q + "=\"" + value + "\"", q + "='" + value + "'", q + "="));
          } else if (attribute.equals("srcdoc")) {
            add(Kind.UNSAFE, "a frame's own document (srcdoc) on <" + qName + ">", List.of(q + "="));
          }
          if (attribute.equals("attributename")) {
            animated = value.strip().toLowerCase(Locale.ROOT);
          }
        }
        if ((local.equals("animate") || local.equals("set")) && animated != null
            && (animated.equals("href") || animated.endsWith(":href"))) {
          for (String key : new String[] {"values", "to", "from", "by"}) {
            String value = attributes.getValue(key);
            for (String part : value == null ? new String[0] : value.split(";")) {
              if (isScriptUrl(part, false)) {
                add(Kind.UNSAFE, "an animation that sets a script link", List.of("<" + qName));
                return;
              }
            }
          }
        }
      }

      @Override
      public void processingInstruction(String target, String data) {
        element = "?" + target;
        if (target.equalsIgnoreCase("xml-stylesheet")) {
          add(Kind.UNSAFE, "an xml-stylesheet instruction, which makes the browser load and run a stylesheet", List.of("<?xml-stylesheet"));
        }
      }
    };
    try {
      // One parser per thread, reset before each file: making one costs more than reading a badge.
      SAXParser parser = PARSERS.get();
      parser.reset();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      parser.parse(new InputSource(new ByteArrayInputStream(bytes)), handler);
    } catch (SAXParseException e) {
      boolean dtd = String.valueOf(e.getMessage()).contains("DOCTYPE");
      found.add(new Problem(path, dtd ? Kind.UNSAFE : Kind.XML,
          dtd ? "a DOCTYPE, which may declare entities of its own" : "not well-formed XML: " + e.getMessage(),
          Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), dtd ? List.of("<!DOCTYPE") : List.of()));
    } catch (SAXException | IOException e) {
      found.add(new Problem(path, Kind.XML, "not readable as XML: " + e.getMessage(), 0, 0, List.of()));
    }
    found.sort(java.util.Comparator.comparing(Problem::kind));
    return found;
  }

  private static final SAXParserFactory FACTORY = factory();

  private static final ThreadLocal<SAXParser> PARSERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return FACTORY.newSAXParser();
            } catch (ParserConfigurationException | SAXException e) {
              throw new IllegalStateException("the JDK's XML parser cannot be made: " + e.getMessage(), e);
            }
          });

  private static SAXParserFactory factory() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe: " + e.getMessage(), e);
    }
  }

  /** The offset of a 1-based line and column in {@code text}, or -1. */
  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at);
      if (at < 0) {
        return -1;
      }
      at++;
    }
    return Math.min(text.length(), at + column - 1);
  }

  /** A problem at {@code offset} in {@code html} (or the whole page when it is negative). */
  private static Problem problem(String path, String html, Kind kind, String detail, int offset, List<String> clues) {
    if (offset < 0) {
      return new Problem(path, kind, detail, 0, 0, clues);
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < html.length(); i++) {
      if (html.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Problem(path, kind, detail, line, offset - lineStart + 1, clues);
  }

  /** The clues for an element: its start tag as written, then {@code <name}. */
  private static List<String> tagClues(String html, Element e) {
    List<String> clues = new ArrayList<>();
    Range range = e.sourceRange();
    if (range.isTracked() && !range.isImplicit() && range.endPos() > range.startPos()) {
      clues.addAll(clues(html, range.startPos(), range.endPos()));
    }
    clues.add("<" + e.tagName());
    return clues;
  }

  /**
   * The text of a page at {@code [from, to)}, as clues to find it in a template: from the start of
   * its line (a template's literal line comes out whole), then alone.
   */
  private static List<String> clues(String html, int from, int to) {
    to = Math.min(to, html.length());
    if (from >= to) {
      return List.of();
    }
    int lineStart = html.lastIndexOf('\n', from - 1) + 1;
    while (lineStart < from && Character.isWhitespace(html.charAt(lineStart))) {
      lineStart++;
    }
    String token = html.substring(from, to);
    if (lineStart < from) {
      return List.of(html.substring(lineStart, to), token);
    }
    return List.of(token);
  }

  /**
   * Whether a link attribute's value runs script. {@code data:} is allowed only where it cannot
   * hold a document: an image's source and a {@code <link>} (an icon or a style sheet).
   */
  private static boolean runsScript(String element, String attribute, String value) {
    boolean dataIsImage =
        (element.equals("img") && (attribute.equals("src") || attribute.equals("srcset")))
            || (element.equals("link") && attribute.equals("href"));
    if (attribute.equals("srcset")) {
      for (String candidate : value.split(",")) {
        if (isScriptUrl(candidate, dataIsImage)) {
          return true;
        }
      }
      return false;
    }
    return isScriptUrl(value, dataIsImage);
  }

  /** The URL of a refresh's content by the HTML standard's steps: "5; url='x'", "0;x", "0". */
  private static String refreshUrl(String content) {
    int i = 0;
    int n = content.length();
    while (i < n && (isSpace(content.charAt(i)) || Character.isDigit(content.charAt(i)) || content.charAt(i) == '.')) {
      i++;
    }
    if (i < n && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
      i++;
    }
    while (i < n && isSpace(content.charAt(i))) {
      i++;
    }
    if (content.regionMatches(true, i, "url", 0, 3)) {
      int j = i + 3;
      while (j < n && isSpace(content.charAt(j))) {
        j++;
      }
      if (j < n && content.charAt(j) == '=') {
        i = j + 1;
        while (i < n && isSpace(content.charAt(i))) {
          i++;
        }
      }
    }
    String url = content.substring(Math.min(i, n));
    if (!url.isEmpty() && (url.charAt(0) == '"' || url.charAt(0) == '\'')) {
      url = url.substring(1);
    }
    return url;
  }

  /**
   * Whether a (decoded) URL starts with a script scheme, once the characters a URL parser drops
   * (leading C0 controls and spaces, and tabs and newlines anywhere) are out; any other control or
   * space is dropped too, to be safe.
   */
  static boolean isScriptUrl(String value, boolean dataAllowed) {
    StringBuilder start = new StringBuilder(12);
    for (int i = 0; i < value.length() && start.length() < 11; i++) {
      char c = value.charAt(i);
      if (c > ' ') {
        start.append(Character.toLowerCase(c));
      }
    }
    String s = start.toString();
    return s.startsWith("javascript:") || s.startsWith("vbscript:") || (!dataAllowed && s.startsWith("data:"));
  }

  /** A parse error's message, at most 100 characters (jsoup's can quote a whole tag). */
  private static String shortened(String message) {
    return message.length() <= 100 ? message : message.substring(0, 97) + "...";
  }

  private static boolean containsIgnoreCase(String text, String part) {
    for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
