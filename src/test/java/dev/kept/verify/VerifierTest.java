package dev.kept.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.ExplainedCharter;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The verify stage stops a site that would run script from replacing a good one. */
class VerifierTest {
  @TempDir Path dir;

  @Test
  void aBuiltSitePassesAndAPageThatRunsScriptDoesNot() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path site = dir.resolve("site");
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, site).build();
    assertThat(outcome.published()).isTrue();

    String html = Files.readString(site.resolve("promises/calls/index.html"));
    assertThat(Verifier.checkPage("p.html", html)).isEmpty();
    assertThat(
            Verifier.checkPage(
                "p.html",
                html.replace("</main>", "<img src=x onerror=alert(1)><a href=\" javascript:alert(1)\">x</a><SCRIPT>alert(1)</SCRIPT></main>")))
        .containsExactly("p.html contains a script", "p.html contains an event handler or a script link");
    assertThat(Verifier.checkPage("p.html", html.replace("</main>", "<a HREF='vbscript:x'>x</a></main>")))
        .containsExactly("p.html contains an event handler or a script link");
    assertThat(Verifier.checkPage("p.html", html.replace("</main>", "<p>Calls online = fine</p></main>")))
        .as("text that looks like a handler outside a tag").isEmpty();
    // Text that reads like a handler inside a quoted attribute value is not one (bad/md-escaped-html-is-fine).
    assertThat(Verifier.checkPage("p.html", html.replace("</main>", "<p title=\"a &lt;b onmouseover=alert(1)&gt;\" class='x onclick=y'>x</p></main>"))).isEmpty();
    assertThat(Verifier.checkPage("p.html", html.replace("</main>", "<p title=\"a &gt; b\" class=x\tonclick=\"alert(1)\">x</p></main>")))
        .containsExactly("p.html contains an event handler or a script link");
    assertThat(Verifier.checkPage("p.html", html.replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")))
        .containsExactly("p.html has no Content-Security-Policy");
  }

  @ParameterizedTest(name = "a handler or script link browsers run: {0}")
  @ValueSource(
      strings = {
        "<img/src=x onerror=alert(1)>",
        "<a/class=x href=\"javascript:alert(1)\">x</a>",
        "<input/type=text onfocus=alert(1) autofocus>",
        "<br/ onclick=alert(1)>",
        "<a href=\"/x\" / onclick=alert(1)>x</a>",
        "<a title=x\"y onclick=alert(1)>x</a>",
        "<a x\"y onclick=alert(1)>x</a>",
        "<a =x onclick=alert(1)>x</a>",
        "<a title=x'y onclick=alert(1)>Don't</a>",
        "<a title=\"x\"onclick=alert(1)>x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a HREF='  JavaScript:alert(1)'>x</a>",
        "<form action=vbscript:x></form>",
        "<button formaction=\"javascript:x\">x</button>",
        "<object data=\"data:text/html,x\"></object>",
        "<svg><a xlink:href=\"javascript:x\">x</a></svg>",
        "<body onload=x()>",
        "<meta http-equiv=\"refresh\" content=\"0; URL='javascript:alert(1)'\">",
        "<meta http-equiv=refresh content=\"0;javascript:alert(1)\">",
        "<meta http-equiv=refresh content=\"0;javascript:alert('url=1')\">",
        "<!-- <b title=\" --><img src=x onerror=alert(1)><!-- \" -->",
        "<title><b title=\"</title><img src=x onerror=alert(1)>\"></b></title>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><b title='</textarea><img src=x onerror=alert(1)>'></textarea>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<svg><animate attributeName=href values=javascript:alert(1) /></svg>",
        "<svg><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></svg>",
        "<img srcset=\"a.png 1x, javascript:x 2x\">",
        "<a l:href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"data:text/html,x\"></iframe>"
      })
  void everySpellingOfAHandlerOrScriptLinkIsFound(String tag) {
    assertThat(Verifier.hasHandlerOrScriptLink("<p>before</p>" + tag + "<p>after</p>")).isTrue();
  }

  @ParameterizedTest(name = "not a handler: {0}")
  @ValueSource(
      strings = {
        "<p title=\"a &lt;b onmouseover=alert(1)&gt;\" class='x onclick=y'>x</p>",
        "<p>Calls online = fine, on=time</p>",
        "<a href=\"https://example.org/on?x=javascript:\">x</a>",
        "<a href=\"../../promises/calls/\">calls</a>",
        "<!-- a comment -->",
        "<p data-on=\"x\">x</p>",
        "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/\">",
        "<meta name=\"description\" content=\"How we answer: calls, letters\">",
        "<meta name=description content=\"Set url=data: here\">",
        "<link rel=\"icon\" href=\"data:,\">",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"\">",
        "<!-- <a onclick=x> -->",
        "<title>Calls \"on time\" <a onclick=x></title>"
      })
  void safeMarkupPasses(String tag) {
    assertThat(Verifier.hasHandlerOrScriptLink("<p>before</p>" + tag)).isFalse();
  }

  @Test
  void aPolicyInACommentIsNoPolicy() {
    String page = "<html><head><!-- meta http-equiv=\"Content-Security-Policy\" <b title=\" --></head><body><img src=x onerror=alert(1)></body></html>";
    assertThat(Verifier.checkPage("p.html", page))
        .containsExactly("p.html contains an event handler or a script link", "p.html has no Content-Security-Policy");
  }

  @Test
  void anSvgImageWithAScriptByAnyPrefixOrItsOwnEntitiesIsRefused() {
    assertThat(Verifier.checkImage("a.svg", "<svg><s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(1)</s:script></svg>"))
        .containsExactly("a.svg contains a script");
    assertThat(Verifier.checkImage("a.svg", "<!DOCTYPE svg [<!ENTITY j \"javascript:\">]><svg><a href=\"&j;alert(1)\">x</a></svg>"))
        .containsExactly("a.svg contains an event handler or a script link");
    assertThat(Verifier.checkImage("a.svg", "<?xml-stylesheet href=\"x.css\"?><svg/>"))
        .containsExactly("a.svg contains an event handler or a script link");
    assertThat(Verifier.checkImage("a.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><title>A <b>badge</b></title></svg>"))
        .isEmpty();
  }

  @Test
  void aTagWithThousandsOfAttributesIsReadInOnePass() {
    String tag = "<p " + "a=b ".repeat(20_000) + "onclick=x>";
    assertThat(Verifier.hasHandlerOrScriptLink(tag)).isTrue();
  }

  @Test
  void pagesAreCheckedAsTheyAreWrittenAndMissingFilesAreNamed() throws Exception {
    Path root = Files.createDirectories(dir.resolve("staged"));
    Verifier verifier = new Verifier();
    dev.kept.render.Output out = verifier.watching(path -> Files.newOutputStream(Files.createDirectories(root.resolve(path).getParent()).resolve(root.resolve(path).getFileName())));
    try (var o = out.open("a/index.html")) {
      o.write("<html><body onload=\"x()\"></body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try (var o = out.open("figures/a.csv")) {
      o.write('x');
    }
    Files.createSymbolicLink(root.resolve("out"), Path.of("/etc"));
    assertThat(verifier.finish(root, List.of("a/index.html", "b/index.html"), List.of("figures/a.csv", "figures/b.csv")))
        .containsExactly(
            "a/index.html contains an event handler or a script link",
            "a/index.html has no Content-Security-Policy",
            "b/index.html was not written",
            "figures/b.csv was not written",
            "a link was written to the site: out");
    assertThat(Files.readString(root.resolve("a/index.html"))).as("the page is still written").contains("onload");
  }
}
