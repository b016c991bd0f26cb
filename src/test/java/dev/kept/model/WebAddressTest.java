package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Issue 12: one rule for a web address, wherever one is read. */
class WebAddressTest {
  @Test
  void aWebAddressIsHttpOrHttpsInAnyCaseWithAHost() {
    assertThat(WebAddress.web("https://example.org/complaints")).contains(URI.create("https://example.org/complaints"));
    assertThat(WebAddress.web("  http://example.org ")).contains(URI.create("http://example.org"));
    assertThat(WebAddress.web("HTTPS://example.org")).isPresent();
    assertThat(WebAddress.web("example.org/complaints")).isEmpty();
    assertThat(WebAddress.web("https:///no-host")).isEmpty();
    assertThat(WebAddress.web("ftp://example.org")).isEmpty();
    assertThat(WebAddress.web("https://exa mple.org")).isEmpty();
    assertThat(WebAddress.web("")).isEmpty();
  }

  @Test
  void aMailAddressIsAcceptedOnlyWhereOneMayBeAndNeedsAnAt() {
    assertThat(WebAddress.webOrMail("mailto:promises@example.org")).contains(URI.create("mailto:promises@example.org"));
    assertThat(WebAddress.webOrMail("MAILTO:promises@example.org")).isPresent();
    assertThat(WebAddress.webOrMail("mailto:promises")).isEmpty();
    assertThat(WebAddress.webOrMail("https://example.org")).isPresent();
    assertThat(WebAddress.web("mailto:promises@example.org")).isEmpty();
  }

  @Test
  void aTurkishDefaultLocaleDoesNotRefuseAMailtoAddress() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(WebAddress.webOrMail("MAILTO:promises@example.org")).isPresent();
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
