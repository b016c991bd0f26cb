package dev.kept.publish;

import dev.kept.render.Output;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Publishes a site atomically into an output folder.
 *
 * <pre>{@code
 * try (Publisher.Staging staging = new Publisher(Path.of("site")).begin()) {
 *   renderer.render(charter, staging);
 *   staging.commit();
 * }
 * }</pre>
 *
 * <p>{@link #begin()} makes an empty staging folder next to the output ({@code .site.staging-*});
 * {@link Staging#commit()} moves the old output aside, moves the staging folder into its place and
 * deletes the old one. Closing a staging folder that was not committed deletes it. If a build is
 * killed between the two moves, the next {@link #begin()} puts the old site back first.
 *
 * <p>Kept only replaces a folder it wrote: every site carries a {@value #MARKER} file, and an
 * existing non-empty output folder without one is refused, so that {@code --out} pointed at the
 * wrong folder can never delete it. Not thread-safe: one build per output folder at a time.
 */
public final class Publisher {
  /** The file that marks a folder as Kept's output. */
  public static final String MARKER = ".kept-site";

  private static final String MARKER_TEXT =
      "This folder was written by Kept. The next build replaces it whole: do not edit it by hand.\n";

  private static final String UNCHANGED = " The previous site is unchanged.";

  private final Path output;
  private final String name;

  public Publisher(Path output) {
    this.output = Objects.requireNonNull(output, "output").toAbsolutePath().normalize();
    this.name = this.output.getFileName() == null ? "site" : this.output.getFileName().toString();
  }

  /**
   * Starts a build: checks the output folder may be replaced, recovers from an interrupted
   * publish, and makes an empty staging folder.
   *
   * @throws PublishException when the output folder is not Kept's or cannot be written beside
   */
  public Staging begin() throws PublishException {
    Path parent = output.getParent();
    if (parent == null) {
      throw new PublishException("the output folder cannot be the root of the file system");
    }
    try {
      Files.createDirectories(parent);
      recover(parent);
      if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
          throw new PublishException(
              output + " exists and is not a folder; remove it or choose another --out");
        }
        if (!isEmpty(output) && !Files.exists(output.resolve(MARKER))) {
          throw new PublishException(
              output + " already holds files that Kept did not write (it has no " + MARKER
                  + " file), so Kept will not replace it. Empty it, or choose another --out.");
        }
      }
      Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
      readableByAll(staging);
      return new Staging(staging);
    } catch (AccessDeniedException e) {
      throw new PublishException(
          "cannot write to " + parent + ": permission denied. Check the folder is writable."
              + UNCHANGED, e);
    } catch (IOException e) {
      throw new PublishException("cannot prepare " + output + ": " + describe(e) + "." + UNCHANGED, e);
    }
  }

  /** Puts back a site left aside by a publish that was killed between its two moves. */
  private void recover(Path parent) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> s = Files.list(parent)) {
      leftovers =
          s.filter(p -> p.getFileName().toString().startsWith("." + name + "."))
              .sorted()
              .toList();
    }
    for (Path p : leftovers) {
      String n = p.getFileName().toString();
      if (n.startsWith("." + name + ".old-") && !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
      } else if (n.startsWith("." + name + ".old-") || n.startsWith("." + name + ".staging-")) {
        deleteTree(p);
      }
    }
  }

  /** A folder being filled by one build; becomes the output on {@link #commit()}. */
  public final class Staging implements Output, AutoCloseable {
    private final Path root;
    /** Folders already made, so each is made once and not asked for again for every file in it. */
    private final java.util.concurrent.ConcurrentHashMap<Path, Boolean> folders =
        new java.util.concurrent.ConcurrentHashMap<>();
    private boolean committed;

    private Staging(Path root) {
      this.root = root;
    }

    /** The staging folder, for the verify stage to read. */
    public Path root() {
      return root;
    }

    @Override
    public OutputStream open(String relativePath) throws IOException {
      Path target = resolve(relativePath);
      try {
        // Blocks other writers into the same folder until it exists.
        folders.computeIfAbsent(target.getParent(), folder -> {
          try {
            Files.createDirectories(folder);
            return Boolean.TRUE;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return Files.newOutputStream(
          target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The file a relative path names, refusing any path that would leave the staging folder. */
    public Path resolve(String relativePath) {
      if (relativePath.isEmpty()
          || relativePath.startsWith("/")
          || relativePath.contains("\\")
          || relativePath.contains("\0")
          || relativePath.contains(":")) {
        throw new IllegalArgumentException("not a safe relative path: " + relativePath);
      }
      for (String part : relativePath.split("/", -1)) {
        if (part.isEmpty() || part.equals(".") || part.equals("..")) {
          throw new IllegalArgumentException("not a safe relative path: " + relativePath);
        }
      }
      Path target = root.resolve(relativePath).normalize();
      if (!target.startsWith(root) || target.equals(root)) {
        throw new IllegalArgumentException("path leaves the output folder: " + relativePath);
      }
      return target;
    }

    /**
     * Makes the staging folder the output: the old output is moved aside, the new one moved into
     * place, and the old one deleted.
     */
    public void commit() throws PublishException {
      try {
        Files.writeString(root.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        Path parent = output.getParent();
        Path old = null;
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
          old = Files.createTempDirectory(parent, "." + name + ".old-");
          Files.delete(old);
          Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
          Files.move(root, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (old != null) {
            Files.move(old, output, StandardCopyOption.ATOMIC_MOVE); // put the old site back
          }
          throw e;
        }
        committed = true;
        if (old != null) {
          deleteTree(old);
        }
      } catch (DirectoryNotEmptyException e) {
        throw new PublishException(
            "cannot replace " + output + ": it changed during the build." + UNCHANGED, e);
      } catch (IOException e) {
        throw new PublishException("cannot publish to " + output + ": " + describe(e) + "." + UNCHANGED, e);
      }
    }

    /** Deletes the staging folder unless it was committed. */
    @Override
    public void close() {
      if (!committed) {
        try {
          deleteTree(root);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * A temporary folder is made readable by its owner only; a published site must be readable by a
   * web server running as another user, as a folder made with {@code mkdir} would be.
   */
  private static void readableByAll(Path dir) throws IOException {
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * What went wrong writing the output, in words and without a trailing full stop: a full disk, a
   * read-only file system or an output folder that is a mount point are named as such.
   */
  public static String describe(IOException e) {
    String reason =
        e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    if (reason == null) {
      return e.getClass().getSimpleName();
    }
    if (reason.contains("No space left") || reason.contains("Disk quota exceeded")) {
      return "the disk is full; free some space and build again";
    }
    if (reason.contains("Read-only file system")) {
      return "the file system is read-only";
    }
    if (reason.contains("Device or resource busy")) {
      return "the folder is a mount point or in use, so Kept cannot move it aside; write the site"
          + " into a folder inside it instead";
    }
    return reason;
  }
}
