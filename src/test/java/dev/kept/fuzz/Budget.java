package dev.kept.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;

/**
 * The fuzz tests' "it finishes" property: one input must be done within a time budget.
 *
 * <p>On the seed corpus (a plain {@code mvn verify}) the input runs under {@link
 * org.junit.jupiter.api.Assertions#assertTimeoutPreemptively}, so a hang fails the test instead of
 * stalling the build. While fuzzing ({@code JAZZER_FUZZ} set) it runs on the fuzzer's thread, where
 * coverage is recorded; a hang is then caught by libFuzzer's own per-input timeout, and a slow input
 * that does finish still fails here. (A JUnit {@code @Timeout} would not do: while fuzzing it would
 * time the whole fuzzing run as one invocation.)
 */
final class Budget {
  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();

  private Budget() {}

  static void within(Duration budget, Executable input) throws Throwable {
    if (!FUZZING) {
      assertTimeoutPreemptively(budget, input);
      return;
    }
    long start = System.nanoTime();
    input.execute();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("time for one input").isLessThanOrEqualTo(budget);
  }
}
