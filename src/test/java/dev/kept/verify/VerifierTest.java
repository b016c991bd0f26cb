package dev.kept.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.ExplainedCharter;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify stage stops a site that would run script from replacing a good one. */
class VerifierTest {
  @TempDir Path dir;

  @Test
  void aBuiltSitePassesAndAPageThatRunsScriptDoesNot() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path site = dir.resolve("site");
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, site).build();
    ExplainedCharter explained = outcome.charter().orElseThrow();
    assertThat(new Verifier().verify(site, explained)).isEmpty();

    Path page = site.resolve("promises/calls/index.html");
    String html = Files.readString(page);
    Files.writeString(page, html.replace("</main>", "<img src=x onerror=alert(1)><a href=\" javascript:alert(1)\">x</a><SCRIPT>alert(1)</SCRIPT></main>"));
    assertThat(new Verifier().verify(site, explained))
        .containsExactly(
            "promises/calls/index.html contains a script",
            "promises/calls/index.html contains an event handler or a script link");

    // Text that reads like a handler inside a quoted attribute value is not one (bad/md-escaped-html-is-fine).
    Files.writeString(page, html.replace("</main>", "<p title=\"a &lt;b onmouseover=alert(1)&gt;\" class='x onclick=y'>x</p></main>"));
    assertThat(new Verifier().verify(site, explained)).isEmpty();
    Files.writeString(page, html.replace("</main>", "<p title=\"a &gt; b\" class=x\tonclick=\"alert(1)\">x</p></main>"));
    assertThat(new Verifier().verify(site, explained))
        .containsExactly("promises/calls/index.html contains an event handler or a script link");

    Files.writeString(page, html.replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", ""));
    assertThat(new Verifier().verify(site, explained))
        .containsExactly("promises/calls/index.html has no Content-Security-Policy");
  }
}
