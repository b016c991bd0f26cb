package dev.kept.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bad-input corpus in {@code src/test/resources/bad/}: one folder per case, laid out as its
 * README says. Reads a case's {@code expect} file and writes the case out as a charter folder (with
 * its theme and any files outside the charter beside it) for a test to run.
 */
public final class BadCorpus {
  public static final Path ROOT = Path.of("src/test/resources/bad");

  private BadCorpus() {}

  /** Every case's name, sorted. */
  public static List<String> cases() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A case's {@code expect} file. */
  public static Expect expect(String name) {
    try {
      return Expect.parse(Files.readString(ROOT.resolve(name).resolve("expect"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the case into {@code dir}: {@code dir/charter} (the minimal charter with the case's
   * files over it, or the case's files alone), {@code dir/theme} and {@code dir/outside} if the
   * case has them; then makes its links and grows its files.
   *
   * @return the charter folder
   */
  public static Path write(String name, Path dir) throws IOException {
    Path source = ROOT.resolve(name);
    Expect expect = expect(name);
    Path charter = dir.resolve("charter");
    if (expect.wholeCharter()) {
      Files.createDirectories(charter);
    } else {
      Fixtures.minimal().writeTo(charter);
    }
    for (String path : expect.delete()) {
      Files.delete(charter.resolve(path));
    }
    copy(source, charter, Set.of("expect", "theme", "outside"));
    for (String sub : List.of("theme", "outside")) {
      if (Files.isDirectory(source.resolve(sub))) {
        copy(source.resolve(sub), dir.resolve(sub), Set.of());
      }
    }
    for (String[] link : expect.links()) {
      Path at = charter.resolve(link[0]);
      Files.createDirectories(at.getParent());
      Files.deleteIfExists(at);
      Files.createSymbolicLink(at, Path.of(link[1]));
    }
    for (String[] grow : expect.grows()) {
      grow(charter.resolve(grow[0]), Long.parseLong(grow[1]), grow.length > 2 ? grow[2] : "");
    }
    return charter;
  }

  /** Copies a case's files, bytes as they are, leaving out the top-level names given. */
  private static void copy(Path from, Path to, Set<String> skip) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path rel = from.relativize(p);
        if (rel.toString().isEmpty() || skip.contains(rel.getName(0).toString())) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /** Appends {@code line} and a line feed until the file has at least {@code size} bytes. */
  private static void grow(Path file, long size, String line) throws IOException {
    byte[] unit = (line + "\n").getBytes(StandardCharsets.UTF_8);
    long times = Math.max(0, (size - Files.size(file) + unit.length - 1) / unit.length);
    byte[] block = new byte[(int) times * unit.length];
    for (int i = 0; i < block.length; i += unit.length) {
      System.arraycopy(unit, 0, block, i, unit.length);
    }
    Files.write(file, block, StandardOpenOption.APPEND);
  }

  /**
   * A case's {@code expect} file.
   *
   * @param exit the exit code of {@code kept build}
   * @param wholeCharter whether the case's files are the whole charter ({@code charter: whole})
   * @param delete files of the minimal charter to remove
   * @param links links to make: path in the charter, and target
   * @param grows files to grow: path, size in bytes, and the line to repeat (empty by default)
   * @param contains for a build that succeeds: a file of the site, and text it must contain
   * @param findings every finding's first line, in order
   */
  public record Expect(
      int exit,
      boolean wholeCharter,
      List<String> delete,
      List<String[]> links,
      List<String[]> grows,
      List<String[]> contains,
      List<String> findings) {

    static Expect parse(String text) {
      int exit = -1;
      boolean whole = false;
      List<String> delete = new ArrayList<>();
      List<String[]> links = new ArrayList<>();
      List<String[]> grows = new ArrayList<>();
      List<String[]> contains = new ArrayList<>();
      List<String> findings = new ArrayList<>();
      boolean inFindings = false;
      for (String line : text.split("\n", -1)) {
        if (inFindings) {
          if (!line.isBlank()) {
            findings.add(line);
          }
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        String key = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).strip();
        switch (key) {
          case "exit" -> exit = Integer.parseInt(value);
          case "charter" -> whole = value.equals("whole");
          case "delete" -> delete.add(value);
          case "link" -> links.add(value.split(" -> ", 2));
          case "grow" -> grows.add(value.split(" ", 3));
          case "contains" -> contains.add(value.split(": ", 2));
          case "findings" -> inFindings = true;
          default -> throw new IllegalArgumentException("unknown line in expect: " + line);
        }
      }
      if (exit < 0 || !inFindings) {
        throw new IllegalArgumentException("expect needs an 'exit:' line and a 'findings:' line");
      }
      return new Expect(exit, whole, delete, links, grows, contains, findings);
    }
  }
}
