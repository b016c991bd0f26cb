package dev.kept.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks every built site goes through catch what issue 11 found published. */
class OutputSafetyTest {
  private static final String PAGE =
      "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
          + "<title>t</title></head><body><p>%s</p></body></html>";

  @Test
  void aControlCharacterAnIllFormedFeedAndAHiddenFormulaAreCaught(@TempDir Path site) throws Exception {
    Files.writeString(site.resolve("index.html"), PAGE.formatted("Answering\u0000calls \u202E"));
    Files.writeString(site.resolve("feed.xml"), "<feed><title>Answering\u0001calls</title></feed>");
    Files.writeString(site.resolve("calls.csv"), "period,note\n2026-07,\u00A0=1+1\n2026-08,\uFF1DHYPERLINK()\n");
    assertThat(OutputSafety.problems(site, ""))
        .anyMatch(p -> p.startsWith("index.html: a control character (U+0000)"))
        .anyMatch(p -> p.startsWith("feed.xml: a control character (U+0001)"))
        .anyMatch(p -> p.startsWith("feed.xml: not well-formed XML"))
        .anyMatch(p -> p.startsWith("calls.csv: row 2: a cell a spreadsheet would run"))
        .anyMatch(p -> p.startsWith("calls.csv: row 3: a cell a spreadsheet would run"));
  }

  @Test
  void aCleanSiteHasNoProblems(@TempDir Path site) throws Exception {
    Files.writeString(site.resolve("index.html"), PAGE.formatted("Answering calls \u05E9\u200F"));
    Files.writeString(site.resolve("feed.xml"), "<feed><title>Answering calls</title></feed>");
    Files.writeString(site.resolve("calls.csv"), "period,note\n2026-07,'\u00A0=1+1\n");
    assertThat(OutputSafety.problems(site, "")).isEmpty();
  }
}
