package dev.kept.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11: one rule for every name that becomes a file or folder. */
class NamesTest {
  @Test
  void anIdIsLowerCaseLettersDigitsAndHyphensAndNoDeviceName() {
    assertThat(Names.isValid("answer-calls")).isTrue();
    assertThat(Names.isValid("a".repeat(64))).isTrue();
    assertThat(Names.isValid("a".repeat(65))).isFalse();
    assertThat(Names.isValid("-calls")).isFalse();
    assertThat(Names.isValid("Calls")).isFalse();
    assertThat(Names.isValid("con")).isFalse();
    assertThat(Names.isValid("com0")).isFalse();
    assertThat(Names.isValid("lpt9")).isFalse();
    assertThat(Names.isValid("console")).isTrue();
    assertThat(Names.isReserved("CON")).isTrue();
    assertThat(Names.isReserved("Aux")).isTrue();
    assertThat(Names.problem("con")).contains("is a reserved file name on Windows");
    assertThat(Names.problem("Bad/Id")).contains("is not a valid promise id");
    assertThat(Names.problem("calls")).isEmpty();
  }

  @Test
  void aSuggestionIsAlwaysAValidId() {
    assertThat(Names.suggest("con")).isEqualTo("con-promise");
    assertThat(Names.suggest("NUL")).isEqualTo("nul-promise");
    assertThat(Names.suggest("Answer_Calls")).isEqualTo("answer-calls");
    assertThat(Names.suggest("Café au lait")).isEqualTo("cafe-au-lait");
    assertThat(Names.suggest("\u001b[31m")).isEqualTo("31m");
    assertThat(Names.suggest("///")).isEqualTo("answer-calls");
    for (String s : new String[] {"con", "NUL", "x".repeat(100), "--a--", "\u0000", "lpt1"}) {
      assertThat(Names.isValid(Names.suggest(s))).as(s).isTrue();
    }
  }

  @Test
  void aGroupSlugIsStableAndNeverADeviceName() {
    assertThat(Names.slug("CON")).isEqualTo("con-group");
    assertThat(Names.slug("Con")).isEqualTo("con-group");
    assertThat(Names.slug("com1")).isEqualTo("com1-group");
    // unchanged from the slugs Kept made before: no published address moves
    assertThat(Names.slug("Customer Services")).isEqualTo("customer-services");
    assertThat(Names.slug("Énergie & Eau")).isEqualTo("energie-eau");
    assertThat(Names.slug("!!!")).isEqualTo("group");
    assertThat(Names.slug("x".repeat(59) + " y")).isEqualTo("x".repeat(59));
    assertThat(Names.slug("a ".repeat(40))).hasSizeLessThanOrEqualTo(60).matches("[a-z0-9-]*[a-z0-9]");
    assertThat(Names.slug("CON")).isEqualTo(Names.slug("CON"));
  }

  // Issue 12: every slug is made here.
  @Test
  void hyphenateLowersAndJoinsRunsWithOneHyphenKeepingTheEnds() {
    assertThat(Names.hyphenate("Acme, Inc.")).isEqualTo("acme-inc-");
    assertThat(Names.hyphenate("Ville de Montréal")).isEqualTo("ville-de-montr-al");
    assertThat(Names.hyphenateTrimmed("  ESDC--123 ")).isEqualTo("esdc-123");
    assertThat(Names.hyphenateTrimmed("--")).isEmpty();
  }

  @Test
  void slugsAreTheSameUnderATurkishDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(Names.hyphenate("IT Services")).isEqualTo("it-services");
      assertThat(Names.slug("INFO LINE")).isEqualTo("info-line");
      assertThat(Names.isReserved("LPT1")).isTrue();
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void twoGroupsWithTheSameSlugGetANumberedSecond() {
    java.util.Set<String> taken = new java.util.HashSet<>();
    assertThat(Names.uniqueSlug("Calls", taken)).isEqualTo("calls");
    assertThat(Names.uniqueSlug("calls!", taken)).isEqualTo("calls-2");
    assertThat(Names.uniqueSlug("CALLS", taken)).isEqualTo("calls-3");
    assertThat(Names.uniqueSlug("Letters", taken)).isEqualTo("letters");
    assertThat(taken).containsExactlyInAnyOrder("calls", "calls-2", "calls-3", "letters");
  }
}
