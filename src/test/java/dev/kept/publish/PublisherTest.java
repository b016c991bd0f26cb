package dev.kept.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublisherTest {
  @TempDir Path dir;

  private void publish(Path out, String text) throws Exception {
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      try (OutputStream o = staging.open("charter.json")) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      }
      staging.commit();
    }
  }

  @Test
  void commitReplacesTheOldSiteWhole() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "one");
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      try (OutputStream o = staging.open("figures/a.csv")) {
        o.write('x');
      }
      staging.commit();
    }
    assertThat(out.resolve("charter.json")).doesNotExist();
    assertThat(out.resolve("figures/a.csv")).hasContent("x");
    try (var list = Files.list(dir)) {
      assertThat(list).containsExactly(out);
    }
  }

  @Test
  void thePublishedFolderIsReadableByAWebServerRunningAsAnotherUser() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "x");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void aBuildThatIsNotCommittedLeavesTheOldSiteAndNoLitter() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "old");
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      try (OutputStream o = staging.open("charter.json")) {
        o.write("half".getBytes(StandardCharsets.UTF_8));
      }
      // no commit: the build failed
    }
    assertThat(out.resolve("charter.json")).hasContent("old");
    try (var list = Files.list(dir)) {
      assertThat(list).containsExactly(out);
    }
  }

  @Test
  void aPublishKilledBetweenItsTwoMovesIsRecoveredByTheNextBuild() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "old");
    // What a kill between "move site aside" and "move staging in" leaves behind:
    Files.move(out, dir.resolve(".site.old-123"));
    Files.createDirectories(dir.resolve(".site.staging-456"));
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      assertThat(out.resolve("charter.json")).hasContent("old");
      staging.close();
    }
    try (var list = Files.list(dir)) {
      assertThat(list).containsExactly(out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape.txt", "/etc/passwd", "a/../../b", "", "a//b", "C:\\x", "a\\..\\b", "./x"})
  void pathsThatLeaveTheOutputAreRefused(String path) throws Exception {
    try (Publisher.Staging staging = new Publisher(dir.resolve("site")).begin()) {
      assertThatThrownBy(() -> staging.open(path)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(dir.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void anOutputThatCannotBeAFolderGivesAClearErrorAndWritesNothing() throws Exception {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> publish(file.resolve("site"), "new"))
        .isInstanceOf(PublishException.class)
        .hasMessageStartingWith("cannot prepare " + file.resolve("site"));
    assertThatThrownBy(() -> publish(file, "new"))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("is not a folder");
    assertThat(file).hasContent("x");
  }
}
