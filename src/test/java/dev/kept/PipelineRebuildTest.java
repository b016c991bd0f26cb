package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.load.Limits;
import dev.kept.publish.Publisher;
import dev.kept.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's incremental pipeline gives what a fresh run gives: after every kind of edit, the
 * same findings as {@code kept check}, and every file of a fresh {@code kept build}, byte for byte;
 * and it does so by reading, checking and measuring again only what changed.
 */
class PipelineRebuildTest {
  @TempDir Path dir;

  private Path charter;
  private Rebuilds incremental;

  private void start(Path folder) {
    charter = folder;
    incremental =
        new Rebuilds(
            new Pipeline.Options(
                charter, "charter", dir.resolve("unused"), Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.empty()));
  }

  @Test
  void afterEveryKindOfEditTheFindingsAndTheSiteAreAFreshRunsOnes() throws Exception {
    start(copy(Fixtures.exampleCharter(), dir.resolve("charter")));
    settle();
    Pipeline.Outcome r = sameAsFresh("the first refresh");
    assertThat(r.made().filesRead()).isEqualTo(files("promises") + files("figures"));
    r = sameAsFresh("a refresh with nothing changed");
    assertThat(r.made().filesRead()).isZero();
    assertThat(r.made().promisesChecked()).isZero();
    assertThat(r.made().promisesMeasured()).isZero();

    edit("promises/answer-calls.yaml", "title: Answering your calls", "title: Answering every call");
    r = sameAsFresh("a promise edited");
    assertThat(List.of(r.made().filesRead(), r.made().promisesChecked(), r.made().promisesMeasured())).containsExactly(1, 1, 1);
    assertThat(page(r, "promises/answer-calls/index.html")).contains("Answering every call");
    assertThat(page(r, "index.html")).contains("Answering every call");

    edit("figures/answer-calls.csv", "2025-01,10576,9576,84,", "2025-01,10576,9100,84,");
    r = sameAsFresh("a figures file edited");
    assertThat(List.of(r.made().filesRead(), r.made().promisesChecked(), r.made().promisesMeasured())).containsExactly(1, 1, 1);

    Files.writeString(
        charter.resolve("promises/answer-texts.yaml"),
        Files.readString(charter.resolve("promises/answer-calls.yaml")).replace("Answering every call", "Answering texts"));
    Files.copy(charter.resolve("figures/answer-calls.csv"), charter.resolve("figures/answer-texts.csv"));
    age(charter.resolve("promises/answer-texts.yaml"));
    age(charter.resolve("figures/answer-texts.csv"));
    r = sameAsFresh("a promise added (not in the charter's order: a warning)");
    assertThat(r.findings()).anyMatch(f -> f.message().contains("'answer-texts' is not in the charter's 'order'"));
    assertThat(List.of(r.made().filesRead(), r.made().promisesChecked(), r.made().promisesMeasured())).containsExactly(2, 1, 1);
    assertThat(page(r, "promises/answer-texts/index.html")).contains("Answering texts");

    Files.delete(charter.resolve("promises/answer-texts.yaml"));
    r = sameAsFresh("a promise deleted, its figures left behind (an error)");
    assertThat(r.hasErrors()).isTrue();
    Files.delete(charter.resolve("figures/answer-texts.csv"));
    r = sameAsFresh("its figures deleted too");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.site().orElseThrow().file("promises/answer-texts/index.html")).isEmpty();

    edit("promises/answer-emails.yaml", "target: 90%", "target: 190%");
    edit("figures/answer-calls.csv", "2025-01,10576,9100,84,", "2025-01,10576,10577,84,");
    r = sameAsFresh("errors in a promise and in a figures file");
    assertThat(r.findings().stream().filter(f -> f.severity() == dev.kept.model.Severity.ERROR)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(r.site()).isEmpty();

    edit("promises/answer-emails.yaml", "target: 190%", "target: 90%");
    edit("figures/answer-calls.csv", "2025-01,10576,10577,84,", "2025-01,10576,9100,84,");
    r = sameAsFresh("the errors fixed");
    assertThat(r.hasErrors()).isFalse();

    edit("charter.yaml", "minimum_cases: 30", "minimum_cases: 2000");
    r = sameAsFresh("a charter-wide setting changed in charter.yaml");
    assertThat(r.made().filesRead()).isZero(); // charter.yaml is read every time; no promise file changed
    assertThat(r.made().promisesMeasured()).isEqualTo(r.site().orElseThrow().charter().promises().size());

    edit("charter.yaml", "exclusion_warning: 5%", "exclusion_warning: 0.5%");
    r = sameAsFresh("the exclusion warning lowered, so that exclusions are flagged");
    edit("charter.yaml", "exclusion_warning: 0.5%", "exclusion_warning: 0.50%");
    r = sameAsFresh("the same warning written another way (the words show it as written)");
    assertThat(r.made().promisesMeasured()).isEqualTo(r.site().orElseThrow().charter().promises().size());

    edit("charter.yaml", "  - answer-calls\n  - answer-emails\n", "  - answer-emails\n  - answer-calls\n");
    r = sameAsFresh("the charter's order changed");
    assertThat(r.made().promisesMeasured()).isZero();

    edit("charter.yaml", "period: month", "period: quarter");
    r = sameAsFresh("the period kind changed (every figures file is now wrong)");
    assertThat(r.hasErrors()).isTrue();
    edit("charter.yaml", "period: quarter", "period: month");
    sameAsFresh("and back");
  }

  @Test
  void aFileModifiedWithinTheLastTwoSecondsIsReadAgainUntilItsTimeCanTell() throws Exception {
    start(Fixtures.minimal().writeTo(dir.resolve("charter")));
    settle();
    Path promise = charter.resolve("promises/calls.yaml");
    assertThat(incremental.refresh().made().filesRead()).isEqualTo(2);
    assertThat(incremental.refresh().made().filesRead()).isZero();

    Files.writeString(promise, Files.readString(promise).replace("title: Answering calls", "title: Answering AAAAA"));
    assertThat(incremental.refresh().made().filesRead()).isEqualTo(1);
    // Modified just now: a same-size edit within this timestamp tick would keep the time, so the
    // file's time cannot yet tell that it did not change.
    assertThat(incremental.refresh().made().filesRead()).isEqualTo(1);
    age(promise);
    assertThat(incremental.refresh().made().filesRead()).isEqualTo(1);
    assertThat(incremental.refresh().made().filesRead()).isZero();
  }

  /**
   * A second same-size edit with the first one's modification time, as a file system with coarse
   * times keeps it. The change time still moves here (nothing in user space can hold it), so this
   * shows that such an edit is seen, not which of the stamp's fields sees it.
   */
  @Test
  void aSecondEditOfTheSameSizeWithTheSameModificationTimeIsSeen() throws Exception {
    start(Fixtures.minimal().writeTo(dir.resolve("charter")));
    Path promise = charter.resolve("promises/calls.yaml");
    String good = Files.readString(promise);
    Files.writeString(promise, good.replace("title: Answering calls", "title: Answering AAAAA"));
    FileTime first = Files.getLastModifiedTime(promise);
    assertThat(page(incremental.refresh(), "promises/calls/index.html")).contains("Answering AAAAA");

    // The same size, and the same modification time: as a file system with coarse times keeps it.
    Files.writeString(promise, good.replace("title: Answering calls", "title: Answering BBBBB"));
    Files.setLastModifiedTime(promise, first);
    Pipeline.Outcome r = sameAsFresh("a second edit in the same tick");
    assertThat(page(r, "promises/calls/index.html")).contains("Answering BBBBB");
  }

  @Test
  void anOldFileRewrittenWithItsTimeSetBackIsSeen() throws Exception {
    start(Fixtures.minimal().writeTo(dir.resolve("charter")));
    settle();
    Path promise = charter.resolve("promises/calls.yaml");
    FileTime old = Files.getLastModifiedTime(promise);
    incremental.refresh();
    assertThat(incremental.refresh().made().filesRead()).isZero();

    // As cp -p or a restore from a backup does: new content, same size, the old time.
    Files.writeString(promise, Files.readString(promise).replace("title: Answering calls", "title: Answering BBBBB"));
    Files.setLastModifiedTime(promise, old);
    Pipeline.Outcome r = sameAsFresh("a rewrite with its time set back");
    assertThat(r.made().filesRead()).isEqualTo(1);
    assertThat(page(r, "promises/calls/index.html")).contains("Answering BBBBB");
  }

  @Test
  void aThemeFileRewrittenWithItsTimeSetBackIsSeen() throws Exception {
    charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Path theme = Files.createDirectories(dir.resolve("theme"));
    Path index = theme.resolve("index.ftlh");
    String builtIn;
    try (var in = PipelineRebuildTest.class.getResourceAsStream("/dev/kept/theme/index.ftlh")) {
      builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(index, builtIn.replace("</h1>", " AAAAA</h1>"));
    FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    Files.setLastModifiedTime(index, old);
    Files.setLastModifiedTime(theme, old); // the folder too: a theme written long ago
    settle();
    incremental =
        new Rebuilds(
            new Pipeline.Options(
                charter, "charter", dir.resolve("unused"), Fixtures.BUILD_DATE, Limits.DEFAULT, Optional.of(theme)));
    assertThat(page(incremental.refresh(), "index.html")).contains("AAAAA");

    // As cp -p or a restore from a backup does: new content, same size, the old time.
    Files.writeString(index, builtIn.replace("</h1>", " BBBBB</h1>"));
    Files.setLastModifiedTime(index, old);
    assertThat(page(incremental.refresh(), "index.html")).contains("BBBBB").doesNotContain("AAAAA");
  }

  @Test
  void aRefreshRendersNoPageAndWritesNothing() throws Exception {
    start(Fixtures.minimal().writeTo(dir.resolve("charter")));
    Pipeline.Outcome r = incremental.refresh();
    assertThat(r.times()).extracting(Pipeline.StageTime::stage)
        .containsExactly("load", "validate", "measure", "explain", "prepare the site");
    assertThat(dir.resolve("unused")).doesNotExist();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> charter.relativize(f).toString()))
          .containsExactlyInAnyOrder("charter.yaml", "promises/calls.yaml", "figures/calls.csv");
    }
  }

  /**
   * Refreshes, and checks the refresh against a fresh check (the same findings, in the same
   * order) and, when the charter has no errors, against a fresh build (every file it writes is
   * served with the same bytes).
   */
  private Pipeline.Outcome sameAsFresh(String step) throws Exception {
    Pipeline.Outcome r = incremental.refresh();
    Pipeline.Outcome checked = Fixtures.pipeline(charter, dir.resolve("site")).check();
    assertThat(Fixtures.headlines(r.findings())).as(step).isEqualTo(Fixtures.headlines(checked.findings()));
    assertThat(r.findings()).as(step).isEqualTo(checked.findings());
    assertThat(r.site().isPresent()).as(step).isEqualTo(!checked.hasErrors());
    if (r.site().isEmpty()) {
      return r;
    }
    Path site = dir.resolve("site");
    Pipeline.Outcome built = Fixtures.pipeline(charter, site).build();
    assertThat(built.published()).as(step).isTrue();
    Snapshot snapshot = r.site().get();
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = site.relativize(file).toString().replace('\\', '/');
        if (!path.equals(Publisher.MARKER)) {
          paths.add(path);
          assertThat(bytes(snapshot.file(path).orElse(null)))
              .as("%s: %s", step, path)
              .isEqualTo(Files.readAllBytes(file));
        }
      }
    }
    assertThat(paths).as(step).contains("index.html", "charter.json", "feed.xml", "404.html");
    assertThat(snapshot.file("promises/no-such-promise/index.html")).as(step).isEmpty();
    assertThat(snapshot.file("no-such-file.html")).as(step).isEmpty();
    return r;
  }

  private static byte[] bytes(Snapshot.SiteFile file) {
    if (file == null) {
      return null;
    }
    if (file instanceof Snapshot.Rendered rendered) {
      return rendered.bytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ((Snapshot.Streamed) file).body().writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String page(Pipeline.Outcome r, String path) throws Exception {
    return new String(bytes(r.site().orElseThrow().file(path).orElseThrow()), StandardCharsets.UTF_8);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = charter.resolve(file);
    String text = Files.readString(path);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to));
    age(path);
  }

  /**
   * Dates a file a minute back, as if the next refresh came long after the edit; so that each
   * step's count of files read is that step's alone.
   */
  private static void age(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
  }

  /** Dates every file of the charter an hour back, as if it had been written long ago. */
  private void settle() throws IOException {
    FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    try (Stream<Path> files = Files.walk(charter)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, hourAgo);
      }
    }
  }

  private int files(String folder) throws IOException {
    try (Stream<Path> files = Files.list(charter.resolve(folder))) {
      return (int) files.count();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  /** One pipeline served again and again with one memory, as the preview runs it. */
  private record Rebuilds(Pipeline pipeline, Memory memory) {
    Rebuilds(Pipeline.Options options) {
      this(new Pipeline(options), new Memory());
    }

    Pipeline.Outcome refresh() {
      return pipeline.serve(memory);
    }
  }
}
