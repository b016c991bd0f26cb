package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule for {name} placeholders (issue 12). */
class PlaceholdersTest {
  @Test
  void eachPlaceholderIsReplacedByItsValue() {
    assertThat(Placeholders.fill("Published {date}.", Map.of("date", "5 December 2026"))).isEqualTo("Published 5 December 2026.");
    assertThat(Placeholders.fill("{low} to {high}", Map.of("low", "94.5%", "high", "95.4%"))).isEqualTo("94.5% to 95.4%");
    assertThat(Placeholders.fill("{a}{a}", Map.of("a", "x"))).isEqualTo("xx");
  }

  @Test
  void wordsWithoutPlaceholdersAreReturnedAsTheyAre() {
    assertThat(Placeholders.fill("See 1 retired promise.", Map.of("count", "1"))).isEqualTo("See 1 retired promise.");
    assertThat(Placeholders.fill("", Map.of())).isEmpty();
  }

  @Test
  void aPlaceholderWithoutAValueIsAnErrorThatNamesIt() {
    assertThatThrownBy(() -> Placeholders.fill("Published {date}.", Map.of("day", "x")))
        .isInstanceOf(Placeholders.MissingValue.class)
        .hasMessage("the words \"Published {date}.\" have {date}, but no value was given for it (given: day):"
            + " check the spelling of {date}, or take it out of the words")
        .extracting(e -> ((Placeholders.MissingValue) e).name())
        .isEqualTo("date");
    assertThatThrownBy(() -> Placeholders.fill("{x}", Map.of())).hasMessageContaining("(none was given)");
  }

  @Test
  void valuesArePutInOnceAndNeverReadForPlaceholders() {
    assertThat(Placeholders.fill("{title} of {unit}", Map.of("title", "Calls {unit}", "unit", "calls")))
        .isEqualTo("Calls {unit} of calls");
  }

  @Test
  void onlyLowerCaseNamesArePlaceholders() {
    assertThat(Placeholders.fill("{Date} { } {date-x} {}", Map.of())).isEqualTo("{Date} { } {date-x} {}");
    assertThat(Placeholders.fill("{{date}}", Map.of("date", "d"))).isEqualTo("{d}");
  }

  @Test
  void theNamesAreListedInOrder() {
    assertThat(Placeholders.of("{kept_when} {target} {unit} {target}").names()).containsExactly("kept_when", "target", "unit", "target");
    assertThat(Placeholders.of("none").names()).isEmpty();
  }
}
