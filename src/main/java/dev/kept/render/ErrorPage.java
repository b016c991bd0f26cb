package dev.kept.render;

import dev.kept.model.Finding;
import dev.kept.render.view.ErrorLine;
import dev.kept.render.view.ErrorView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preview's error page, rendered by the theme's {@code error.ftlh}: every error with its file,
 * line, column, message and hint, and the lines of the input around it with the position marked.
 * Its words are the theme's {@code error_*} words; it links the site's stylesheet from the site's
 * root, as the page is shown at any address.
 *
 * <pre>{@code
 * String html = ErrorPage.render(theme, "en", ErrorPage.views(findings, file -> Optional.of(path)));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorPage {
  private ErrorPage() {}

  /** The template, in a theme, that renders the page. */
  public static final String TEMPLATE = "error.ftlh";

  /** How many lines are shown on either side of the offending one. */
  static final int CONTEXT = 2;

  /** How many characters of a line are shown at most. */
  static final int LINE_CHARS = 300;

  /**
   * The page for {@code errors}, rendered by {@code theme}.
   *
   * @param language the language whose words the page uses ({@code en} when no charter has named one)
   * @throws ThemeException when the theme's error template fails
   */
  public static String render(Theme theme, String language, List<ErrorView> errors) throws ThemeException {
    Map<String, Object> model = new HashMap<>();
    model.put("lang", language);
    model.put("t", theme.words(language));
    model.put("root", "/");
    model.put("errors", errors);
    return theme.render(theme.template(TEMPLATE), model);
  }

  /**
   * The theme's asset {@code name} (such as {@code kept.css}), for an error page shown before any
   * site could be made; empty when the theme has none.
   */
  public static Optional<byte[]> asset(Theme theme, String name) {
    if (!theme.assets().contains(name)) {
      return Optional.empty();
    }
    try (InputStream in = theme.asset(name)) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Each finding as the page shows it.
   *
   * @param source the file a finding's path names, when its lines may be shown; a file that cannot
   *     be read as text shows none
   */
  public static List<ErrorView> views(List<Finding> findings, java.util.function.Function<String, Optional<Path>> source) {
    List<ErrorView> views = new ArrayList<>();
    for (Finding f : findings) {
      int line = f.pos().line();
      int column = f.pos().column();
      List<ErrorLine> lines =
          line > 0 ? source.apply(f.pos().file()).map(p -> excerpt(p, line, column)).orElse(List.of()) : List.of();
      views.add(
          new ErrorView(
              f.pos().toString(), f.pos().file(), line > 0 ? String.valueOf(line) : "",
              column > 0 ? String.valueOf(column) : "", f.message(), f.hint().orElse(""), lines));
    }
    return views;
  }

  /** {@code n}, right-aligned in {@code width} characters. */
  private static String number(int n, int width) {
    String digits = String.valueOf(n);
    return " ".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** The lines around {@code line} of {@code file}, the one at {@code line} split at {@code column}. */
  static List<ErrorLine> excerpt(Path file, int line, int column) {
    List<ErrorLine> lines = new ArrayList<>();
    int width = String.valueOf(line + CONTEXT).length();
    var decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String text;
      int n = 0;
      while (n < line + CONTEXT && (text = in.readLine()) != null) {
        n++;
        if (n < line - CONTEXT) {
          continue;
        }
        if (text.length() > LINE_CHARS) {
          text = text.substring(0, Character.isHighSurrogate(text.charAt(LINE_CHARS - 1)) ? LINE_CHARS - 1 : LINE_CHARS);
        }
        if (n != line) {
          lines.add(new ErrorLine(number(n, width), Finding.visible(text), "", "", false, ""));
          continue;
        }
        // Split first, then make each part visible: a control character before the column shows
        // as several characters, and the mark stays on the character the column names.
        int at = Math.max(0, Math.min(text.length(), column - 1));
        int end = at < text.length() ? text.offsetByCodePoints(at, 1) : at;
        String before = Finding.visible(text.substring(0, at));
        lines.add(
            new ErrorLine(
                number(n, width), before, Finding.visible(text.substring(at, end)),
                Finding.visible(text.substring(end)), true,
                " ".repeat(width) + " | " + " ".repeat(before.length()) + "^"));
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return lines.stream().anyMatch(ErrorLine::marked) ? lines : List.of();
  }
}
