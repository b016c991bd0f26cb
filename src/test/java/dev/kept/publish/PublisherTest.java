package dev.kept.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublisherTest {
  private static final String MARKER_TEXT =
      "This folder was written by Kept. The next build replaces it whole: do not edit it by hand.\n";

  @TempDir Path dir;

  /** Beside the output there is nothing but the output and its lock file: no staging or old folder. */
  private void assertOnlyTheOutputAndItsLock(Path out) throws Exception {
    try (var list = Files.list(dir)) {
      assertThat(list.filter(p -> !p.getFileName().toString().equals(".site.lock"))).containsExactly(out);
    }
  }

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
    assertOnlyTheOutputAndItsLock(out);
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
    assertOnlyTheOutputAndItsLock(out);
  }

  @Test
  void aPublishKilledBetweenItsTwoMovesIsRecoveredByTheNextBuild() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "old");
    // What a kill between "move site aside" and "move staging in" leaves behind:
    Files.move(out, dir.resolve(".site.old-123"));
    Files.createDirectories(dir.resolve(".site.staging-456"));
    Files.writeString(dir.resolve(".site.staging-456").resolve(Publisher.MARKER), MARKER_TEXT);
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      assertThat(out.resolve("charter.json")).hasContent("old");
      staging.close();
    }
    assertOnlyTheOutputAndItsLock(out);
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

  @Test
  void foldersNamedLikeKeptsLeftoversAreLeftAloneUnlessTheyCarryItsMarker() throws Exception {
    Path out = dir.resolve("site");
    // Someone else's folders with Kept's names: no marker, a marker with other text, a link to a
    // marked folder, a name Kept does not make.
    Path noMarker = Files.createDirectories(dir.resolve(".site.old-123"));
    Files.writeString(noMarker.resolve("thesis.txt"), "mine");
    Path otherText = Files.createDirectories(dir.resolve(".site.staging-456"));
    Files.writeString(otherText.resolve(Publisher.MARKER), "not Kept's");
    Path marked = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(marked.resolve(Publisher.MARKER), MARKER_TEXT);
    Path link = Files.createSymbolicLink(dir.resolve(".site.staging-789"), marked);
    Path oddName = Files.createDirectories(dir.resolve(".site.staging-x1"));
    Files.writeString(oddName.resolve(Publisher.MARKER), MARKER_TEXT);
    Path markerLink = Files.createDirectories(dir.resolve(".site.old-55"));
    Files.createSymbolicLink(markerLink.resolve(Publisher.MARKER), marked.resolve(Publisher.MARKER));

    publish(out, "new");

    assertThat(noMarker.resolve("thesis.txt")).hasContent("mine");
    assertThat(otherText.resolve(Publisher.MARKER)).hasContent("not Kept's");
    assertThat(link).isSymbolicLink();
    assertThat(marked.resolve(Publisher.MARKER)).exists();
    assertThat(oddName).isDirectory();
    assertThat(markerLink).isDirectory();
    assertThat(out.resolve("charter.json")).as("the old-named folder was not moved into place").hasContent("new");
  }

  @Test
  void aSecondPublisherWaitsForTheFirstSaysSoOnceAndThenPublishes() throws Exception {
    Path out = dir.resolve("site");
    List<String> told = new CopyOnWriteArrayList<>();
    Publisher.Staging first = new Publisher(out).begin();
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(() -> {
          try (Publisher.Staging staging = new Publisher(out, Duration.ofSeconds(30), told::add).begin()) {
            staging.write("charter.json", "second");
            staging.commit(List.of("charter.json"));
          } catch (PublishException | java.io.IOException e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        });
    Thread.sleep(500);
    assertThat(second).as("the second waits while the first holds the folder").isNotDone();
    assertThat(told).containsExactly("waiting for another build of " + out + " to finish…");
    first.write("charter.json", "first");
    first.commit(List.of("charter.json"));
    first.close();
    second.get(30, TimeUnit.SECONDS);
    assertThat(out.resolve("charter.json")).hasContent("second");
    assertThat(told).hasSize(1);
    assertOnlyTheOutputAndItsLock(out);
  }

  @Test
  void aSecondPublisherGivesUpAfterItsWaitAndTouchesNothing() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "old");
    try (Publisher.Staging first = new Publisher(out).begin()) {
      first.write("charter.json", "half");
      long start = System.nanoTime();
      assertThatThrownBy(() -> new Publisher(out, Duration.ofMillis(300), s -> {}).begin())
          .isInstanceOf(PublishException.class)
          .hasMessageContaining("another build of " + out + " is still running")
          .hasMessageContaining(dir.resolve(".site.lock").toString())
          .hasMessageContaining("gave up");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
      assertThat(first.root()).as("the waiting build did not clean up the other's staging").isDirectory();
      assertThat(first.root().resolve("charter.json")).hasContent("half");
    }
    assertThat(out.resolve("charter.json")).hasContent("old");
  }

  @Test
  void commitReadsTheStagedFolderBackAndRefusesOneThatIsNotWhatWasWritten() throws Exception {
    Path out = dir.resolve("site");
    publish(out, "old");
    // A file deleted from under the build (as another build's clean-up did), one replaced by a file
    // of the same length, one added, and one required but never written.
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      staging.write("a.html", "aaaa");
      staging.write("b.html", "bbbb");
      Files.delete(staging.root().resolve("a.html"));
      Files.delete(staging.root().resolve("b.html"));
      Files.writeString(staging.root().resolve("b.html"), "BBBB");
      // Written later, as a replacement is: the file system may give it the freed inode of a.html
      // or b.html, and a clock tick may be coarser than the time between these lines.
      Files.setLastModifiedTime(
          staging.root().resolve("b.html"),
          java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(2)));
      Files.writeString(staging.root().resolve("c.html"), "c");
      assertThatThrownBy(() -> staging.commit(List.of("a.html", "b.html", "d.html")))
          .isInstanceOf(PublishException.class)
          .hasMessageContaining("b.html is not the file this build wrote")
          .hasMessageContaining("c.html is there but this build did not write it")
          .hasMessageContaining("a.html was written but is not there")
          .hasMessageContaining("1 more")
          .hasMessageEndingWith("The previous site is unchanged.");
    }
    // A file still being written.
    try (Publisher.Staging staging = new Publisher(out).begin()) {
      OutputStream open = staging.open("e.html");
      open.write('e');
      assertThatThrownBy(staging::commit).hasMessageContaining("e.html was not finished");
      open.close();
    }
    assertThat(out.resolve("charter.json")).hasContent("old");
    assertOnlyTheOutputAndItsLock(out);
  }

  /**
   * A build that fails while other threads are still writing (a parallel stream goes on after one
   * of its tasks fails) must still delete its whole staging folder: issue 11 item 12, where a full
   * disk left it behind in 2 of 5 runs.
   */
  @Test
  void closingWhileOtherThreadsStillMakeFilesLeavesNoStagingFolder() throws Exception {
    Path out = dir.resolve("site");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 40; round++) {
        Publisher.Staging staging = new Publisher(out).begin();
        CountDownLatch started = new CountDownLatch(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          writers.add(pool.submit(() -> {
            started.countDown();
            for (int n = 0; ; n++) {
              try (OutputStream o = staging.open("p" + thread + "/d" + n % 7 + "/f" + n + ".html")) {
                o.write('x');
              } catch (java.io.IOException e) {
                return null; // the build has stopped: no more files
              }
            }
          }));
        }
        started.await();
        Thread.sleep(round % 5);
        staging.close();
        for (Future<?> w : writers) {
          w.get(10, TimeUnit.SECONDS);
        }
        assertThat(staging.root()).as("round %d: the staging folder is gone", round).doesNotExist();
      }
    } finally {
      pool.shutdownNow();
    }
    try (var list = Files.list(dir)) {
      assertThat(list.map(p -> p.getFileName().toString())).containsExactly(".site.lock");
    }
  }
}
