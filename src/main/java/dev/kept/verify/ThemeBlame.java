package dev.kept.verify;

import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import dev.kept.render.SitePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns what the verify stage found in the pages a theme made into findings at the theme's own
 * files: a problem on a rendered page is looked for in the theme's templates by the text it was
 * written with (the page's line up to the problem, then the tag or attribute alone, then its name),
 * and reported at the first place that text is found, such as {@code theme/layout.ftlh:6:25}. A
 * problem in one of the theme's images is reported at its own line. A problem found in no file of
 * the theme is reported at the theme folder, with the page and place it is on.
 *
 * <p>One finding per place and problem, however many pages share it (the layout makes every page).
 */
public final class ThemeBlame {
  /** Theme files looked in: templates, and SVG images (whose problems have their own line). */
  private static final List<String> SEARCHED = List.of(".ftlh", ".ftlx", ".ftl", ".svg");

  /** The largest theme file read for clues: larger ones are not templates anyone writes. */
  private static final long MAX_FILE = 4L << 20;

  private ThemeBlame() {}

  /**
   * One error finding per place in the theme and problem, in the order of the theme's files and
   * lines.
   *
   * @param folder the theme folder ({@code --templates}), as the user named it
   * @param problems what the verify stage found, as {@link Verifier#markupProblems} lists them
   */
  public static List<Finding> findings(Path folder, List<Problem> problems) {
    List<Source> sources = sources(folder);
    Map<String, Place> places = new LinkedHashMap<>();
    for (Problem problem : problems) {
      SourcePos pos = locate(folder, sources, problem);
      String where = problem.path() + (problem.line() > 0 ? ":" + problem.line() + ":" + Math.max(1, problem.column()) : "");
      String key = pos + "\u0000" + problem.kind() + "\u0000" + problem.detail();
      Place place = places.get(key);
      if (place == null) {
        places.put(key, new Place(pos, problem, where, new int[] {1}));
      } else {
        place.pages()[0]++;
      }
    }
    List<Place> sorted = new ArrayList<>(places.values());
    sorted.sort(
        java.util.Comparator.comparing((Place p) -> p.pos().line() == 0 ? 1 : 0)
            .thenComparing(p -> p.pos().file())
            .thenComparingInt(p -> p.pos().line())
            .thenComparingInt(p -> p.pos().column()));
    Findings findings = new Findings();
    for (Place place : sorted) {
      int others = place.pages()[0] - 1;
      String on = place.where() + (others > 0 ? " and " + others + (others == 1 ? " other" : " others") : "");
      findings.error(place.pos(), place.problem().detail() + " (" + on + ")", hint(place.problem().kind()));
    }
    return findings.all();
  }

  private record Place(SourcePos pos, Problem problem, String where, int[] pages) {}

  private record Source(Path path, String text, String lower) {}

  private static SourcePos locate(Path folder, List<Source> sources, Problem problem) {
    if (SitePaths.assetOf(problem.path()).isPresent() && problem.line() > 0) {
      Path own = folder.resolve(problem.path()).normalize();
      if (own.startsWith(folder.normalize()) && Files.isRegularFile(own, LinkOption.NOFOLLOW_LINKS)) {
        return new SourcePos(own.toString(), problem.line(), problem.column());
      }
    }
    List<String> clues = problem.clues();
    for (int i = 0; i < clues.size(); i++) {
      String clue = clues.get(i);
      if (clue.isBlank()) {
        continue;
      }
      int shift = i + 1 < clues.size() && clue.endsWith(clues.get(i + 1)) ? clue.length() - clues.get(i + 1).length() : 0;
      for (boolean exact : new boolean[] {true, false}) {
        String needle = exact ? clue : clue.toLowerCase(Locale.ROOT);
        for (Source source : sources) {
          int at = (exact ? source.text() : source.lower()).indexOf(needle);
          if (at >= 0) {
            return SourcePos.at(source.path().toString(), source.text(), at + shift);
          }
        }
      }
    }
    return SourcePos.file(folder.toString());
  }

  /** The theme's templates and images, in name order; those that cannot be read are left out. */
  private static List<Source> sources(Path folder) {
    List<Source> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted().toList()) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || SEARCHED.stream().noneMatch(name::endsWith)
            || Files.size(p) > MAX_FILE) {
          continue;
        }
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        sources.add(new Source(p, text, text.toLowerCase(Locale.ROOT)));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // What was read is searched; a problem not found in it is reported at the folder.
    }
    return sources;
  }

  private static String hint(Problem.Kind kind) {
    return switch (kind) {
      case SCRIPT -> "Kept's pages run no script, and its policy would block one: take the script out of the template.";
      case UNSAFE -> "Kept's pages run no script: no event handler (on...), no javascript:, vbscript: or data: link,"
          + " no srcdoc and no <base>. Take it out of the template.";
      case UNCLEAR -> "Kept publishes only markup that browsers read as its check does: valid HTML (the Nu HTML"
          + " Checker, validator.w3.org/nu, names each error), no <noscript> or <![CDATA[, no markup inside"
          + " <style> or <title> in a page with SVG, and UTF-8 only.";
      case NO_POLICY, POLICY -> "Keep the built-in layout's <meta http-equiv=\"Content-Security-Policy\" content=\""
          + Markup.POLICY + "\"> as it is, as the first element of <head> (after <meta charset=\"utf-8\">).";
      case XML -> "An SVG image must be well-formed XML, with no DOCTYPE, script, event handler or stylesheet.";
    };
  }
}
