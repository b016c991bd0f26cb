package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A charter's settings are every field but its promises, compared by value (issue 12). */
class SettingsTest {
  @Test
  void holdsEveryFieldOfTheCharterButItsPromises() {
    // A field added to Charter must be added here too, or the preview would keep measures made
    // under its old value.
    assertThat(Arrays.stream(Settings.class.getRecordComponents()).map(RecordComponent::getName))
        .containsAll(Arrays.stream(Charter.class.getRecordComponents()).map(RecordComponent::getName)
            .filter(n -> !n.equals("promises")).toList());
  }

  @Test
  void areEqualForTheSameValuesAndTellApartTwoSpellingsOfOneShare() {
    Charter charter = Fixtures.check(Fixtures.exampleCharter()).charter().orElseThrow().charter();
    assertThat(Settings.of(charter)).isEqualTo(Settings.of(charter));
    Charter reordered = withWarning(charter, charter.exclusionWarning());
    assertThat(Settings.of(reordered)).isEqualTo(Settings.of(charter));
    Share half = Share.parse("0.5%").orElseThrow();
    Share halfAgain = Share.parse("0.50%").orElseThrow();
    assertThat(half).isEqualTo(halfAgain);
    assertThat(Settings.of(withWarning(charter, half))).isNotEqualTo(Settings.of(withWarning(charter, halfAgain)));
  }

  private static Charter withWarning(Charter c, Share warning) {
    return new Charter(
        c.organisation(), c.title(), c.language(), c.baseUrl(), c.periodKind(), c.yearStarts(), c.minimumCases(),
        warning, c.headlinePeriods(), c.published(), c.nextUpdate(), c.contact(), reversed(c.promises()));
  }

  private static <T> java.util.List<T> reversed(java.util.List<T> list) {
    java.util.List<T> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
