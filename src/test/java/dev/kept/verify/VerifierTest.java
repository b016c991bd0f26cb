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

  /** A page of the built-in layout's shape, with {@code head} after the policy and {@code body}. */
  private static String page(String beforePolicy, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + beforePolicy
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Verifier.POLICY + "\">\n" + head
        + "<title>t</title>\n</head>\n<body>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n";
  }

  @ParameterizedTest(name = "read as Chromium reads it: {0}")
  @ValueSource(
      strings = {
        "<!--><script>alert(1)</script>-->",
        "<!---><script>alert(1)</script>-->",
        "<!-- x --!><script>alert(1)</script>-->",
        "<![CDATA[><img src=x onerror=alert(1)>]]>",
        "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
        "<svg><title><script>alert(1)</script></title></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<svg></p><style><a title=\"</style><img src=x onerror=alert(1)>\">x</a></style></svg>",
        "<math><style><img src=x onerror=alert(1)></style></math>",
        "<math><annotation-xml encoding=\"text/html\"><style><img title=\"</style><img src=x onerror=alert(1)>\"></style></annotation-xml></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>",
        "<select><option>a</option><img src=x onerror=alert(1)></select>",
        "<table><img src=x onerror=alert(1)></table>",
        "<template><script>alert(1)</script></template>",
        "<script>x</script ><p>x</p>",
        "<xmp><b title=\"</xmp><img src=x onerror=alert(1)>\"></b></xmp>",
        "<noembed><b title=\"</noembed><img src=x onerror=alert(1)>\"></b></noembed>",
        "<iframe><b title=\"</iframe><img src=x onerror=alert(1)>\"></b></iframe>",
        "<?x ><img src=x onerror=alert(1)> ?>",
        "<!x ><img src=x onerror=alert(1)>",
        "<p>a\u0000</p>",
        "<embed src=\"javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<a href=\" java\tscript:alert(1)\">x</a>"
      })
  void markupBrowsersRunOrReadOtherwiseIsRefused(String markup) {
    String html = page("", "", "<p>before</p>" + markup + "<p>after</p>");
    assertThat(Verifier.pageProblems("p.html", html)).as(markup).isNotEmpty();
    assertThat(Verifier.hasHandlerOrScriptLink(html)).as(markup).isTrue();
  }

  @Test
  void aTagWithMoreAttributesThanJsoupKeepsIsRefused() {
    String tag = "<img src=x " + java.util.stream.IntStream.range(0, 600).mapToObj(i -> "a" + i + "=1 ").collect(java.util.stream.Collectors.joining()) + "onerror=alert(1)>";
    assertThat(Verifier.checkPage("p.html", page("", "", tag)))
        .containsExactly("p.html has markup a browser may read otherwise than Kept's check");
  }

  @Test
  void thePolicyMustBeKeptsExactlyAndFirstInTheHead() {
    String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Verifier.POLICY + "\">\n";
    assertThat(Verifier.checkPage("p.html", page("", "", "<p>x</p>"))).isEmpty();
    assertThat(Verifier.checkPage("p.html", page("", "", "<p>x</p>").replace("<meta charset=\"utf-8\">\n", "")))
        .as("first, with no charset before it").isEmpty();
    assertThat(Verifier.pageProblems("p.html", page("<meta name=\"viewport\" content=\"width=device-width\">\n", "", "<p>x</p>")))
        .extracting(Problem::detail)
        .containsExactly("<meta> comes before the Content-Security-Policy <meta>, which must be the first element of <head> (after <meta charset=\"utf-8\">)");
    assertThat(Verifier.pageProblems("p.html", page("", "", "<p>x</p>").replace("style-src 'self'", "style-src 'self'; script-src 'unsafe-inline'")))
        .extracting(Problem::kind).containsExactly(Problem.Kind.POLICY);
    assertThat(Verifier.pageProblems("p.html", page("", policy.replace("form-action 'none'", "form-action 'self'"), "<p>x</p>")))
        .extracting(Problem::detail).containsExactly("a second Content-Security-Policy <meta>");
    assertThat(Verifier.checkPage("p.html", page("", "", "<p>x</p>").replace(policy, "").replace("<main>", "<main>" + policy)))
        .as("in the body").containsExactly("p.html has no Content-Security-Policy");
    assertThat(Verifier.checkPage("p.html", page("x", "", "<p>x</p>")))
        .as("text before it ends the head, and the </head> after it is a parse error")
        .containsExactly("p.html has markup a browser may read otherwise than Kept's check", "p.html has no Content-Security-Policy");
    assertThat(Verifier.checkPage("p.html", page("", "", "<p>x</p>").replace("utf-8", "iso-2022-jp")))
        .containsExactly("p.html has markup a browser may read otherwise than Kept's check");
  }

  @Test
  void aProblemHasItsPlaceInThePageAndTextToFindItByInATemplate() {
    String html = page("", "", "  <p>Hello</p><img src=x onerror=alert(1)>");
    Problem problem = Verifier.pageProblems("p.html", html).get(0);
    assertThat(problem.kind()).isEqualTo(Problem.Kind.UNSAFE);
    assertThat(problem.line()).isEqualTo(10);
    assertThat(problem.column()).as("at the attribute").isEqualTo(26);
    assertThat(problem.clues()).containsExactly("<p>Hello</p><img src=x onerror=alert(1)", "onerror=alert(1)", "onerror=");
  }

  @Test
  void theBuiltInLayoutWritesKeptsPolicyFirstAfterTheCharset() throws Exception {
    assertThat(Files.readString(Path.of("templates/layout.ftlh")))
        .contains("<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"" + Verifier.POLICY + "\">\n");
  }
}
