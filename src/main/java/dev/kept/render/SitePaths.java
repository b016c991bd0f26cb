package dev.kept.render;

import java.util.Optional;

/**
 * Every address and output path of a charter's site, made and read back in one place.
 *
 * <p>A page has a URL, the folder a reader's browser asks for ({@code promises/answer-calls/}), and
 * a file, where the page is written ({@code promises/answer-calls/index.html}); both are relative
 * to the site's root, with {@code /} between names. Promise ids and group slugs are lower-case
 * letters, digits and hyphens, so they need no escaping.
 *
 * <pre>{@code
 * SitePaths.promisePage("answer-calls")         // "promises/answer-calls/index.html"
 * SitePaths.promiseData("answer-calls")         // "promises/answer-calls/data.json"
 * SitePaths.promiseOf("figures/answer-calls.csv") // Optional["answer-calls"]
 * }</pre>
 *
 * <p>Stateless and thread-safe; arguments are non-null.
 */
public final class SitePaths {
  private SitePaths() {}

  private static final String PROMISES = "promises/";
  private static final String GROUPS = "groups/";
  private static final String FIGURES = "figures/";
  private static final String CSV = ".csv";
  private static final String INDEX_FILE = "index.html";
  private static final String ASSETS = "assets/";
  private static final String DATA = "data.json";

  /** The index page's file. */
  public static final String INDEX = INDEX_FILE;
  /** The method page's URL. */
  public static final String METHOD_URL = "how-we-measure/";
  /** The retired promises' page's URL. */
  public static final String RETIRED_URL = "retired/";
  /** The page served for an address the site does not have. */
  public static final String NOT_FOUND = "404.html";
  /** The Atom feed. */
  public static final String FEED = "feed.xml";
  /** The sitemap, written when the charter has a base URL. */
  public static final String SITEMAP = "sitemap.xml";
  /** The robots file. */
  public static final String ROBOTS = "robots.txt";
  /** The whole charter as data. */
  public static final String CHARTER_JSON = "charter.json";
  /** The JSON schema of {@link #CHARTER_JSON}. */
  public static final String CHARTER_SCHEMA = "charter.schema.json";

  /** The file of the page at {@code url}: {@code index.html} in its folder. */
  public static String page(String url) {
    return url + INDEX_FILE;
  }

  /** The URL of the page written to {@code file}: its folder, for an {@code index.html}. */
  public static String url(String file) {
    return file.endsWith(INDEX_FILE) ? file.substring(0, file.length() - INDEX_FILE.length()) : file;
  }

  /** The method page's file. */
  public static String methodPage() {
    return page(METHOD_URL);
  }

  /** The retired promises' page's file. */
  public static String retiredPage() {
    return page(RETIRED_URL);
  }

  /** A promise page's URL. */
  public static String promiseUrl(String id) {
    return PROMISES + id + "/";
  }

  /** A promise page's file. */
  public static String promisePage(String id) {
    return page(promiseUrl(id));
  }

  /** A period's place on its promise's page. */
  public static String periodUrl(String id, String period) {
    return promiseUrl(id) + "#p-" + period;
  }

  /** A promise's badge. */
  public static String badge(String id) {
    return promiseUrl(id) + "badge.svg";
  }

  /**
   * A promise's whole record as data: its fields and every period's facts, beside its page
   * ({@code promises/answer-calls/data.json}).
   */
  public static String promiseData(String id) {
    return promiseUrl(id) + DATA;
  }

  /** A measured promise's figures, as published. */
  public static String figures(String id) {
    return FIGURES + id + CSV;
  }

  /** A group page's URL. */
  public static String groupUrl(String slug) {
    return GROUPS + slug + "/";
  }

  /** A group page's file. */
  public static String groupPage(String slug) {
    return page(groupUrl(slug));
  }

  /**
   * The way back to the site's root from the page at {@code url}, for the page's relative links:
   * {@code "./"} from the home page, one {@code "../"} per folder below it.
   */
  public static String rootOf(String url) {
    int depth = (int) url.chars().filter(c -> c == '/').count();
    return depth == 0 ? "./" : "../".repeat(depth);
  }

  /** A theme asset, by its name in the theme's {@code assets} folder. */
  public static String asset(String name) {
    return ASSETS + name;
  }

  /** The name of the theme asset at {@code path}, when it is one's place. */
  public static Optional<String> assetOf(String path) {
    return path.startsWith(ASSETS) && path.length() > ASSETS.length()
        ? Optional.of(path.substring(ASSETS.length()))
        : Optional.empty();
  }

  /**
   * The id of the promise whose record holds the file at {@code path} (its page, its badge, its
   * data, its figures); empty for any other file. The id is not checked against a charter.
   */
  public static Optional<String> promiseOf(String path) {
    if (path.startsWith(PROMISES)) {
      int end = path.indexOf('/', PROMISES.length());
      return end > PROMISES.length() ? Optional.of(path.substring(PROMISES.length(), end)) : Optional.empty();
    }
    if (path.startsWith(FIGURES) && path.endsWith(CSV) && path.length() > FIGURES.length() + CSV.length()
        && path.indexOf('/', FIGURES.length()) < 0) {
      return Optional.of(path.substring(FIGURES.length(), path.length() - CSV.length()));
    }
    return Optional.empty();
  }

  /**
   * The page file {@code path} names when it is a page's folder without its closing slash ({@code
   * promises/answer-calls}, {@code how-we-measure}): a reader who asks for it is sent to the
   * folder's URL. Empty for any other path. Whether the site has the page is not checked.
   */
  public static Optional<String> folderPage(String path) {
    String folder = path + "/";
    if (folder.equals(METHOD_URL) || folder.equals(RETIRED_URL)) {
      return Optional.of(page(folder));
    }
    for (String kind : new String[] {PROMISES, GROUPS}) {
      if (folder.startsWith(kind) && folder.indexOf('/', kind.length()) == folder.length() - 1
          && folder.length() > kind.length() + 1) {
        return Optional.of(page(folder));
      }
    }
    return Optional.empty();
  }
}
