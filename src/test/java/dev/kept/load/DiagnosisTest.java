package dev.kept.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kept.model.Finding;
import dev.kept.model.Findings;
import org.junit.jupiter.api.Test;

/** Issue 12: a plainer account of a YAML mistake is a record, not four strings. */
class DiagnosisTest {
  @Test
  void aDiagnosisIsReportedAsAnErrorAtItsLineAndColumnWithItsHint() {
    Findings findings = new Findings();
    new Diagnosis(3, 7, "a space is missing after the colon", "Write 'key: value'.").reportIn("promises/calls.yaml", findings);
    assertThat(findings.all()).singleElement().satisfies(f -> {
      assertThat(f.isError()).isTrue();
      assertThat(f.toString())
          .isEqualTo("promises/calls.yaml:3:7: error: a space is missing after the colon\n  hint: Write 'key: value'.");
    });
  }

  @Test
  void aDiagnosisIsAtLineAndColumnOneOrLater() {
    assertThatThrownBy(() -> new Diagnosis(0, 1, "m", "h")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Diagnosis(1, 0, "m", "h")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReaderDiagnosesAMissingSpaceAfterAColonAtItsPlace() {
    Findings findings = new Findings();
    assertThat(new YamlReader(Limits.DEFAULT).read("title: Calls\nowner:Team\n  x: [\n", "p.yaml", findings)).isEmpty();
    assertThat(findings.all()).extracting(Finding::headline)
        .containsExactly("p.yaml:2:6: error: a space is missing after the colon");
  }
}
