package dev.kept.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.cli.MainTest.Run;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's messages, as the command line prints them with their hints: a suggested id, one error
 * per typo, rows before 'since' reported at 'since', and the warning for a comment that cuts a value
 * readers see (an error under --strict). The bad-input corpus holds the same cases' first lines.
 */
class MessagesTest {
  @TempDir Path dir;

  private Path charter(String from, String to) throws Exception {
    return CharterFixture.of(Fixtures.MINIMAL.replace(from, to)).writeTo(dir.resolve("charter"));
  }

  private static Run check(Path charter, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "check";
    args[1] = "--charter";
    args[2] = charter.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    Run r = MainTest.run(args);
    String prefix = charter.getParent() + "/";
    return new Run(r.code(), r.out().replace(prefix, ""), r.err().replace(prefix, ""));
  }

  @Test
  void anInvalidIdGetsAValidOneSuggested() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Run made = MainTest.run("new", "promise", "Fix Leaks", "--charter", charter.toString());
    assertThat(made.code()).isEqualTo(ExitCode.USAGE);
    assertThat(made.err()).contains("'Fix Leaks' is not a valid promise id").endsWith("Try: kept new promise fix-leaks\n");

    Files.copy(charter.resolve("promises/calls.yaml"), charter.resolve("promises/Fix Leaks.yaml"));
    assertThat(check(charter).err())
        .contains("'Fix Leaks' is not a valid promise id")
        .contains("for example fix-leaks.yaml.");
  }

  @Test
  void anInvalidIdInOrderGetsTheIdItMeant() throws Exception {
    Path charter = charter("next_update: 2026-12-14\n", "next_update: 2026-12-14\norder: [Calls.yaml]\n");
    Run r = check(charter);
    assertThat(r.code()).isEqualTo(ExitCode.CHARTER_ERRORS);
    assertThat(r.err())
        .contains("'Calls.yaml' in 'order' is not a promise id")
        .contains("hint: Did you mean 'calls'? Write the id alone");
  }

  @Test
  void rowsBeforeSinceAreOneErrorAtSinceWithTheFix() throws Exception {
    Run r = check(charter("since: 2026-07", "since: 2026-09"));
    assertThat(r.code()).isEqualTo(ExitCode.CHARTER_ERRORS);
    assertThat(r.err().lines().filter(l -> l.contains(": error: ")))
        .containsExactly(
            "charter/promises/calls.yaml:6:8: error: the promise starts in 2026-09, but figures/calls.csv"
                + " has 2 rows before it, from 2026-07 (lines 2-3)");
    assertThat(r.err()).contains("hint: If the promise applied from 2026-07, write 2026-07 here; if not, remove those rows from figures/calls.csv.");
  }

  @Test
  void aMisspeltKeptWhenOnAPromiseWithDatedTargetsIsOneError() throws Exception {
    Run r =
        check(
            charter(
                "kept_when: a person answered within 2 minutes\ntarget: 95%\nsince: 2026-07\n",
                "kept_whn: a person answered within 2 minutes\ntargets:\n  - from: 2026-07\n    target: 90%\n"
                    + "  - from: 2026-09\n    target: 95%\n    reason: More staff.\n"));
    assertThat(r.err().lines().filter(l -> l.contains(": error: ")))
        .containsExactly("charter/promises/calls.yaml:4:1: error: unknown key 'kept_whn' in a promise");
    assertThat(r.err()).contains("hint: Did you mean 'kept_when'?");
  }

  @Test
  void aCommentThatCutsAValueReadersSeeIsAWarningAndAnErrorUnderStrict() throws Exception {
    Path charter = charter("remedy: none", "remedy: a £20 credit #goodwill");
    Run r = check(charter);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "charter/promises/calls.yaml:8:22: warning: the comment '#goodwill' cuts off the value of"
                + " 'remedy': readers see only 'a £20 credit'")
        .contains("put the whole value in double quotes: \"a £20 credit #goodwill\"");
    Run strict = check(charter, "--strict");
    assertThat(strict.code()).isEqualTo(ExitCode.CHARTER_ERRORS);
    assertThat(strict.err()).contains("calls.yaml:8:22: warning: the comment '#goodwill' cuts off");

    // Quoted, the '#' is text: nothing to warn about.
    Files.writeString(
        charter.resolve("promises/calls.yaml"),
        Files.readString(charter.resolve("promises/calls.yaml")).replace("a £20 credit #goodwill", "\"a £20 credit #goodwill\""));
    Run quoted = check(charter, "--strict");
    assertThat(quoted.code()).as(quoted.err()).isZero();
    assertThat(quoted.err()).doesNotContain("comment");
  }
}
