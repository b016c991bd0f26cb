package dev.kept.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.Finding;
import dev.kept.model.Severity;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The honesty rules' conditions on the data, each enforced by check with the rule it cites. */
class HonestyDataRulesTest {
  @TempDir Path dir;

  private List<Finding> check(CharterFixture fixture) {
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    return outcome.findings();
  }

  private List<Finding> figures(String csv) {
    return check(Fixtures.minimal().with("figures/calls.csv", csv));
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(f -> f.rule().orElse("-")).toList();
  }

  @Test
  void h1_impossibleCountsFailWithTheirPlace() {
    List<Finding> f =
        figures("period,cases,kept,excluded,note\n2026-07,100,101,0,\n2026-08,100,-1,0,\n2026-09,100,9,-3,\n2026-10,100,1,0,\n");
    assertThat(rules(f)).containsExactly("H1", "H1", "H1");
    assertThat(f.get(0).headline()).isEqualTo("charter/figures/calls.csv:2:13: error: 101 kept is more than the 100 cases counted");
  }

  @Test
  void h1_noCasesIsNotAnError() {
    assertThat(figures("period,cases,kept,excluded,note\n2026-07,0,0,0,\n2026-08,100,97,0,\n2026-09,100,94,0,\n2026-10,100,99,0,\n")).isEmpty();
  }

  @Test
  void h1_aTargetMustBeAboveZeroAndAtMost100() {
    for (String target : List.of("0%", "100.1%", "-5%", "95", "abc")) {
      List<Finding> f =
          check(Fixtures.minimal().with("promises/calls.yaml", Fixtures.MINIMAL.substring(Fixtures.MINIMAL.indexOf("title: Answering"), Fixtures.MINIMAL.indexOf("-- figures")).replace("target: 95%", "target: " + target)));
      assertThat(rules(f)).as(target).containsExactly("H1");
    }
  }

  @Test
  void h1_periodsAppearOnceAndNeverInTheFuture() {
    List<Finding> f =
        figures("period,cases,kept,excluded,note\n2026-07,1,1,0,\n2026-07,1,1,0,\n2026-08,1,1,0,\n2026-09,1,1,0,\n2026-10,1,1,0,\n2027-01,1,1,0,\n");
    assertThat(rules(f)).containsExactly("H1", "H1");
  }

  @Test
  void h11_anUndeclaredGapFailsAndADeclaredOneNeedsItsReason() {
    assertThat(rules(figures("period,cases,kept,excluded,note\n2026-07,1,1,0,\n2026-09,1,1,0,\n2026-10,1,1,0,\n")))
        .containsExactly("H11");
    assertThat(rules(figures("period,cases,kept,excluded,note\n2026-07,1,1,0,\n2026-08,,,,\n2026-09,1,1,0,\n2026-10,1,1,0,\n")))
        .containsExactly("H11");
    assertThat(figures("period,cases,kept,excluded,note\n2026-07,1,1,0,\n2026-08,,,,Phones were down\n2026-09,1,1,0,\n2026-10,1,1,0,\n"))
        .isEmpty();
  }

  @Test
  void h11_theFirstMonthsAreNotSkippedSilently() {
    assertThat(figures("period,cases,kept,excluded,note\n2026-09,1,1,0,\n2026-10,1,1,0,\n"))
        .extracting(Finding::headline)
        .containsExactly("charter/figures/calls.csv:2:1: error: no row for 2026-07 to 2026-08; the promise starts in 2026-07");
  }

  @Test
  void h12_everyExcludedCaseNeedsAPublishedReason() {
    assertThat(rules(figures("period,cases,kept,excluded,note\n2026-07,1,1,5,\n2026-08,1,1,0,\n2026-09,1,1,0,\n2026-10,1,1,0,\n")))
        .containsExactly("H12");
  }

  @Test
  void h15_aChangedTargetNeedsAReasonAndDateOrder() {
    String promise =
        """
        title: Answering calls
        promise: We answer your call within 2 minutes.
        unit: calls
        kept_when: a person answered within 2 minutes
        since: 2026-07
        targets:
          - from: 2026-07
            target: 95%
          - from: 2026-09
            target: 90%
          - from: 2026-08
            target: 92%
            reason: typo
        not_covered: []
        remedy: none
        """;
    assertThat(rules(check(Fixtures.minimal().with("promises/calls.yaml", promise)))).containsExactly("H15", "H15");
  }

  @Test
  void h16_aRetiredPromiseSaysWhenAndWhyAndHasNoLaterFigures() {
    String promise =
        """
        title: Answering calls
        status: retired
        retired:
          on: 2026-08-31
          reason: Replaced by web chat.
        promise: We answer your call within 2 minutes.
        unit: calls
        kept_when: a person answered within 2 minutes
        target: 95%
        since: 2026-07
        not_covered: []
        remedy: none
        """;
    List<Finding> f = check(Fixtures.minimal().with("promises/calls.yaml", promise));
    assertThat(rules(f)).containsExactly("H16", "H16");
    assertThat(f.get(0).headline()).contains("the period 2026-09 starts after the promise was retired on 2026-08-31");
  }

  @Test
  void h18_nothingIsPublishedForPeriodsAfterThePublishedDate() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "charter.yaml",
                "organisation: Test Water\ntitle: Our promises\npublished: 2026-09-30\nnext_update: 2026-12-14\n");
    List<Finding> f = check(fixture);
    assertThat(rules(f)).containsExactly("H18");
    assertThat(f.get(0).headline())
        .isEqualTo("charter/figures/calls.csv:5:1: error: the period 2026-10 starts after the charter's published date, 2026-09-30");
  }

  @Test
  void h14_promisesKeepTheCharterOrderAndAnUnlistedOneIsWarnedAbout() throws Exception {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                CharterFixture.of(
                    """
                    -- charter.yaml --
                    organisation: Test Water
                    title: Our promises
                    published: 2026-11-16
                    next_update: 2026-12-14
                    order:
                      - zebra
                      - calls
                    -- promises/zebra.yaml --
                    title: Zebra crossings
                    promise: We paint them.
                    measure: none
                    not_covered: []
                    remedy: none
                    -- promises/apples.yaml --
                    title: Apples
                    promise: We grow them.
                    measure: none
                    not_covered: []
                    remedy: none
                    """));
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    assertThat(outcome.charter().orElseThrow().promises())
        .extracting(p -> p.promise().id())
        .containsExactly("zebra", "calls", "apples");
    assertThat(outcome.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.headline()).isEqualTo("charter/promises/apples.yaml: warning: the promise 'apples' is not in the charter's 'order', so it is listed last");
    });
  }

  @Test
  void h19_aPromiseThatIsNotMeasuredMayNotCarryFigures() {
    String promise = "title: Calls\npromise: We answer.\nmeasure: none\nnot_covered: []\nremedy: none\n";
    assertThat(rules(check(Fixtures.minimal().with("promises/calls.yaml", promise)))).containsExactly("H19");
  }
}
