package dev.kept.render;

import dev.kept.model.Finding;
import dev.kept.model.Findings;
import dev.kept.model.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A theme folder as files, checked before any template is parsed: that it is a theme, that it is
 * small, that no link leads outside it, that its assets are of the kinds Kept publishes and that
 * its templates are UTF-8. Split out of {@link Theme}, which loads and bounds the templates.
 */
final class ThemeFolder {
  private ThemeFolder() {}

  /** What a theme's assets may be: styles, images and fonts. SVG images are checked as written. */
  static final List<String> ASSET_KINDS =
      List.of(".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".svg", ".woff", ".woff2", ".ttf", ".otf");

  /** How deep a theme folder's files may lie, and how many it may hold. */
  static final int MAX_DEPTH = 8;

  static final int MAX_FILES = 2_000;

  /**
   * Checks a theme folder's files before anything is parsed: that it is a theme (its top level
   * holds a template, {@code assets/} or {@code i18n/}), that it is small (at most {@value
   * #MAX_FILES} files, {@value #MAX_DEPTH} folders deep; links to folders are not followed), that
   * no file is a link to a file outside it, that its assets are of the kinds Kept publishes, and
   * that its templates are UTF-8.
   *
   * @return the names of its templates, relative to the folder, {@code /}-separated, and the
   *     findings about links, which the templates' checks complete with the includes that use them
   */
  static Walked walk(Path folder) throws ThemeException {
    Findings findings = new Findings();
    Findings links = new Findings();
    if (!Files.isDirectory(folder)) {
      throw new ThemeException(List.of(Theme.finding(
          SourcePos.file(folder.toString()),
          Files.exists(folder) ? "the theme folder is a file, not a folder" : "the theme folder does not exist",
          "Name an existing folder with --templates DIR.")));
    }
    Path real;
    List<Path> top;
    try (Stream<Path> list = Files.list(folder)) {
      real = folder.toRealPath();
      top = list.limit(MAX_FILES + 1L).toList();
    } catch (IOException | SecurityException e) {
      throw new ThemeException(List.of(Theme.finding(SourcePos.file(folder.toString()), "the theme folder cannot be read: " + e.getMessage(), "Check that --templates names a readable folder.")));
    }
    boolean themeLike =
        top.stream().anyMatch(p -> isTemplate(p.getFileName().toString()) && Files.isRegularFile(p))
            || Files.isDirectory(folder.resolve("assets"), LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(folder.resolve("i18n"), LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(folder.resolve("partials"), LinkOption.NOFOLLOW_LINKS);
    if (!themeLike) {
      throw new ThemeException(List.of(Theme.finding(
          SourcePos.file(folder.toString()),
          "this folder is not a theme: it has no templates (.ftlh, .ftlx), no assets/ and no i18n/ folder",
          "--templates names a theme folder, laid out as the built-in theme in templates/: copy the"
              + " templates you change, such as partials/footer.ftlh, into a folder of their own.")));
    }
    List<String> templates = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      java.util.Iterator<Path> it = walk.iterator();
      while (it.hasNext()) {
        Path p = it.next();
        if (files.size() >= MAX_FILES) {
          throw new ThemeException(List.of(Theme.finding(SourcePos.file(folder.toString()), "the theme folder holds more than " + MAX_FILES + " files",
              "A theme is its templates, words and assets: check that --templates names the theme's own folder.")));
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          files.add(p);
        }
      }
    } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
      throw new ThemeException(List.of(Theme.finding(SourcePos.file(folder.toString()), "the theme folder cannot be read: " + e.getMessage(), "Check that --templates names the theme's own, readable folder.")));
    }
    Path assets = folder.resolve("assets");
    for (Path p : files.stream().sorted().toList()) {
      String name = p.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (Files.isSymbolicLink(p)) {
        Optional<Path> target = realPath(p);
        if (target.isEmpty() || !target.get().startsWith(real)) {
          links.error(
              SourcePos.file(p.toString()),
              "the theme's file " + folder.relativize(p) + " is a link to "
                  + target.map(t -> "a file outside the theme folder").orElse("nothing readable"),
              "A theme's files are its own: copy the file into the theme folder instead of linking to it.");
          continue;
        }
      }
      if (!Files.isRegularFile(p)) {
        continue;
      }
      if (p.startsWith(assets) && !name.equals("index.txt") && !name.startsWith(".")
          && ASSET_KINDS.stream().noneMatch(lower::endsWith)) {
        findings.error(
            SourcePos.file(p.toString()),
            "the theme's asset " + assets.relativize(p) + " is not a kind of file Kept publishes",
            "A theme's assets are styles, images and fonts: " + String.join(", ", ASSET_KINDS)
                + ". A page a browser would open on its own, without the site's policy, is not"
                + " allowed.");
        continue;
      }
      if (!isTemplate(name) || p.startsWith(assets)) {
        continue;
      }
      try {
        byte[] bytes = Files.readAllBytes(p);
        Optional<SourcePos> bad = notUtf8(p.toString(), bytes);
        if (bad.isPresent()) {
          findings.error(bad.get(), "the template is not UTF-8 text", "Save the template as UTF-8 (most editors offer it under \"Save with encoding\").");
          continue;
        }
      } catch (IOException e) {
        findings.error(SourcePos.file(p.toString()), "the template cannot be read: " + e.getMessage());
        continue;
      }
      templates.add(folder.relativize(p).toString().replace('\\', '/'));
    }
    if (findings.hasErrors()) {
      findings.addAll(links.all());
      throw new ThemeException(findings.all());
    }
    return new Walked(templates, links.all());
  }

  /** A theme folder's templates, and its links to files outside it. */
  record Walked(List<String> templates, List<Finding> links) {}

  static boolean isTemplate(String name) {
    return TemplateCheck.TEMPLATE_KINDS.stream().anyMatch(name::endsWith);
  }

  static Optional<Path> realPath(Path p) {
    try {
      return Optional.of(p.toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The place of the first byte that is not UTF-8, if any. */
  static Optional<SourcePos> notUtf8(String file, byte[] bytes) {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      return Optional.empty();
    }
    out.flip();
    return Optional.of(SourcePos.at(file, out, out.length()));
  }
}
