package dev.kept.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.load.YNode.YMap;
import dev.kept.load.YNode.YScalar;
import dev.kept.model.Finding;
import dev.kept.testing.CharterFixture;
import dev.kept.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharterLoaderTest {
  @TempDir Path dir;

  private CharterLoader.LoadResult load(CharterFixture fixture) {
    return load(fixture, Limits.DEFAULT);
  }

  private CharterLoader.LoadResult load(CharterFixture fixture, Limits limits) {
    Path charter = fixture.writeTo(dir.resolve("charter"));
    return new CharterLoader(limits).load(charter, "charter");
  }

  private static List<String> headlines(CharterLoader.LoadResult r) {
    return r.findings().stream().map(Finding::headline).toList();
  }

  private static String scalar(YNode root, String key) {
    return ((YScalar) ((YMap) root).get(key).orElseThrow()).text();
  }

  @Test
  void everyScalarIsTextAsWritten() {
    CharterLoader.LoadResult r =
        load(
            Fixtures.minimal()
                .with(
                    "promises/calls.yaml",
                    "title: No\nsince: 010\ntarget: 1e3\npromise: on\nunit: 0x1F\nremedy: ~\n"));
    YNode root = r.charter().promises().get(0).root();
    assertThat(scalar(root, "title")).isEqualTo("No");
    assertThat(scalar(root, "since")).isEqualTo("010");
    assertThat(scalar(root, "target")).isEqualTo("1e3");
    assertThat(scalar(root, "promise")).isEqualTo("on");
    assertThat(scalar(root, "unit")).isEqualTo("0x1F");
    assertThat(((YScalar) ((YMap) root).get("remedy").orElseThrow()).isNull()).isTrue();
  }

  @Test
  void aPromiseFileThatLinksOutOfTheCharterIsRefused() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.yaml"), "title: secret\n");
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Files.createSymbolicLink(charter.resolve("promises/leak.yaml"), secret);
    CharterLoader.LoadResult r = new CharterLoader(Limits.DEFAULT).load(charter, "charter");
    assertThat(headlines(r))
        .containsExactly("charter/promises/leak.yaml: error: the file is a link to somewhere outside the charter folder");
    assertThat(r.charter().promises()).extracting(RawCharter.PromiseFile::id).containsExactly("calls");
  }

  @Test
  void filesOverTheSizeLimitAreNotRead() {
    Limits small = new Limits(100, 100, 16, 16, 50_000, 20_000, 10_000);
    CharterLoader.LoadResult r =
        load(Fixtures.minimal().with("promises/calls.yaml", "title: " + "x".repeat(200) + "\n"), small);
    assertThat(headlines(r)).contains("charter/promises/calls.yaml: error: the file is 208 bytes, more than the limit of 100");
  }

  @Test
  void aliasesCountTheLengthOfWhatTheyStandFor() {
    // issue 11: 500 aliases to a 200 KB value built a 205 MB site. The limit is the file limit.
    Limits small = new Limits(1000, 1000, 16, 16, 50_000, 20_000, 10_000);
    String anchor = "title: Calls\nowner: &a " + "x".repeat(300) + "\nnot_covered:\n";
    // keys and values without the aliases: 5 + 5 + 5 + 300 + 11 = 326 characters; two aliases more: 926
    CharterLoader.LoadResult fits = load(Fixtures.minimal().with("promises/calls.yaml", anchor + "  - *a\n  - *a\n"), small);
    assertThat(headlines(fits)).isEmpty();
    CharterLoader.LoadResult over =
        load(Fixtures.minimal().with("promises/calls.yaml", anchor + "  - *a\n  - *a\n  - *a\n"), small);
    assertThat(headlines(over))
        .containsExactly(
            "charter/promises/calls.yaml:6:5: error: the aliases (*) in the file expand it to more than"
                + " 1,000 characters of text, the most one charter file may hold");
  }

  @Test
  void aFileNameIsShownWithItsControlCharactersWrittenOut() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    Files.writeString(charter.resolve("promises/ca\u001B[2Jlls.yaml"), "title: x\n");
    CharterLoader.LoadResult r = new CharterLoader(Limits.DEFAULT).load(charter, "charter");
    assertThat(headlines(r))
        .containsExactly("charter/promises/ca\\u001B[2Jlls.yaml: error: 'ca\\u001B[2Jlls' is not a valid promise id");
    assertThat(r.findings().get(0).toString()).doesNotContain("\u001B");
  }

  @Test
  void anEscapeIsLocatedWhereItIsWritten() {
    CharterLoader.LoadResult r =
        load(Fixtures.minimal().with("promises/calls.yaml", "title: \"Ans\\\"w\\x41\\U0001F600e\\0r\"\n"));
    assertThat(headlines(r))
        .containsExactly(
            "charter/promises/calls.yaml:1:30: error: the value of 'title' contains a control character"
                + " (U+0000), written as an escape");
  }

  @Test
  void tooManyRowsAreRefused() {
    Limits small = new Limits(1 << 20, 1 << 20, 16, 16, 50_000, 20_000, 3);
    CharterLoader.LoadResult r = load(Fixtures.minimal(), small);
    assertThat(headlines(r)).isEmpty(); // a figures file is read when validate asks for it
    dev.kept.model.Findings read = new dev.kept.model.Findings();
    assertThat(r.charter().figures().get(0).read(read)).isEmpty();
    assertThat(read.all().stream().map(Finding::headline))
        .containsExactly("charter/figures/calls.csv:5:1: error: the file has more than 3 rows");
  }

  /**
   * Issue 13: load hands each figures file on unread, so that validate holds the cells of the
   * files it is checking, not of every file at once (6 million cells at 10,000 promises). A file
   * changed after load is read as it is when validate asks; load kept no table of it.
   */
  @Test
  void aFiguresFileIsReadWhenAskedForNotWhenLoaded() throws Exception {
    Path charter = Fixtures.minimal().writeTo(dir.resolve("charter"));
    CharterLoader.LoadResult r = new CharterLoader(Limits.DEFAULT).load(charter, "charter");
    assertThat(r.findings()).isEmpty();
    Files.writeString(charter.resolve("figures/calls.csv"), "period,cases,kept,excluded,note\n2026-07,9,8,0,later\n");
    dev.kept.model.Findings read = new dev.kept.model.Findings();
    CsvTable table = r.charter().figures().get(0).read(read).orElseThrow();
    assertThat(read.all()).isEmpty();
    assertThat(table.rows()).hasSize(1);
    assertThat(table.rows().get(0).cells().get(4).text()).isEqualTo("later");
  }

  @Test
  void tooManyPromisesAreRefused() {
    Limits small = new Limits(1 << 20, 1 << 20, 16, 16, 50_000, 1, 10_000);
    CharterLoader.LoadResult r =
        load(Fixtures.minimal().with("promises/emails.yaml", "title: Emails\n"), small);
    assertThat(headlines(r)).containsExactly("charter/promises/emails.yaml: error: more than 1 files in promises/");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "title: " + "[".repeat(40) + "]".repeat(40) + "\n";
    CharterLoader.LoadResult r = load(Fixtures.minimal().with("promises/calls.yaml", deep));
    assertThat(headlines(r)).hasSize(1);
    assertThat(headlines(r).get(0)).startsWith("charter/promises/calls.yaml:1:").contains("nests lists and mappings more than 16 deep");
  }

  @Test
  void aliasesThatExpandTooFarAreRefused() {
    // Few aliases, but each expands a large list: the node budget stops it.
    StringBuilder yaml = new StringBuilder("title: t\na: &a [");
    yaml.append("x,".repeat(5000)).append("x]\n");
    for (int i = 0; i < 15; i++) {
      yaml.append("b").append(i).append(": *a\n");
    }
    CharterLoader.LoadResult r = load(Fixtures.minimal().with("promises/calls.yaml", yaml.toString()));
    assertThat(headlines(r)).hasSize(1);
    assertThat(headlines(r).get(0)).contains("expands to more than 50000 values");
  }

  @Test
  void ymlFilesAndStrayFilesAreNamed() {
    CharterLoader.LoadResult r =
        load(
            Fixtures.minimal()
                .with("promises/emails.yml", "title: Emails\n")
                .with("promises/notes.txt", "notes\n")
                .with("promises/.DS_Store", "junk")
                .with("promises/calls.yaml~", "backup")
                .with("promises/4913", "vim")
                .with("promises/#calls.yaml#", "emacs"));
    assertThat(r.findings()).extracting(Finding::toString)
        .containsExactly(
            "charter/promises/emails.yml: error: unexpected file in promises/\n  hint: Rename it to emails.yaml.",
            "charter/promises/notes.txt: error: unexpected file in promises/\n  hint: Only <id>.yaml files belong here. Move or delete this one.");
  }

  @Test
  void idsAreLowerCaseAsciiAndNotReserved() {
    CharterLoader.LoadResult r =
        load(
            Fixtures.minimal()
                .with("promises/Calls.yaml", "title: x\n")
                .with("promises/c\u0430lls.yaml", "title: x\n") // Cyrillic a
                .with("promises/-calls.yaml", "title: x\n")
                .with("promises/con.yaml", "title: x\n"));
    assertThat(headlines(r))
        .containsExactlyInAnyOrder(
            "charter/promises/-calls.yaml: error: '-calls' is not a valid promise id",
            "charter/promises/Calls.yaml: error: 'Calls' is not a valid promise id",
            "charter/promises/c\u0430lls.yaml: error: 'c\u0430lls' is not a valid promise id",
            "charter/promises/con.yaml: error: 'con' is a reserved file name on Windows");
  }

  @Test
  void aCharterWithNoPromisesFolderSaysSo() {
    CharterLoader.LoadResult r = load(CharterFixture.of("-- charter.yaml --\norganisation: x\ntitle: y\n"));
    assertThat(headlines(r)).containsExactly("charter/promises: error: the promises folder is missing");
  }

  @Test
  void crlfAndBomReadLikeAnyOtherFile() {
    CharterLoader.LoadResult r =
        load(
            Fixtures.minimal()
                .with(CharterFixture.of("-- charter.yaml (bom, crlf) --\norganisation: Test Water\ntitle: Our promises\n")));
    assertThat(r.findings()).isEmpty();
    assertThat(scalar(r.charter().charter().orElseThrow(), "organisation")).isEqualTo("Test Water");
  }
}
