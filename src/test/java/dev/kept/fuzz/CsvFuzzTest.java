package dev.kept.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kept.load.CsvTable;
import dev.kept.load.LoadAccess;
import dev.kept.load.RawCharter.PromiseFile;
import dev.kept.model.Findings;
import dev.kept.model.Promise;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import dev.kept.validate.ValidateAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes a figures file: bytes decoded as Kept decodes a file, read by {@code CsvReader}, then
 * checked by {@code FiguresReader} twice: against a real promise (since 2026-07, exclusion reasons
 * declared) and against the stand-in used when the promise file could not be read.
 *
 * <p>Property: nothing throws; every finding has a line and column inside the file. Seeds: {@code
 * CsvFuzzTestInputs/figuresFile/}.
 */
class CsvFuzzTest {
  private static final String FILE = "charter/figures/calls.csv";

  /** The minimal charter's promise, with two exclusion reasons, read once. */
  private static final Promise PROMISE = promise();

  private static Promise promise() {
    String yaml =
        CharterFixture.of(Fixtures.MINIMAL).section("promises/calls.yaml")
            + "exclusions:\n  moved: The customer moved away\n  wrong-number: Not our customer\n";
    Findings findings = new Findings();
    Promise p =
        LoadAccess.yaml(yaml, "charter/promises/calls.yaml", findings)
            .flatMap(tree -> ValidateAccess.promise(
                new PromiseFile("calls", "charter/promises/calls.yaml", tree), Fixtures.BUILD_DATE, findings))
            .orElseThrow(() -> new AssertionError("the test promise does not read: " + findings.all()));
    assertThat(findings.all()).as("the test promise reads cleanly").isEmpty();
    return p;
  }

  @FuzzTest(maxDuration = "10m")
  void figuresFile(byte[] data) throws Throwable {
    Budget.within(java.time.Duration.ofSeconds(10), () -> figuresFileOnce(data));
  }

  private void figuresFileOnce(byte[] data) {
    Findings read = new Findings();
    Optional<CsvTable> table = LoadAccess.csv(data, FILE, read);
    assertThat(table.isPresent()).as("a table exactly when there is no error: %s", read.all())
        .isEqualTo(!read.hasErrors());
    Map<String, String> texts = new HashMap<>();
    texts.put(FILE, YamlFuzzTest.text(data));
    Located.assertLocated(read.all(), texts, false);
    if (table.isPresent()) {
      Findings real = new Findings();
      ValidateAccess.figures(table.get(), PROMISE, Fixtures.BUILD_DATE, real);
      Located.assertLocated(real.all(), texts, false);
      Findings standIn = new Findings();
      ValidateAccess.figures(
          table.get(), ValidateAccess.standIn("calls", table.get()), Fixtures.BUILD_DATE, standIn);
      Located.assertLocated(standIn.all(), texts, false);
    }
  }
}
