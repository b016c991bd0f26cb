package dev.kept.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kept.load.LoadAccess;
import dev.kept.load.RawCharter.PromiseFile;
import dev.kept.load.YNode;
import dev.kept.model.Findings;
import dev.kept.testing.Fixtures;
import dev.kept.validate.ValidateAccess;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the YAML path of a promise file: bytes decoded as Kept decodes a file, read by {@code
 * YamlReader}, and (when that gives a tree) read as a promise by {@code PromiseReader}.
 *
 * <p>Property: nothing throws; a tree comes back exactly when reading found no error; every finding
 * has a line and column inside the file. Seeds: {@code YamlFuzzTestInputs/promiseFile/}. Runs the
 * seeds under {@code mvn verify}; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class YamlFuzzTest {
  private static final String FILE = "charter/promises/calls.yaml";

  @FuzzTest(maxDuration = "10m")
  void promiseFile(byte[] data) throws Throwable {
    Budget.within(java.time.Duration.ofSeconds(10), () -> promiseFileOnce(data));
  }

  private void promiseFileOnce(byte[] data) {
    Findings findings = new Findings();
    Optional<YNode> tree = LoadAccess.yaml(data, FILE, findings);
    assertThat(tree.isPresent()).as("a tree exactly when there is no error: %s", findings.all())
        .isEqualTo(!findings.hasErrors());
    if (tree.isPresent()) {
      ValidateAccess.promise(new PromiseFile("calls", FILE, tree.get()), Fixtures.BUILD_DATE, findings);
    }
    Map<String, String> texts = new HashMap<>();
    texts.put(FILE, text(data));
    Located.assertLocated(findings.all(), texts, false);
  }

  /** The text as Kept decoded it (the byte-order mark dropped), or null when it is not UTF-8. */
  static String text(byte[] data) {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    try {
      String s = decoder.decode(java.nio.ByteBuffer.wrap(data)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }
}
