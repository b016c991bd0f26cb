package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.model.Finding;
import dev.kept.model.Severity;
import dev.kept.model.SourcePos;
import dev.kept.render.view.ErrorLine;
import dev.kept.render.view.ErrorView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's error page: each finding with the lines around it, the column marked. */
class ErrorPageTest {
  @TempDir Path dir;

  @Test
  void marksTheColumnOnTheOffendingLineAndShowsTwoLinesEitherSide() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "a\nb\nc\ntitle: Héllo\nd\ne\nf\n");
    List<ErrorLine> lines = ErrorPage.excerpt(file, 4, 9);
    assertThat(lines).extracting(ErrorLine::number).containsExactly("2", "3", "4", "5", "6");
    ErrorLine marked = lines.get(2);
    assertThat(marked.marked()).isTrue();
    assertThat(List.of(marked.before(), marked.at(), marked.after())).containsExactly("title: H", "é", "llo");
    assertThat(marked.caret()).isEqualTo("  | " + " ".repeat(8) + "^");
    assertThat(lines.get(0)).isEqualTo(new ErrorLine("2", "b", "", "", false, ""));
  }

  @Test
  void aColumnPastTheEndMarksTheEndAndNumbersAreAligned() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n");
    List<ErrorLine> lines = ErrorPage.excerpt(file, 10, 40);
    assertThat(lines).extracting(ErrorLine::number).containsExactly(" 8", " 9", "10");
    assertThat(lines.get(2).before()).isEqualTo("ten");
    assertThat(lines.get(2).at()).isEmpty();
    assertThat(lines.get(2).caret()).isEqualTo("   | " + "   " + "^");
  }

  @Test
  void aControlCharacterIsShownAsTheCommandLineShowsItAndTheMarkStaysOnTheColumn() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "\tx: \u202Ey\n");
    ErrorLine line = ErrorPage.excerpt(file, 1, 5).get(0);
    assertThat(List.of(line.before(), line.at(), line.after())).containsExactly("\\u0009x: ", "\\u202E", "y");
    assertThat(line.caret()).isEqualTo("  | " + " ".repeat("\\u0009x: ".length()) + "^");
  }

  @Test
  void noLinesForAWholeFileALineTheFileHasNotOrAFileThatCannotBeRead() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "a\n");
    assertThat(ErrorPage.excerpt(file, 3, 1)).isEmpty();
    assertThat(ErrorPage.excerpt(dir.resolve("missing.yaml"), 1, 1)).isEmpty();
    Finding whole = new Finding(Severity.ERROR, SourcePos.file("p.yaml"), "empty", Optional.of("Fill it."), Optional.empty());
    ErrorView view = ErrorPage.views(List.of(whole), name -> Optional.of(file)).get(0);
    assertThat(view).isEqualTo(new ErrorView("p.yaml", "p.yaml", "", "", "empty", "Fill it.", List.of()));
  }

  @Test
  void theBuiltInPageKeepsTheRulesEveryPageKeeps() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "title: <script>alert(1)</script>\n");
    Finding f = new Finding(Severity.ERROR, new SourcePos("p.yaml", 1, 8), "a <b>bad</b> title", Optional.empty(), Optional.empty());
    String html = ErrorPage.render(Theme.builtIn(), "en", ErrorPage.views(List.of(f), name -> Optional.of(file)));
    assertThat(dev.kept.verify.Verifier.checkPage("error.html", html)).isEmpty();
    assertThat(html).doesNotContain("<script>").contains("<mark>&lt;</mark>script&gt;alert(1)&lt;/script&gt;").contains("a &lt;b&gt;bad&lt;/b&gt; title");
  }
}
