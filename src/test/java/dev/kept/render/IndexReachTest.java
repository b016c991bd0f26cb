package dev.kept.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.Pipeline;
import dev.kept.testing.Fixtures;
import dev.kept.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: every promise is reachable from the index, whatever the groups. Each test builds a copy
 * of the example charter in a temporary folder (the example itself stays as it is) with some
 * promises given a {@code group}, and follows the site's links from {@code index.html}. H14 (good
 * and bad news look alike; a fixed order set by the charter): a promise is never less visible than
 * its neighbours because it alone has a group.
 */
class IndexReachTest {
  private static final Pattern HREF = Pattern.compile("href=\"([^\"#?]*)[^\"]*\"");

  @TempDir Path dir;

  /** Builds the example charter with {@code group: <name>} added to each named promise. */
  private Path build(Map<String, String> groups) throws Exception {
    Path charter = Trees.copy(Fixtures.exampleCharter(), dir.resolve("charter"));
    for (Map.Entry<String, String> e : groups.entrySet()) {
      Path file = charter.resolve("promises/" + e.getKey() + ".yaml");
      String yaml = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(yaml).as(e.getKey()).doesNotContain("\ngroup:");
      Files.writeString(file, yaml + "group: " + e.getValue() + "\n", StandardCharsets.UTF_8);
    }
    Path out = dir.resolve("site");
    Pipeline.Outcome outcome = Fixtures.pipeline(charter, out).build();
    assertThat(outcome.published()).as("%s", outcome.findings()).isTrue();
    return out;
  }

  /** Every promise folder the site has. */
  private static Set<String> promisePages(Path site) throws IOException {
    try (Stream<Path> list = Files.list(site.resolve("promises"))) {
      return new TreeSet<>(list.filter(Files::isDirectory).map(p -> "promises/" + p.getFileName() + "/index.html").toList());
    }
  }

  /** The pages reached by following links from the index, as paths relative to the site root. */
  private static Set<String> reachable(Path site) throws IOException {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("index.html"));
    while (!todo.isEmpty()) {
      String page = todo.pop();
      if (!seen.add(page)) {
        continue;
      }
      Path file = site.resolve(page);
      String html = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = HREF.matcher(html);
      while (m.find()) {
        String href = m.group(1);
        if (href.isEmpty() || href.contains(":")) {
          continue;
        }
        Path target = file.getParent().resolve(href).normalize();
        if (href.endsWith("/")) {
          target = target.resolve("index.html");
        }
        if (target.startsWith(site) && target.toString().endsWith(".html") && Files.isRegularFile(target)) {
          todo.push(site.relativize(target).toString().replace('\\', '/'));
        }
      }
    }
    return seen;
  }

  private static String index(Path site) throws IOException {
    return Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
  }

  @Test
  void h14_aLoneGroupedPromiseStaysOnTheIndexLikeItsNeighbours() throws Exception {
    Path site = build(Map.of("fix-leaks", "Your water supply"));
    String index = index(site);
    assertThat(index).contains("href=\"./promises/fix-leaks/\"", "href=\"./groups/your-water-supply/\"");
    assertThat(index).contains("href=\"./promises/answer-calls/\"");
    assertThat(reachable(site)).containsAll(promisePages(site));
  }

  @Test
  void h14_withGroupsOnSomePromisesTheIndexListsEveryActivePromiseInTheCharterOrder() throws Exception {
    Path site = build(Map.of("fix-leaks", "Your water supply", "answer-calls", "Talking to us"));
    String index = index(site);
    // H14: the charter's order, grouped or not (answer-calls comes before fix-leaks in charter.yaml).
    int calls = index.indexOf("href=\"./promises/answer-calls/\"");
    int leaks = index.indexOf("href=\"./promises/fix-leaks/\"");
    assertThat(calls).isPositive().isLessThan(leaks);
    assertThat(Files.readString(site.resolve("groups/your-water-supply/index.html"), StandardCharsets.UTF_8))
        .contains("promises/fix-leaks/");
  }

  @Test
  void whenEveryActivePromiseHasAGroupTheIndexListsTheGroupsAndTheirPagesReachEveryPromise() throws Exception {
    Map<String, String> groups = new java.util.HashMap<>();
    try (Stream<Path> list = Files.list(Fixtures.exampleCharter().resolve("promises"))) {
      List<Path> files = list.sorted().toList();
      for (int i = 0; i < files.size(); i++) {
        String id = files.get(i).getFileName().toString().replaceFirst("\\.yaml$", "");
        groups.put(id, i % 2 == 0 ? "Your water supply" : "Your account");
      }
    }
    Path site = build(groups);
    String index = index(site);
    // The groups table stands for the cards, as before: a charter of thousands is browsed by group.
    assertThat(index).contains("href=\"./groups/your-water-supply/\"", "href=\"./groups/your-account/\"");
    assertThat(index).doesNotContain("class=\"card\"");
    assertThat(reachable(site)).containsAll(promisePages(site));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fix-leaks", "paper-bill-reminders", "answer-calls fix-leaks restore-supply"})
  void everyPromiseIsReachableFromTheIndexWhateverTheGroups(String grouped) throws Exception {
    Map<String, String> groups = new java.util.HashMap<>();
    for (String id : grouped.split(" ")) {
      if (!id.isEmpty()) {
        groups.put(id, "Group of " + id);
      }
    }
    Path site = build(groups);
    assertThat(promisePages(site)).hasSizeGreaterThan(10);
    assertThat(reachable(site)).containsAll(promisePages(site));
  }
}
