package dev.kept.load;

import dev.kept.load.RawCharter.FiguresFile;
import dev.kept.load.RawCharter.PromiseFile;
import dev.kept.model.Finding;
import dev.kept.model.Chars;
import dev.kept.model.Findings;
import dev.kept.model.Names;
import dev.kept.model.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a charter folder: {@code charter.yaml}, {@code promises/*.yaml} and {@code figures/*.csv}.
 *
 * <p>Every file is read as untrusted bytes: size-checked before reading, decoded as strict UTF-8,
 * and parsed with the limits given. File names must be valid promise ids and every file must stay
 * inside the charter folder (a symlink pointing out of it is refused). All problems are collected;
 * a file that cannot be read is left out of the result and its errors explain why.
 *
 * <pre>{@code
 * LoadResult result = new CharterLoader(Limits.DEFAULT).load(Path.of("charter"), "charter");
 * }</pre>
 *
 * <p>Thread-safe: instances hold only their limits.
 */
public final class CharterLoader {

  private final Limits limits;

  private final dev.kept.model.Reuse reuse;

  public CharterLoader(Limits limits) {
    this(limits, dev.kept.model.Reuse.NONE);
  }

  /**
   * @param reuse what each promise and figures file's read is taken from: step {@code "read"},
   *     slotted by the file's path, keyed by its {@link Stamp} (with its name and the limits) when
   *     the stamp is settled (see {@link Stamp#settled}), else made afresh
   */
  public CharterLoader(Limits limits, dev.kept.model.Reuse reuse) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.reuse = Objects.requireNonNull(reuse, "reuse");
  }

  /** What loading found: the raw charter, and every problem met while reading it. */
  public record LoadResult(RawCharter charter, List<Finding> findings) {
    public LoadResult {
      Objects.requireNonNull(charter, "charter");
      findings = List.copyOf(findings);
    }
  }

  /**
   * Loads the charter in {@code folder}.
   *
   * @param display how to name the folder in messages (as the user typed it)
   */
  public LoadResult load(Path folder, String display) {
    String prefix = display.endsWith("/") ? display.substring(0, display.length() - 1) : display;
    Findings findings = new Findings();
    if (!Files.isDirectory(folder)) {
      findings.error(
          SourcePos.file(prefix),
          "the charter folder does not exist",
          "Run Kept from the folder that holds charter/, or name the folder with --charter DIR.");
      return new LoadResult(new RawCharter(prefix, Optional.empty(), List.of(), List.of(), new java.util.TreeSet<>(), new java.util.TreeSet<>()), findings.all());
    }
    Path root;
    try {
      root = folder.toRealPath();
    } catch (IOException e) {
      findings.error(SourcePos.file(prefix), "the charter folder cannot be read: " + e.getMessage());
      return new LoadResult(new RawCharter(prefix, Optional.empty(), List.of(), List.of(), new java.util.TreeSet<>(), new java.util.TreeSet<>()), findings.all());
    }

    YamlReader yaml = new YamlReader(limits);
    Optional<YNode> charter = Optional.empty();
    Path charterFile = root.resolve("charter.yaml");
    String charterName = prefix + "/charter.yaml";
    if (!Files.exists(charterFile, LinkOption.NOFOLLOW_LINKS)) {
      findings.error(
          SourcePos.file(charterName),
          "charter.yaml is missing",
          "Every charter folder starts with charter.yaml naming the organisation and title.");
    } else {
      charter =
          readText(root, charterFile, charterName, limits.maxYamlBytes(), findings)
              .flatMap(text -> yaml.read(text, charterName, findings));
    }

    List<Path> promiseFiles = list(root, "promises", ".yaml", prefix, findings, true);
    java.util.SortedSet<String> promiseIds = ids(promiseFiles, ".yaml");
    List<PromiseFile> promises =
        readAll(
            promiseFiles, findings, reuse, prefix + "/promises/",
            (file, found) -> {
              String name = prefix + "/promises/" + file.getFileName();
              return readText(root, file, name, limits.maxYamlBytes(), found)
                  .flatMap(text -> yaml.read(text, name, found))
                  .map(tree -> new PromiseFile(idOf(file, ".yaml"), name, tree));
            });

    // A figures file is listed here and read when validate checks it (FiguresFile#read): the
    // cells of every file at once were the build's peak of memory.
    CsvReader csv = new CsvReader(limits);
    List<Path> figuresFiles = list(root, "figures", ".csv", prefix, findings, false);
    java.util.SortedSet<String> figuresIds = ids(figuresFiles, ".csv");
    boolean keepText = reuse.keeps();
    List<FiguresFile> figures =
        figuresFiles.stream()
            .map(
                file ->
                    reuse.get("read", file.toString(), key(file, prefix + "/figures/"), () -> {
                      String name = prefix + "/figures/" + file.getFileName();
                      Source text = new Source(root, file, name, limits.maxCsvBytes(), keepText);
                      return new FiguresFile(
                          idOf(file, ".csv"), name,
                          found -> text.read(found).flatMap(t -> csv.read(t, name, found)));
                    }))
            .toList();
    return new LoadResult(
        new RawCharter(prefix, charter, promises, figures, promiseIds, figuresIds), findings.all());
  }

  /**
   * A file's text, read when asked for: afresh at every call, or once and then kept (with what
   * reading it found) when {@code keep}, for a memory that keeps the file for later runs.
   */
  private static final class Source {
    private final Path root;
    private final Path file;
    private final String name;
    private final long maxBytes;
    private final boolean keep;
    private volatile Read<String> kept;

    Source(Path root, Path file, String name, long maxBytes, boolean keep) {
      this.root = root;
      this.file = file;
      this.name = name;
      this.maxBytes = maxBytes;
      this.keep = keep;
    }

    Optional<String> read(Findings findings) {
      Read<String> read = kept;
      if (read == null) {
        Findings found = new Findings();
        read = new Read<>(readText(root, file, name, maxBytes, found), found.all());
        if (keep) {
          kept = read;
        }
      }
      findings.addAll(read.findings());
      return read.value();
    }
  }

  /** One file read on its own, with what reading it found. */
  private record Read<T>(Optional<T> value, List<Finding> findings) {}

  /**
   * Reads and parses files on every core; what they hold is listed, and what reading them found is
   * added to {@code findings}, in the files' order.
   */
  private <T> List<T> readAll(
      List<Path> files, Findings findings, dev.kept.model.Reuse reuse, String folder,
      java.util.function.BiFunction<Path, Findings, Optional<T>> reader) {
    List<Read<T>> reads =
        files.parallelStream()
            .map(
                file -> reuse.get("read", file.toString(), key(file, folder), () -> {
                  Findings found = new Findings();
                  Optional<T> value = reader.apply(file, found);
                  return new Read<>(value, found.all());
                }))
            .toList();
    List<T> values = new ArrayList<>();
    for (Read<T> read : reads) {
      findings.addAll(read.findings());
      read.value().ifPresent(values::add);
    }
    return values;
  }

  private static java.util.SortedSet<String> ids(List<Path> files, String extension) {
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    files.forEach(file -> ids.add(idOf(file, extension)));
    return ids;
  }

  /** The files in a sub-folder whose names are valid ids with the extension, sorted by name. */
  private List<Path> list(
      Path root, String sub, String extension, String prefix, Findings findings, boolean required) {
    Path dir = root.resolve(sub);
    String dirName = prefix + "/" + sub;
    if (Files.isSymbolicLink(dir)) {
      findings.error(
          SourcePos.file(dirName),
          "the " + sub + " folder is a link; Kept reads only files kept in the charter folder",
          "Replace the link with a real folder holding the files.");
      return List.of();
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (required) {
        findings.error(
            SourcePos.file(dirName),
            "the " + sub + " folder is missing",
            "Put one file per promise in " + dirName + "/, named <id>" + extension + ".");
      }
      return List.of();
    }
    List<Path> entries;
    try (Stream<Path> stream = Files.list(dir)) {
      entries = stream.sorted().toList();
    } catch (IOException e) {
      findings.error(SourcePos.file(dirName), "the folder cannot be read: " + e.getMessage());
      return List.of();
    }
    List<Path> accepted = new ArrayList<>();
    for (Path entry : entries) {
      String fileName = entry.getFileName().toString();
      // A file name is shown with any control character written out, never sent to the terminal.
      String shown = dirName + "/" + Chars.visible(fileName);
      if (fileName.startsWith(".") || isEditorFile(fileName)) {
        continue; // editor and system files (.DS_Store, .x.swp, x~, #x#, vim's 4913) are not part of a charter
      }
      if (Files.isDirectory(entry)) {
        findings.error(
            SourcePos.file(shown),
            "unexpected folder in " + sub + "/",
            "Put files directly in " + dirName + "/; Kept does not look in sub-folders.");
        continue;
      }
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (!fileName.endsWith(extension)) {
        String hint =
            extension.equals(".yaml") && lower.endsWith(".yml")
                ? "Rename it to " + Chars.visible(fileName.substring(0, fileName.length() - 4)) + ".yaml."
                : "Only <id>" + extension + " files belong here. Move or delete this one.";
        findings.error(SourcePos.file(shown), "unexpected file in " + sub + "/", hint);
        continue;
      }
      String id = idOf(entry, extension);
      if (!Names.ID.matcher(id).matches()) {
        findings.error(
            SourcePos.file(shown),
            "'" + Chars.visible(id) + "' is not a valid promise id",
            "An id is 1 to 64 lower-case letters a-z, digits and hyphens, starting with a letter or"
                + " digit: for example " + Names.suggest(id) + extension + ".");
        continue;
      }
      if (Names.isReserved(id)) {
        findings.error(
            SourcePos.file(shown),
            "'" + id + "' is a reserved file name on Windows",
            "Choose another id, for example " + id + "-promise" + extension + ".");
        continue;
      }
      if (accepted.size() >= limits.maxPromises()) {
        findings.error(
            SourcePos.file(shown),
            "more than " + limits.maxPromises() + " files in " + sub + "/",
            "A charter this large needs the limit raised; see the README's limits section.");
        break;
      }
      accepted.add(entry);
    }
    return accepted;
  }

  /** Files editors leave beside the ones they edit. */
  public static boolean isEditorFile(String name) {
    return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp")
        || (name.startsWith("#") && name.endsWith("#")) || name.matches("\\d+");
  }

  private static Optional<String> readText(
      Path root, Path file, String name, long maxBytes, Findings findings) {
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(root)) {
        findings.error(
            SourcePos.file(name),
            "the file is a link to somewhere outside the charter folder",
            "Copy the file into the charter folder instead of linking to it.");
        return Optional.empty();
      }
      if (!Files.isRegularFile(real)) {
        findings.error(SourcePos.file(name), "not a regular file", "Replace it with a text file.");
        return Optional.empty();
      }
      long size = Files.size(real);
      if (size > maxBytes) {
        findings.error(
            SourcePos.file(name),
            "the file is " + size + " bytes, more than the limit of " + maxBytes,
            "A charter file this large is almost certainly a mistake; see the README's limits.");
        return Optional.empty();
      }
      return Text.decode(Files.readAllBytes(real), name, findings);
    } catch (java.nio.file.NoSuchFileException e) {
      findings.error(
          SourcePos.file(name),
          "the file is a link to a file that does not exist",
          "Replace the link with the file itself, or delete it.");
      return Optional.empty();
    } catch (IOException e) {
      findings.error(
          SourcePos.file(name),
          "the file cannot be read: " + e.getMessage(),
          "Check that the file is readable by the user that runs Kept.");
      return Optional.empty();
    }
  }

  private static String idOf(Path file, String extension) {
    String name = file.getFileName().toString();
    return name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
  }

  /**
   * What a file's read is made from: its stamp, its name in messages and the limits; {@code null}
   * (read it afresh) when its stamp is not settled or cannot be taken.
   */
  private Object key(Path file, String folder) {
    return Stamp.of(file)
        .filter(stamp -> stamp.settled(System.currentTimeMillis()))
        .map(stamp -> (Object) List.of(stamp, folder + file.getFileName(), limits))
        .orElse(null);
  }

  /**
   * The attributes of a file that change when it does: its size, its modification and change
   * times in nanoseconds, and its device and inode (or what the system names the file by). The
   * preview compares them to see whether a file changed since it was last read.
   */
  public record Stamp(long size, long modified, long changed, long device, long inode, String key) {
    /** How long ago a file must have been modified for its time to tell a later change. */
    public static final long SETTLE_MILLIS = 2_000;

    /**
     * Whether the file was modified at least {@value #SETTLE_MILLIS} ms before {@code nowMillis},
     * so that its stamp tells any later change. File systems keep times to a tick (up to 2 s on
     * some), so a second edit of the same size within one tick would otherwise go unseen (Git's
     * index treats such "racily clean" files the same way): a file modified more recently is
     * read again at every load until it settles. The change time, where the system keeps one,
     * cannot be set back, so a rewrite with its modification time set back is seen.
     */
    public boolean settled(long nowMillis) {
      return modified / 1_000_000 < nowMillis - SETTLE_MILLIS;
    }

    private static final String UNIX = "unix:size,lastModifiedTime,ctime,ino,dev,isRegularFile";

    /** The file's stamp; empty when it is not a regular file (a link, say) or cannot be read. */
    public static Optional<Stamp> of(Path file) {
      try {
        if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
          java.util.Map<String, Object> a = Files.readAttributes(file, UNIX, LinkOption.NOFOLLOW_LINKS);
          if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
            return Optional.empty();
          }
          return Optional.of(
              new Stamp(
                  (Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
                  (Long) a.get("dev"), (Long) a.get("ino"), ""));
        }
        java.nio.file.attribute.BasicFileAttributes a =
            Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
          return Optional.empty();
        }
        return Optional.of(new Stamp(a.size(), nanos(a.lastModifiedTime()), 0, 0, 0, String.valueOf(a.fileKey())));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private static long nanos(Object time) {
      return ((java.nio.file.attribute.FileTime) time).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}
