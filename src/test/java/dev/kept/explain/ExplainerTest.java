package dev.kept.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPeriod;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import dev.kept.model.Words;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainerTest {
  @TempDir Path dir;

  private ExplainedCharter explain(CharterFixture fixture) {
    Pipeline.Outcome outcome = Fixtures.check(fixture.writeTo(dir.resolve("charter")));
    return outcome.charter().orElseThrow(() -> new AssertionError(outcome.findings()));
  }

  private static CharterFixture oneMonth(String target, String row) {
    return Fixtures.minimal()
        .with(
            CharterFixture.of(
                """
                -- promises/calls.yaml --
                title: Answering calls
                promise: We answer your call within 2 minutes.
                unit: calls
                kept_when: a person answered within 2 minutes
                target: %s
                since: 2026-10
                not_covered: []
                remedy: none
                -- figures/calls.csv --
                period,cases,kept,excluded,note
                %s
                """
                    .formatted(target, row)));
  }

  private Words october(CharterFixture fixture) {
    return Fixtures.records(explain(fixture)).get(0).periods().get(0).words();
  }

  @Test
  void h10_theMissedNarrowlySentence() {
    Words w = october(oneMonth("95%", "2026-10,10000,9496,0,"));
    assertThat(w.sentence())
        .isEqualTo(
            "In October 2026, we kept this promise for 9,496 of 10,000 calls (94.96%): a person"
                + " answered within 2 minutes. The target was 95%. We missed it narrowly: the gap is small enough to"
                + " be normal variation (likely range 94.5% to 95.4%). We missed it by 4 calls: 9,500 of 10,000"
                + " would have met 95%.");
    assertThat(w.rate().orElseThrow().figure()).isEqualTo("94.96%");
  }

  @Test
  void h10_theMetClearlySentence() {
    assertThat(october(oneMonth("95%", "2026-10,10000,9900,0,")).sentence())
        .endsWith("We met it, by more than normal variation would explain (likely range 98.7% to 99.2%). We met"
            + " it with 400 calls to spare.");
  }

  @Test
  void h8_aMissOnFewCasesSaysHowFew() {
    assertThat(october(oneMonth("95%", "2026-10,12,10,0,")).sentence())
        .endsWith("We missed it narrowly: the gap is small enough to be normal variation (likely range"
            + " 55.1% to 95.4%). We missed it by 2 calls: 12 of 12 would have reached 95%. This is based on"
            + " only 12 calls.");
    assertThat(october(oneMonth("95%", "2026-10,72,0,0,")).sentence())
        .contains("We missed it, by more than normal variation would explain")
        .endsWith("This is based on only 72 calls.");
  }

  @Test
  void h8_aSuccessOnFewCasesIsTooFewToTell() {
    assertThat(october(oneMonth("95%", "2026-10,40,40,0,")).sentence())
        .contains("40 calls are too few to tell: we need at least 73 to judge a 95% target");
  }

  @Test
  void h9_noCasesReadsNoCases() {
    Words w = october(oneMonth("95%", "2026-10,0,0,0,"));
    assertThat(w.sentence()).isEqualTo("No cases in October 2026: there were no calls to count.");
    assertThat(w).isInstanceOf(Words.NoCases.class);
    assertThat(w.rate()).isEmpty();
  }

  @Test
  void h11_aGapSaysWhy() {
    Words w = october(oneMonth("95%", "2026-10,,,,our phone system failed"));
    assertThat(w.sentence()).isEqualTo("No figures for October 2026. Our phone system failed.");
  }

  @Test
  void h12_exclusionsAreDisclosedWithTheirStressTest() {
    CharterFixture fixture =
        oneMonth("90%", "2026-10,1000,920,80,")
            .with(
                "promises/calls.yaml",
                """
                title: Answering calls
                promise: We answer your call within 2 minutes.
                unit: calls
                kept_when: a person answered within 2 minutes
                target: 90%
                since: 2026-10
                not_covered: []
                exclusions:
                  hung-up: Callers who hung up within 10 seconds.
                remedy: none
                """);
    assertThat(october(fixture).exclusions())
        .contains(
            "We left out 80 of 1,080 calls (7.4%) for the reasons we publish. Counting them as not"
                + " kept, 920 of 1,080 calls (85.2%) were kept. We flag this because counting them"
                + " as not kept would mean the target was missed.");
  }

  /** H10: no loaded words; H4: every figure with its denominator. Checked on the example charter. */
  @Test
  void h10_h4_everySentenceOfTheExampleIsPlainAndShowsItsDenominator() {
    Pipeline.Outcome outcome = Fixtures.check(Fixtures.exampleCharter());
    ExplainedCharter charter = outcome.charter().orElseThrow();
    List<String> sentences = new ArrayList<>(List.of(charter.summary()));
    for (dev.kept.model.PromiseRecord r : Fixtures.records(charter)) {
      ExplainedPromise p = r.explained();
      sentences.add(p.statusSentence());
      p.headline().ifPresent(h -> sentences.add(h.words().sentence() + " " + h.words().exclusions().orElse("")));
      for (ExplainedPeriod period : r.periods()) {
        sentences.add(period.words().sentence() + " " + period.words().exclusions().orElse(""));
      }
    }
    Pattern loaded = Pattern.compile("\\b(only|best|worst|just|great)\\b", Pattern.CASE_INSENSITIVE);
    Pattern percent = Pattern.compile("\\(([0-9.,]+%)\\)");
    for (String s : sentences) {
      String allowed = s.replace("based on only", "").replace("just under", "");
      assertThat(loaded.matcher(allowed).find()).as("H10 loaded word in: %s", s).isFalse();
      // Each rate in brackets follows its "k of n unit".
      var m = percent.matcher(s);
      while (m.find()) {
        String before = s.substring(0, m.start());
        assertThat(before).as("H4 denominator before %s in: %s", m.group(1), s).containsPattern("[0-9,]+ of [0-9,]+ \\w+ $");
      }
    }
    assertThat(sentences).hasSizeGreaterThan(200);
  }
}
