package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, build and serve run one sequence of stages; only where the site goes differs (issue 12). */
class PipelineModesTest {
  private static final List<String> UNDERSTAND = List.of("load", "validate", "measure", "explain");

  @TempDir Path dir;

  @Test
  void checkBuildAndServeRunTheSameStagesUpToExplain() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Pipeline pipeline = Fixtures.pipeline(charter, dir.resolve("site"));

    Pipeline.Outcome checked = pipeline.check();
    assertThat(checked.times()).extracting(Pipeline.StageTime::stage).containsExactlyElementsOf(UNDERSTAND);
    assertThat(checked.site()).isEmpty();
    assertThat(checked.published()).isFalse();

    Pipeline.Outcome built = pipeline.build();
    assertThat(built.times()).extracting(Pipeline.StageTime::stage)
        .startsWith(UNDERSTAND.toArray(String[]::new))
        .endsWith("promise records", "charter pages", "verify", "publish");
    assertThat(built.published()).isTrue();
    assertThat(built.site()).isEmpty();

    Pipeline.Outcome served = pipeline.serve(new Memory());
    assertThat(served.times()).extracting(Pipeline.StageTime::stage)
        .startsWith(UNDERSTAND.toArray(String[]::new))
        .endsWith("prepare the site");
    assertThat(served.site()).isPresent();
    assertThat(served.published()).isFalse();

    assertThat(List.of(checked.findings(), built.findings())).allSatisfy(f -> assertThat(f).isEqualTo(served.findings()));
    assertThat(List.of(checked.charter(), built.charter())).allSatisfy(c -> assertThat(c).isEqualTo(served.charter()));
  }

  @Test
  void aRunWithoutAMemoryMakesEverythingAndARebuildGivenOneMakesOnlyWhatChanged() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    // Written long ago: a file's stamp tells a later change only once it has settled.
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(charter)) {
      for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
      }
    }
    Pipeline pipeline = Fixtures.pipeline(charter, dir.resolve("site"));
    Pipeline.Made everything = new Pipeline.Made(2, 1, 1);
    assertThat(pipeline.check().made()).isEqualTo(everything);
    assertThat(pipeline.check().made()).isEqualTo(everything);
    Memory memory = new Memory();
    assertThat(pipeline.serve(memory).made()).isEqualTo(everything);
    assertThat(pipeline.serve(memory).made()).isEqualTo(new Pipeline.Made(0, 0, 0));
  }
}
