package dev.kept.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The output-safety promises, checked over every file of a built site (issue 6): no {@code
 * <script>} (the built-in theme has none), no inline event handler, no {@code javascript:}, {@code
 * vbscript:} or {@code data:} URL, every external link {@code rel="noopener"}, a
 * Content-Security-Policy meta tag that forbids inline script on every page, and every CSV cell
 * neutralised against formula injection. Shared by the crawl of the example and the bad-input
 * corpus, so both hold the site to the same rules.
 */
public final class OutputSafety {
  private OutputSafety() {}

  /**
   * Every breach of the rules in the site, one line each ({@code page: what}); empty when safe.
   *
   * @param ownSite the site's own address (links to it need no {@code rel}), or empty
   */
  public static List<String> problems(Path site, String ownSite) {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int pages = 0;
    for (Path file : files) {
      String name = site.relativize(file).toString().replace('\\', '/');
      try {
        if (name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".svg")
            || name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".txt")) {
          // issue 11: no control character, override or noncharacter reaches any file of the site
          String text = Files.readString(file);
          dev.kept.model.Chars.first(text, true)
              .ifPresent(bad -> problems.add(name + ": " + bad.what() + " at character " + bad.index()));
        }
        if (name.endsWith(".xml") || name.endsWith(".svg")) {
          wellFormed(name, file, problems);
        }
        if (name.endsWith(".html")) {
          pages++;
          page(name, Jsoup.parse(file.toFile(), "UTF-8", "https://kept.test/" + name), ownSite, problems);
        } else if (name.endsWith(".csv")) {
          csv(name, Files.readString(file), problems);
        } else if (name.endsWith(".svg") || name.endsWith(".xml")) {
          // an SVG badge or a feed is opened on its own, so it must not carry script either
          Document xml = Jsoup.parse(Files.readString(file), "", org.jsoup.parser.Parser.xmlParser());
          for (Element e : xml.getAllElements()) {
            if (e.tagName().toLowerCase(Locale.ROOT).endsWith("script")) {
              problems.add(name + ": a <script> element");
            }
            for (Attribute a : e.attributes()) {
              if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
                problems.add(name + ": an event handler " + a.getKey() + " on <" + e.tagName() + ">");
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (pages == 0) {
      problems.add(site + ": no pages at all");
    }
    return problems;
  }

  private static void page(String name, Document doc, String ownSite, List<String> problems) {
    if (!doc.select("script").isEmpty()) {
      problems.add(name + ": a <script> element");
    }
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          problems.add(name + ": an event handler " + key + " on <" + e.tagName() + ">");
        }
        if (key.equals("href") || key.equals("src") || key.equals("action") || key.equals("formaction")
            || key.equals("xlink:href")) {
          String url = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
          if (url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:")) {
            problems.add(name + ": a script or data URL " + a.getValue());
          }
        }
      }
    }
    for (Element a : doc.select("a[href], area[href]")) {
      String href = a.attr("href");
      // As the browser reads it: HTTPS://, a tab inside, or //host all open another site.
      String read = dev.kept.model.MarkdownSyntax.asBrowserReads(href);
      if (!dev.kept.model.MarkdownSyntax.isExternalWeb(read)
          || (!ownSite.isEmpty() && href.startsWith(ownSite))) {
        continue;
      }
      if (!a.attr("rel").contains("noopener")) {
        problems.add(name + ": an external link without rel=noopener: " + href);
      }
    }
    Element csp = doc.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
    if (csp == null) {
      problems.add(name + ": no Content-Security-Policy meta tag");
    } else {
      String policy = csp.attr("content");
      if (!policy.contains("default-src 'none'") || policy.contains("unsafe-inline")
          || policy.contains("unsafe-eval")) {
        problems.add(name + ": the Content-Security-Policy allows inline script: " + policy);
      }
    }
  }

  /**
   * Whether an XML file (the feed, an SVG) parses with a strict XML 1.0 parser, as a feed reader
   * does: a control character in a title made feed.xml ill-formed (issue 11).
   */
  private static void wellFormed(String name, Path file, List<String> problems) {
    try {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(true);
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      builder.parse(file.toFile());
    } catch (org.xml.sax.SAXException e) {
      problems.add(name + ": not well-formed XML: " + e.getMessage());
    } catch (javax.xml.parsers.ParserConfigurationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Characters a spreadsheet may drop before it reads a cell; a formula character after them
   * still starts a formula.
   */
  private static final String UNSEEN =
      " \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u202F\u205F\u3000\u200B\u200C\u200D\u2060\u180E\u200E\u200F\u061C\uFEFF";

  /** What starts a formula: the ASCII signs, tab, CR, LF, and their fullwidth and small forms. */
  private static final String FORMULA = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\uFE6B\u2212";

  /** A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return. */
  private static void csv(String name, String text, List<String> problems) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text)) {
      int line = 0;
      while (rows.hasNext()) {
        line++;
        for (String cell : rows.next()) {
          int i = 0;
          while (i < cell.length() && UNSEEN.indexOf(cell.charAt(i)) >= 0) {
            i++;
          }
          if (i < cell.length() && FORMULA.indexOf(cell.charAt(i)) >= 0) {
            problems.add(name + ": row " + line + ": a cell a spreadsheet would run: " + cell);
          }
        }
      }
    }
  }
}
