package dev.kept.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a staged site: every file is a regular file inside the folder (no links), {@code
 * charter.json} is well-formed JSON, every measured promise has its figures file, and every page
 * is there, runs no script (no script element, event handler or script link) and carries a
 * Content-Security-Policy.
 *
 * <p>Thread-safe: instances hold no state.
 */
public final class Verifier {
  private static final JsonFactory JSON = new JsonFactory();
  /**
   * An inline event handler, or a link that would run script, in a tag: an attribute of the tag,
   * never text inside another attribute's quoted value (a title may say "onclick=").
   */
  private static final java.util.regex.Pattern UNSAFE =
      java.util.regex.Pattern.compile(
          "<[a-z][^\\s>/]*+(?:\\s++[^\\s\"'>/=]++(?:\\s*+=\\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\\s\"'>]++))?+)*?"
              + "\\s++(?:on[a-z]+\\s*=|(?:href|src|action)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):)",
          java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern SCRIPT =
      java.util.regex.Pattern.compile("<script", java.util.regex.Pattern.CASE_INSENSITIVE);

  private static List<String> checkJson(Path root) {
    List<String> problems = new ArrayList<>();
    Path json = root.resolve("charter.json");
    if (!Files.isRegularFile(json)) {
      problems.add("charter.json was not written");
      return problems;
    }
    try (JsonParser parser = JSON.createParser(json.toFile())) {
      while (parser.nextToken() != null) {
        // reading every token proves the file is well-formed
      }
    } catch (JsonProcessingException e) {
      problems.add("charter.json is not well-formed: " + e.getOriginalMessage());
    } catch (IOException e) {
      problems.add("charter.json cannot be read back: " + e.getMessage());
    }
    return problems;
  }

  private static List<String> checkPage(Path root, String page) {
    List<String> problems = new ArrayList<>();
    Path file = root.resolve(page);
    if (!Files.isRegularFile(file)) {
      problems.add(page + " was not written");
      return problems;
    }
    String html;
    try {
      html = Files.readString(file);
    } catch (IOException e) {
      problems.add(page + " cannot be read back: " + e.getMessage());
      return problems;
    }
    if (SCRIPT.matcher(html).find()) {
      problems.add(page + " contains a script");
    }
    if (UNSAFE.matcher(html).find()) {
      problems.add(page + " contains an event handler or a script link");
    }
    if (!html.contains("http-equiv=\"Content-Security-Policy\"")) {
      problems.add(page + " has no Content-Security-Policy");
    }
    return problems;
  }

  /** Every problem found; empty when the site may be published. */
  public List<String> verify(Path root, ExplainedCharter charter) throws IOException {
    List<String> problems = new ArrayList<>();
    // Files.walk does not follow links, so every path it yields is inside the site unless it is a
    // link itself: those are the only way out.
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        if (Files.isSymbolicLink(p)) {
          problems.add("a link was written to the site: " + root.relativize(p));
        }
      }
    }
    // charter.json is read back while the pages are checked: it is by far the largest file.
    java.util.concurrent.CompletableFuture<List<String>> json =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> checkJson(root));
    // Pages are checked on every core; problems are listed in page order.
    List<String> pages = dev.kept.render.SiteRenderer.pages(charter);
    List<List<String>> perPage = pages.parallelStream().map(page -> checkPage(root, page)).toList();
    perPage.forEach(problems::addAll);
    problems.addAll(json.join());
    for (ExplainedPromise p : charter.promises()) {
      if (p.promise().isMeasured()
          && !Files.isRegularFile(root.resolve("figures").resolve(p.promise().id() + ".csv"))) {
        problems.add("figures/" + p.promise().id() + ".csv was not written");
      }
    }
    return problems;
  }
}
