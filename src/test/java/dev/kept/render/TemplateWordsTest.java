package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 12: every word the built-in theme shows comes from i18n/en.properties, filled by fill. */
class TemplateWordsTest {
  private static List<Path> templates() throws Exception {
    try (Stream<Path> walk = Files.walk(Path.of("templates"))) {
      return walk.filter(p -> p.toString().endsWith(".ftlh") || p.toString().endsWith(".ftlx")).sorted().toList();
    }
  }

  @Test
  void noTemplateShowsAWordOfItsOwn() throws Exception {
    List<String> words = new ArrayList<>();
    for (Path template : templates()) {
      String text = Files.readString(template)
          .replaceAll("(?s)<#--.*?-->", "")
          .replace("->", "→")
          .replaceAll("\\$\\{[^}]*}", "")
          .replaceAll("</?[#@][^>]*>", "")
          .replaceAll("<[^>]*>", "");
      text.lines()
          .filter(line -> line.matches(".*[A-Za-z]{2,}.*"))
          .forEach(line -> words.add(template + ": " + line.strip()));
    }
    assertThat(words).as("text outside t.* in the built-in templates").isEmpty();
  }

  @Test
  void placeholdersAreFilledByFillNotByReplace() throws Exception {
    for (Path template : templates()) {
      assertThat(Files.readString(template)).as(template.toString()).doesNotContain("?replace");
    }
  }
}
