package dev.kept.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.model.Finding;
import dev.kept.model.Severity;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-language lint, on a test charter written to trip every rule. */
class LintTest {
  @TempDir Path dir;

  private List<Finding> check(CharterFixture fixture) {
    return Fixtures.check(fixture.writeTo(dir.resolve("charter"))).findings();
  }

  private static CharterFixture promise(String promise, String keptWhen, String remedy) {
    return Fixtures.minimal()
        .with(
            "promises/calls.yaml",
            """
            title: Answering calls
            promise: |
            %s
            unit: calls
            kept_when: %s
            target: 95%%
            since: 2026-07
            not_covered: []
            remedy: %s
            """
                .formatted(promise.indent(2).stripTrailing(), keptWhen, remedy));
  }

  @Test
  void findsEveryHedgingWordAndVagueTimeWithItsPlace() {
    String text =
        "We answer up to 90 calls. Where possible we call back. We aim to reply.\n"
            + "We endeavour to help. We usually answer. We normally answer. We may answer.\n"
            + "We take reasonable care. We act promptly. We reply as soon as possible.\n"
            + "We reply soon. We reply quickly.";
    List<Finding> findings = check(promise(text, "a person answered within 2 minutes", "none"));
    assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING);
    List<String> words =
        findings.stream().map(Finding::message).map(m -> m.replaceAll(".*says '([^']*)'.*", "$1").toLowerCase()).toList();
    assertThat(words)
        .contains(
            "up to", "where possible", "aim to", "endeavour", "usually", "normally", "may",
            "reasonable", "promptly", "as soon as possible", "soon", "quickly");
    assertThat(findings).extracting(f -> f.pos().toString() + " " + f.message())
        .contains(
            "charter/promises/calls.yaml:3:13 'promise' says 'up to', which lets the promise off: say what you will do, with its number",
            "charter/promises/calls.yaml:6:12 'promise' says 'soon', which is not a time: say how long, such as 'within 2 working days'");
    assertThat(findings).allMatch(f -> f.hint().isPresent() && f.rule().orElse("").startsWith("lint:"));
  }

  @Test
  void findsLongSentencesDoubleNegativesHardReadingAndVagueDefinitions() {
    String text =
        "We will answer every single one of the telephone calls that our customers make to our"
            + " contact centre during our published opening hours on weekdays and on Saturdays too.\n"
            + "Our service is not unlike the others.\n"
            + "Notwithstanding contractual obligations, organisational considerations necessitate"
            + " individualised prioritisation methodologies.";
    List<Finding> findings = check(promise(text, "a person answered", "\"-\""));
    assertThat(findings).extracting(f -> f.rule().orElse(""))
        .contains("lint:long-sentence", "lint:double-negative", "lint:reading-grade", "lint:kept-when-number", "lint:remedy-empty");
    assertThat(findings).filteredOn(f -> f.rule().orElse("").equals("lint:long-sentence")).singleElement()
        .extracting(f -> f.pos().toString()).isEqualTo("charter/promises/calls.yaml:3:3");
  }

  @Test
  void rulesCanBeTurnedOffAndWordsAdded() {
    CharterFixture fixture =
        promise("We may answer. We answer pronto.", "a person answered within 2 minutes", "none")
            .with(
                "charter.yaml",
                """
                organisation: Test Water
                title: Our promises
                published: 2026-11-16
                next_update: 2026-12-14
                lint:
                  off: [hedging]
                  vague_time: [pronto]
                """);
    assertThat(check(fixture)).extracting(Finding::message)
        .containsExactly("'promise' says 'pronto', which is not a time: say how long, such as 'within 2 working days'");
  }

  @Test
  void anUnknownRuleIsAnError() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with("charter.yaml", "organisation: Test Water\ntitle: Our promises\npublished: 2026-11-16\nnext_update: 2026-12-14\nlint:\n  off: [hedgeing]\n");
    assertThat(check(fixture)).extracting(Finding::toString)
        .containsExactly("charter/charter.yaml:6:9: error: 'hedgeing' is not a lint rule\n  hint: Did you mean 'hedging'? The rules are: hedging, vague-time, long-sentence, double-negative, reading-grade, kept-when-number, remedy-empty.");
  }

  @Test
  void theExampleCharterHasNoLintWarnings() {
    // Its one finding is H22's, on purpose: a clear miss not yet explained (ExampleCharterTest).
    assertThat(Fixtures.check(Fixtures.exampleCharter()).findings())
        .allMatch(f -> f.rule().equals(java.util.Optional.of("H22")));
  }


  @Test
  void positionsPointAtTheWordInFoldedQuotedAndWrappedValues() {
    CharterFixture fixture =
        Fixtures.minimal()
            .with(
                "promises/calls.yaml",
                "title: Answering calls\n"
                    + "promise: >\n"
                    + "  We answer your call within 2 minutes,\n"
                    + "  and we may call back.\n"
                    + "unit: calls\n"
                    + "kept_when: a person answered within 2 minutes\n"
                    + "target: 95%\n"
                    + "since: 2026-07\n"
                    + "not_covered: []\n"
                    + "remedy: \"We pay \\u00a320 and reply promptly.\"\n");
    assertThat(check(fixture)).extracting(f -> f.pos().toString() + " " + f.message().replaceAll(",.*", ""))
        .containsExactly(
            "charter/promises/calls.yaml:4:10 'promise' says 'may'",
            "charter/promises/calls.yaml:10:36 'remedy' says 'promptly'");
  }

  @Test
  void ordinaryGoodTextIsLeftAlone() {
    String text =
        "From May to September we check every hydrant.\n"
            + "We keep you up to date every 3 hours.\n"
            + "You may claim £20 if we are late.\n"
            + "We do not unblock drains, and the pipe is not under the road.";
    assertThat(check(promise(text, "we wrote to you on the day agreed", "none"))).isEmpty();
  }

  @Test
  void aLongSentenceWrappedOverLinesIsStillOneSentence() {
    String text =
        "We will answer every one of the telephone calls that our customers make to our contact\n"
            + "centre during our published opening hours on weekdays and on Saturdays, and we will\n"
            + "tell you how long you will wait.";
    assertThat(check(promise(text, "a person answered within 2 minutes", "none")))
        .extracting(f -> f.rule().orElse(""))
        .containsExactly("lint:long-sentence");
  }

  @Test
  void wordsCanBeAllowed() {
    CharterFixture fixture =
        promise("We may answer.", "a person answered within 2 minutes", "none")
            .with("charter.yaml", "organisation: Test Water\ntitle: Our promises\npublished: 2026-11-16\nnext_update: 2026-12-14\nlint:\n  allow: [may]\n");
    assertThat(check(fixture)).isEmpty();
  }
}
