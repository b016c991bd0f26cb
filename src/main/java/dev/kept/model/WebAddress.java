package dev.kept.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for a web address Kept accepts, wherever one is read: a charter's {@code base_url}
 * and {@code contact}, a promise's {@code promise_url} and {@code results_url}, and the addresses
 * the importer takes from a source's cells.
 *
 * <p>A <em>web address</em> is an absolute URI with the scheme {@code http} or {@code https} (in
 * any case) and a host: {@code https://example.org/complaints}. A <em>mail address</em> is a
 * {@code mailto:} URI whose address holds an {@code @}: {@code mailto:promises@example.org}. The
 * text is read with its surrounding white space stripped; nothing else is corrected.
 *
 * <pre>{@code
 * WebAddress.web("https://example.org/x")   // Optional[https://example.org/x]
 * WebAddress.web("example.org/x")           // Optional.empty: no scheme, no host
 * WebAddress.webOrMail("mailto:a@b.org")    // Optional[mailto:a@b.org]
 * }</pre>
 *
 * <p>Stateless and thread-safe; never throws for any non-null text.
 */
public final class WebAddress {
  private WebAddress() {}

  /** {@code text} as a full web address ({@code http} or {@code https} with a host), or empty. */
  public static Optional<URI> web(String text) {
    return parse(text, false);
  }

  /** {@code text} as a full web address or a {@code mailto:} address with an {@code @}, or empty. */
  public static Optional<URI> webOrMail(String text) {
    return parse(text, true);
  }

  private static Optional<URI> parse(String text, boolean mail) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        scheme.equals("http") || scheme.equals("https")
            ? uri.getHost() != null
            : mail && scheme.equals("mailto")
                && uri.getSchemeSpecificPart() != null
                && uri.getSchemeSpecificPart().contains("@");
    return ok ? Optional.of(uri) : Optional.empty();
  }
}
