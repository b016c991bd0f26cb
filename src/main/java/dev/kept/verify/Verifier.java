package dev.kept.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kept.model.ExplainedCharter;
import dev.kept.model.ExplainedCharter.ExplainedPromise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
  /** An inline event handler, or a link that would run script, in a tag. */
  private static final java.util.regex.Pattern UNSAFE =
      java.util.regex.Pattern.compile("<[a-z][^>]*\\s(?:on[a-z]+\\s*=|(?:href|src|action)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):)");

  /** Every problem found; empty when the site may be published. */
  public List<String> verify(Path root, ExplainedCharter charter) throws IOException {
    List<String> problems = new ArrayList<>();
    Path real = root.toRealPath();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        if (Files.isSymbolicLink(p)) {
          problems.add("a link was written to the site: " + root.relativize(p));
        } else if (!p.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(real)) {
          problems.add("a file outside the site: " + p);
        }
      }
    }
    Path json = root.resolve("charter.json");
    if (!Files.isRegularFile(json)) {
      problems.add("charter.json was not written");
    } else {
      try (JsonParser parser = JSON.createParser(json.toFile())) {
        while (parser.nextToken() != null) {
          // reading every token proves the file is well-formed
        }
      } catch (JsonProcessingException e) {
        problems.add("charter.json is not well-formed: " + e.getOriginalMessage());
      }
    }
    for (String page : dev.kept.render.SiteRenderer.pages(charter)) {
      Path file = root.resolve(page);
      if (!Files.isRegularFile(file)) {
        problems.add(page + " was not written");
        continue;
      }
      String html = Files.readString(file).toLowerCase(java.util.Locale.ROOT);
      if (html.contains("<script")) {
        problems.add(page + " contains a script");
      }
      if (UNSAFE.matcher(html).find()) {
        problems.add(page + " contains an event handler or a script link");
      }
      if (!html.contains("http-equiv=\"content-security-policy\"")) {
        problems.add(page + " has no Content-Security-Policy");
      }
    }
    for (ExplainedPromise p : charter.promises()) {
      if (p.promise().isMeasured()
          && !Files.isRegularFile(root.resolve("figures").resolve(p.promise().id() + ".csv"))) {
        problems.add("figures/" + p.promise().id() + ".csv was not written");
      }
    }
    return problems;
  }
}
