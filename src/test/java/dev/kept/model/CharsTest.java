package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11: the characters no text in a charter may hold, whatever their spelling. */
class CharsTest {
  private static Optional<Integer> first(String text, boolean multiLine) {
    return Chars.first(text, multiLine).map(Chars.Bad::codePoint);
  }

  @Test
  void everyC0AndC1ControlAndDelIsRefused() {
    for (int c = 0; c < 0x20; c++) {
      if (c != '\t' && c != '\n') {
        assertThat(first("a" + (char) c + "b", true)).as("U+%04X", c).contains(c);
      }
    }
    for (int c = 0x7F; c <= 0x9F; c++) {
      assertThat(first("a" + (char) c, true)).as("U+%04X", c).contains(c);
    }
  }

  @Test
  void tabAndLineFeedOnlyInMultiLineText() {
    assertThat(first("a\tb\nc", true)).isEmpty();
    assertThat(first("a\r\nb", true)).isEmpty();
    assertThat(first("a\rb", true)).contains((int) '\r');
    assertThat(first("a\tb", false)).contains((int) '\t');
    assertThat(first("a\nb", false)).contains((int) '\n');
  }

  @Test
  void overridesSeparatorsNoncharactersAndLoneSurrogatesAreRefused() {
    for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        0x2028, 0x2029, 0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0xD800, 0xDFFF}) {
      assertThat(first("ab" + (char) c, true)).as("U+%04X", c).contains(c);
    }
    assertThat(first("a" + new String(Character.toChars(0x1FFFE)), true)).contains(0x1FFFE);
    assertThat(first("a" + new String(Character.toChars(0x10FFFF)), true)).contains(0x10FFFF);
    assertThat(Chars.first("ab\u202Ec", true).orElseThrow().index()).isEqualTo(2);
    assertThat(Chars.describe(0x202E)).isEqualTo("a bidirectional override (U+202E)");
    assertThat(Chars.describe(0x2066)).isEqualTo("a bidirectional isolate (U+2066)");
    assertThat(Chars.describe(0x1B)).isEqualTo("a control character (U+001B)");
  }

  @Test
  void ordinaryTextOfEveryScriptIsAllowed() {
    assertThat(first("Réponse \u00A0 — “calls” 😀 \u05E9\u05DC\u05D5\u05DD \u200F\u200E \u061C \uFEFF 中文 \u00AD", true)).isEmpty();
  }

  @Test
  void visibleWritesOutWhatTheTerminalWouldObey() {
    assertThat(Chars.visible("calls")).isEqualTo("calls");
    assertThat(Chars.visible("ca\u001B[2Jlls\t")).isEqualTo("ca\\u001B[2Jlls\\u0009");
    assertThat(Chars.visible("x\u202Ey" + new String(Character.toChars(0x10FFFF))))
        .isEqualTo("x\\u202Ey\\U0010FFFF");
  }
}
