package dev.kept.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page is read first without the places of its tags, and again with them only when that finds
 * something ({@link Markup#page}): the answer must be the located reading's ({@link
 * Markup#located}) for every page, clean or not, and the pages Kept writes must take the quick way.
 */
class MarkupTest {
  @TempDir static Path dir;
  private static List<String> pages = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path site = dir.resolve("site");
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, site).build();
    assertThat(outcome.published()).as(outcome.findings().toString()).isTrue();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        pages.add(Files.readString(p));
      }
    }
    assertThat(pages).anyMatch(p -> p.contains("<svg") && p.contains("<title id=\"chart-title\">"));
  }

  /** Snippets that a page may hold: each is put in the body, in the chart's SVG and in the head. */
  private static final List<String> SNIPPETS =
      List.of(
          "<p>plain</p>",
          "<img src=x onerror=alert(1)>",
          "<a href=\"javascript:alert(1)\">x</a>",
          "<script>alert(1)</script>",
          "<noscript><p>x</p></noscript>",
          "<![CDATA[ x ]]>",
          "<p>unclosed",
          "</p></br>",
          "<base href=\"/\">",
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">",
          "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
          // Raw text: the cases the quick reading decides from the page's text.
          "<title>a &lt;b</title>",
          "<title>a<b>x</b></title>",
          // A '>' and the raw text's end tag inside a quoted attribute (review of issue 13).
          "<title data-x=\"></title>\"><b>x</b></title>",
          "<title data-x='></title>'><b>x</b></title>",
          "<title a=b\"c><b></title>\"></title>",
          "<title>a<!-- c --></title>",
          "<title>abc",
          "<title/>x",
          "<TITLE>x</TITLE >",
          "<style>a<b</style>",
          "<style>p{}</style>",
          "<textarea>a</textarea>",
          "<x:title>a</x:title>",
          "<x:title>a<i>b</i></x:title>",
          "<title data-x=\"a>b\">c</title>",
          "<title data-x=\"a<b\">c</title>",
          "<svg><title>t</title></svg>",
          "<svg><title>t</svg>",
          "<svg></p><style><img src=x onerror=alert(1)></style></svg>",
          "<svg><style>a</style><p>x</p></svg>",
          "<math><mi><style>x</style></mi></math>",
          "<!-- <title> --><p>x</p>",
          "<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
          "<xmp>a<b</xmp>",
          "<iframe>a</iframe>",
          "<plaintext>a");

  @Test
  void theQuickReadingAnswersAsTheLocatedOneForEveryPageAndChange() {
    int pagesSeen = 0;
    for (String page : pages) {
      assertThat(Markup.page("p.html", page)).isEqualTo(Markup.located("p.html", page)).isEmpty();
      for (String snippet : SNIPPETS) {
        for (String changed :
            List.of(
                page.replace("</main>", snippet + "</main>"),
                page.replace("</svg>", snippet + "</svg>"),
                page.replace("</head>", snippet + "</head>"),
                page.replace("<body>", "<body>" + snippet))) {
          assertThat(Markup.page("p.html", changed)).as(snippet).isEqualTo(Markup.located("p.html", changed));
          pagesSeen++;
        }
      }
    }
    assertThat(pagesSeen).isGreaterThan(100);
  }

  @Test
  void rawTextWithAnythingButTextBeforeItsEndTagIsLeftToTheLocatedReading() {
    String page = pages.stream().filter(p -> p.contains("<svg")).findFirst().orElseThrow();
    // Each of these is refused only by the raw-text check: the quick reading must not pass it.
    for (String snippet : List.of("<title>a<!-- c --></title>", "<style>a<b</style>")) {
      String changed = page.replace("</svg>", "<g>" + snippet + "</g></svg>");
      assertThat(Markup.located("p.html", changed)).extracting(Problem::kind).contains(Problem.Kind.UNCLEAR);
      assertThat(Markup.page("p.html", changed)).isEqualTo(Markup.located("p.html", changed));
      assertThat(Markup.rawTextAsWrittenIsPlain(changed)).isFalse();
    }
    assertThat(Markup.rawTextAsWrittenIsPlain("<svg><title>abc</svg>")).isFalse();
    assertThat(Markup.rawTextAsWrittenIsPlain("<svg><x:Title>abc</X:TITLE ></svg>")).isTrue();
    assertThat(Markup.rawTextAsWrittenIsPlain("<svg><title>abc</titles></title></svg>")).isFalse();
  }

  @Test
  void thePagesKeptWritesTakeTheQuickWay() {
    for (String page : pages) {
      assertThat(Markup.rawTextAsWrittenIsPlain(page)).isTrue();
    }
  }
}
