package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 12: whether a finding stops a build is asked of the finding. */
class FindingTest {
  @Test
  void anErrorIsAnErrorAndAWarningIsNot() {
    SourcePos pos = new SourcePos("charter.yaml", 1, 1);
    assertThat(new Finding(Severity.ERROR, pos, "m", Optional.empty(), Optional.empty()).isError()).isTrue();
    assertThat(new Finding(Severity.WARNING, pos, "m", Optional.empty(), Optional.empty()).isError()).isFalse();
  }

  @Test
  void anInvisibleCharacterIsShownWithUpperCaseHexUnderATurkishDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(Finding.visible("a\u001Bb\u202Ec")).isEqualTo("a\\u001Bb\\u202Ec");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
