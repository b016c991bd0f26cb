package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every address of the site made, and read back, in one place (issue 12). */
class SitePathsTest {
  @Test
  void makesEachKindOfPathOfTheSite() {
    assertThat(SitePaths.promiseUrl("answer-calls")).isEqualTo("promises/answer-calls/");
    assertThat(SitePaths.promisePage("answer-calls")).isEqualTo("promises/answer-calls/index.html");
    assertThat(SitePaths.badge("answer-calls")).isEqualTo("promises/answer-calls/badge.svg");
    assertThat(SitePaths.periodUrl("answer-calls", "2025-01")).isEqualTo("promises/answer-calls/#p-2025-01");
    assertThat(SitePaths.figures("answer-calls")).isEqualTo("figures/answer-calls.csv");
    assertThat(SitePaths.groupUrl("your-water")).isEqualTo("groups/your-water/");
    assertThat(SitePaths.groupPage("your-water")).isEqualTo("groups/your-water/index.html");
    assertThat(SitePaths.methodPage()).isEqualTo("how-we-measure/index.html");
    assertThat(SitePaths.retiredPage()).isEqualTo("retired/index.html");
    assertThat(SitePaths.asset("kept.css")).isEqualTo("assets/kept.css");
    assertThat(SitePaths.page("")).isEqualTo(SitePaths.INDEX);
  }

  @Test
  void aPagesUrlAndFileAreEachOthers() {
    for (String url : new String[] {"", "promises/a/", "groups/g/", SitePaths.METHOD_URL, SitePaths.RETIRED_URL}) {
      assertThat(SitePaths.url(SitePaths.page(url))).isEqualTo(url);
    }
    assertThat(SitePaths.url("feed.xml")).isEqualTo("feed.xml");
  }

  @Test
  void readsBackThePromiseAFileBelongsTo() {
    assertThat(SitePaths.promiseOf(SitePaths.promisePage("calls"))).contains("calls");
    assertThat(SitePaths.promiseOf(SitePaths.badge("calls"))).contains("calls");
    assertThat(SitePaths.promiseOf(SitePaths.figures("calls"))).contains("calls");
    assertThat(SitePaths.promiseOf("promises/")).isEmpty();
    assertThat(SitePaths.promiseOf("promises/calls")).isEmpty();
    assertThat(SitePaths.promiseOf("figures/.csv")).isEmpty();
    assertThat(SitePaths.promiseOf("figures/a/b.csv")).isEmpty();
    assertThat(SitePaths.promiseOf("groups/g/index.html")).isEmpty();
    assertThat(SitePaths.promiseOf("index.html")).isEmpty();
  }

  @Test
  void knowsWhichPathsArePageFoldersWithoutTheirSlash() {
    assertThat(SitePaths.folderPage("promises/calls")).contains("promises/calls/index.html");
    assertThat(SitePaths.folderPage("groups/g")).contains("groups/g/index.html");
    assertThat(SitePaths.folderPage("how-we-measure")).contains("how-we-measure/index.html");
    assertThat(SitePaths.folderPage("retired")).contains("retired/index.html");
    // a file, not a folder, whatever its name: no guessing by a dot
    assertThat(SitePaths.folderPage("robots.txt")).isEmpty();
    assertThat(SitePaths.folderPage("assets")).isEmpty();
    assertThat(SitePaths.folderPage("promises")).isEmpty();
    assertThat(SitePaths.folderPage("promises/calls/badge.svg")).isEmpty();
    assertThat(SitePaths.folderPage("promises/v1.2")).contains("promises/v1.2/index.html");
  }

  @Test
  void readsBackAnAssetsName() {
    assertThat(SitePaths.assetOf("assets/kept.css")).contains("kept.css");
    assertThat(SitePaths.assetOf("assets/")).isEmpty();
    assertThat(SitePaths.assetOf("kept.css")).isEmpty();
  }

  @Test
  void theWayBackToTheRootIsOneStepPerFolder() {
    assertThat(SitePaths.rootOf("")).isEqualTo("./");
    assertThat(SitePaths.rootOf(SitePaths.METHOD_URL)).isEqualTo("../");
    assertThat(SitePaths.rootOf(SitePaths.RETIRED_URL)).isEqualTo("../");
    assertThat(SitePaths.rootOf(SitePaths.promiseUrl("answer-calls"))).isEqualTo("../../");
    assertThat(SitePaths.rootOf(SitePaths.groupUrl("calls"))).isEqualTo("../../");
  }
}
