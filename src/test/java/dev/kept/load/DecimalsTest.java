package dev.kept.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 11 item 6: numbers read from untrusted text have a bounded size. */
class DecimalsTest {
  @Test
  void readsTheNumbersSourcesWrite() {
    assertThat(Decimals.parse("0.9")).contains(new BigDecimal("0.9"));
    assertThat(Decimals.parse(" 95 ")).contains(new BigDecimal("95"));
    assertThat(Decimals.parse("1e2")).contains(new BigDecimal("1e2"));
    assertThat(Decimals.parse("-3.25")).contains(new BigDecimal("-3.25"));
    assertThat(Decimals.parse(".5")).contains(new BigDecimal(".5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e-999999999", "1E41", "1e-41", "12345678901234567890123456789012345678901",
      "", "NA", "1e", "1e99999", "0x10", "1_000", "١٢", "Infinity", "NaN", "1e+9999"})
  void refusesTextThatIsNotANumberOrTooLarge(String text) {
    assertThat(Decimals.parse(text)).isEmpty();
  }

  @Test
  void saysWhichRefusedTextsAreNumbersTooLargeToRead() {
    assertThat(Decimals.isTooLarge("1e999999999")).isTrue();
    assertThat(Decimals.isTooLarge("9".repeat(100_000))).isTrue();
    assertThat(Decimals.isTooLarge("NA")).isFalse();
    assertThat(Decimals.isTooLarge("0.9")).isFalse();
  }

  @Test
  void whatItReadsPrintsShort() {
    for (String text : new String[] {"1e40", "1e-40", "9999999999999999999999999999999999999999"}) {
      assertThat(Decimals.parse(text)).as(text).isPresent();
      assertThat(Decimals.parse(text).orElseThrow().toPlainString().length()).as(text).isLessThanOrEqualTo(90);
    }
  }
}
