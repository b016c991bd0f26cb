package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.model.ExplainedCharter;
import dev.kept.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering parts of a site on their own, as the preview does. */
class SiteRendererTest {
  @TempDir Path dir;

  private ExplainedCharter charter() {
    return Fixtures.check(Fixtures.exampleCharter()).charter().orElseThrow();
  }

  /** An output that keeps what is written, and wants only the pages {@code wanted} names. */
  private static Output keeping(Map<String, String> files, java.util.function.Predicate<String> wanted) {
    return new Output() {
      @Override
      public OutputStream open(String path) {
        return new ByteArrayOutputStream() {
          @Override
          public void close() {
            files.put(path, toString(java.nio.charset.StandardCharsets.UTF_8));
          }
        };
      }

      @Override
      public boolean wants(String path) {
        return wanted.test(path);
      }
    };
  }

  @Test
  void anOutputThatWantsOnePageGetsThatPageAsAWholeSiteHasIt() throws Exception {
    ExplainedCharter charter = charter();
    SiteRenderer.Site site = new SiteRenderer(Theme.builtIn()).begin(charter);
    Map<String, String> whole = new TreeMap<>();
    site.finish(keeping(whole, path -> true));
    Map<String, String> one = new TreeMap<>();
    site.finish(keeping(one, "how-we-measure/index.html"::equals));

    assertThat(whole).containsKeys("index.html", "feed.xml", "retired/index.html", "404.html", "how-we-measure/index.html");
    assertThat(one).containsEntry("how-we-measure/index.html", whole.get("how-we-measure/index.html"));
    assertThat(one).doesNotContainKeys("index.html", "feed.xml", "retired/index.html", "404.html", "sitemap.xml");
  }

  @Test
  void aSiteBegunFromAnEarlierOneReusesTheCardsOfUnchangedPromisesAndMakesTheSamePages() throws Exception {
    ExplainedCharter charter = charter();
    SiteRenderer renderer = new SiteRenderer(Theme.builtIn());
    SiteRenderer.Site earlier = renderer.begin(charter);
    Map<String, String> fresh = new TreeMap<>();
    renderer.begin(charter).finish(keeping(fresh, path -> true));
    Map<String, String> reusing = new TreeMap<>();
    SiteRenderer.Site reused = renderer.begin(charter, earlier);
    reused.finish(keeping(reusing, path -> true));
    assertThat(reusing).isEqualTo(fresh);
    for (var p : charter.promises()) {
      String id = p.promise().id();
      assertThat(reused.cardOf(id)).as(id).isNotNull().isSameAs(earlier.cardOf(id));
      assertThat(renderer.begin(charter).cardOf(id)).as(id).isNotSameAs(earlier.cardOf(id));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SiteRenderer(Theme.builtIn()).begin(charter, earlier))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
