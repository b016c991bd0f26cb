package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11: a formula behind an invisible character or in fullwidth form is still a formula. */
class CellsTest {
  @Test
  void asciiFormulasAreNeutralised() {
    for (String s : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
      assertThat(Cells.neutralise(s)).as(s).isEqualTo("'" + s);
    }
    assertThat(Cells.neutralise("")).isEmpty();
    assertThat(Cells.neutralise("Phones down")).isEqualTo("Phones down");
    assertThat(Cells.neutralise("95%")).isEqualTo("95%");
  }

  @Test
  void aFormulaBehindASpaceAZeroWidthCharacterOrABomIsNeutralised() {
    for (String before : new String[] {" ", "\u00A0", "\u202F", "\u2000", "\u2007", "\u200A", "\u205F",
        "\u3000", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", " \u00A0\uFEFF"}) {
      for (String formula : new String[] {"=1", "+1", "-1", "@A1", "\t", "\r"}) {
        String cell = before + formula;
        assertThat(Cells.neutralise(cell)).as("U+%04X %s", (int) before.charAt(0), formula).isEqualTo("'" + cell);
      }
    }
  }

  @Test
  void fullwidthAndSmallSignsAreFormulas() {
    for (String s : new String[] {"\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20A1", "\uFE661", "\uFE621", "\uFE631", "\uFE6BA1", "\u22121", "\u3000\uFF1D1"}) {
      assertThat(Cells.neutralise(s)).as(s).isEqualTo("'" + s);
    }
  }

  @Test
  void textThatOnlyContainsASignLaterIsLeftAlone() {
    assertThat(Cells.neutralise("Storm = no power")).isEqualTo("Storm = no power");
    assertThat(Cells.neutralise("\u00A0Storm")).isEqualTo("\u00A0Storm");
    assertThat(Cells.neutralise("'=1")).isEqualTo("'=1");
  }
}
