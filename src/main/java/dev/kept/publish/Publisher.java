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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Publishes a site atomically into an output folder.
 *
 * <pre>{@code
 * try (Publisher.Staging staging = new Publisher(Path.of("site")).begin()) {
 *   renderer.render(charter, staging);
 *   staging.commit(List.of("index.html"));
 * }
 * }</pre>
 *
 * <p>{@link #begin()} takes the output folder's lock, then makes an empty staging folder next to
 * the output ({@code .site.staging-*}); {@link Staging#commit} reads the staging folder back from
 * disk, checks that it holds exactly the files this build wrote, each the file it made and as long
 * as what it wrote, and every required file; then it moves the old output aside, moves the staging
 * folder into its place and deletes the old one. Closing a staging folder that was not committed
 * deletes it; closing it always lets go of the lock. If a build is killed between the two moves,
 * the next {@link #begin()} puts the old site back first.
 *
 * <p>One build at a time per output folder: {@link #begin()} holds an OS file lock ({@link
 * FileChannel#tryLock()}) on a lock file beside the output ({@code .site.lock} next to {@code
 * site/}, never inside it), across processes and within one. A second build waits for it, says so
 * once through its {@code onWait}, and gives up with a {@link PublishException} after its wait.
 * The lock file is left in place: deleting it could let two builds hold locks on two different
 * files. The lock ends with the process that holds it, however it ends.
 *
 * <p>Kept only replaces or deletes a folder it wrote: every site and every staging folder carries
 * a {@value #MARKER} file with Kept's text, an existing non-empty output folder without one is
 * refused, so that {@code --out} pointed at the wrong folder can never delete it, and a folder
 * beside the output named like a staging or old folder is deleted, or moved back into place, only
 * when it is a real folder named as Kept names them and carries the marker. Thread-safe between
 * instances: the lock orders them; a {@link Staging} may be written from several threads.
 */
public final class Publisher {
  /** The file that marks a folder as Kept's output. */
  public static final String MARKER = ".kept-site";

  /** How long {@link #begin()} waits for another build of the same output folder by default. */
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

  private static final String MARKER_TEXT =
      "This folder was written by Kept. The next build replaces it whole: do not edit it by hand.\n";

  private static final String UNCHANGED = " The previous site is unchanged.";

  /** How often a waiting build tries the lock again. */
  private static final long POLL_MILLIS = 50;

  private final Path output;
  private final String name;
  private final Duration wait;
  private final Consumer<String> onWait;
  /** A site (carries the marker, replaced whole), or a new folder such as an imported charter. */
  private final boolean site;

  /** A publisher that waits {@link #DEFAULT_WAIT} for another build, silently. */
  public Publisher(Path output) {
    this(output, DEFAULT_WAIT, notice -> {});
  }

  /**
   * @param output the output folder
   * @param wait how long {@link #begin()} waits for another build of the same folder to finish
   * @param onWait told once, in words, when {@link #begin()} has to wait
   */
  public Publisher(Path output, Duration wait, Consumer<String> onWait) {
    this(output, wait, onWait, true);
  }

  /**
   * A publisher for a folder that must not exist yet or be empty, such as the charter {@code kept
   * import} writes: it is written as a site is (staged beside it, then moved into place whole, one
   * writer at a time), but keeps no {@value #MARKER} file, since it is not a site the next build
   * may replace; a non-empty folder is never replaced.
   */
  public static Publisher newFolder(Path output, Duration wait, Consumer<String> onWait) {
    return new Publisher(output, wait, onWait, false);
  }

  private Publisher(Path output, Duration wait, Consumer<String> onWait, boolean site) {
    this.site = site;
    this.output = Objects.requireNonNull(output, "output").toAbsolutePath().normalize();
    this.name = this.output.getFileName() == null ? "site" : this.output.getFileName().toString();
    this.wait = Objects.requireNonNull(wait, "wait");
    this.onWait = Objects.requireNonNull(onWait, "onWait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative: " + wait);
    }
  }

  /** The output folder, absolute. */
  public Path output() {
    return output;
  }

  /** The lock file beside the output folder that one build at a time holds. */
  public Path lockFile() {
    Path parent = output.getParent();
    return (parent == null ? output : parent).resolve("." + name + ".lock");
  }

  /**
   * Starts a build: waits for any other build of the same output folder, checks the output folder
   * may be replaced, recovers from an interrupted publish, and makes an empty staging folder.
   *
   * @throws PublishException when the output folder is not Kept's or cannot be written beside, or
   *     another build held it for longer than the wait
   */
  public Staging begin() throws PublishException {
    Path parent = output.getParent();
    if (parent == null) {
      throw new PublishException("the output folder cannot be the root of the file system");
    }
    Hold hold = null;
    try {
      Files.createDirectories(parent);
      hold = lock();
      recover(parent);
      if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
          throw new PublishException(
              output + " exists and is not a folder; remove it or choose another --out");
        }
        if (!site && !isEmpty(output)) {
          throw new PublishException(output + " is not empty; write into a new folder. It is unchanged.");
        }
        if (!isEmpty(output) && !Files.exists(output.resolve(MARKER))) {
          throw new PublishException(
              output + " already holds files that Kept did not write (it has no " + MARKER
                  + " file), so Kept will not replace it. Empty it, or choose another --out.");
        }
      }
      Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
      Staging s = new Staging(staging, hold);
      hold = null; // the staging folder lets go of it
      try {
        Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        readableByAll(staging);
      } catch (IOException | RuntimeException e) {
        s.close();
        throw e;
      }
      return s;
    } catch (AccessDeniedException e) {
      throw new PublishException(
          "cannot write to " + parent + ": permission denied. Check the folder is writable."
              + UNCHANGED, e);
    } catch (IOException e) {
      throw new PublishException("cannot prepare " + output + ": " + describe(e) + "." + UNCHANGED, e);
    } finally {
      if (hold != null) {
        hold.release();
      }
    }
  }

  /**
   * Takes the output folder's lock, waiting up to {@link #wait} for another build to let go of it.
   * A lock held by this process (another build in the same JVM) counts as held.
   */
  private Hold lock() throws IOException, PublishException {
    Path file = lockFile();
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      boolean told = false;
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock != null) {
          return new Hold(channel, lock);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new PublishException(
              "another build of " + output + " is still running (it holds " + file + "); gave up"
                  + " after waiting " + seconds(wait) + ". Nothing was published by this build; run"
                  + " it again when the other one has finished, or wait longer with --wait.");
        }
        if (!told) {
          onWait.accept("waiting for another build of " + output + " to finish…");
          told = true;
        }
        Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      throw new PublishException(
          "stopped while waiting for another build of " + output + " to finish." + UNCHANGED, e);
    } catch (IOException | PublishException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static String seconds(Duration d) {
    long s = d.toSeconds();
    return s == 1 ? "1 second" : s + " seconds";
  }

  /** The output folder's lock, held from {@link #begin()} until its staging folder is closed. */
  private record Hold(FileChannel channel, FileLock lock) {
    void release() {
      try {
        channel.close(); // lets go of the lock too
      } catch (IOException e) {
        // The lock ends with the channel or, at worst, with the process.
      }
    }
  }

  /**
   * Puts back a site left aside by a publish that was killed between its two moves, and deletes
   * the staging and old folders killed builds left. Runs under the lock, so no other build is using
   * them. Only folders Kept made are touched: see {@link #ours}.
   */
  private void recover(Path parent) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> s = Files.list(parent)) {
      leftovers =
          s.filter(p -> p.getFileName().toString().startsWith("." + name + "."))
              .sorted()
              .toList();
    }
    String old = "." + name + ".old-";
    String staging = "." + name + ".staging-";
    for (Path p : leftovers) {
      String n = p.getFileName().toString();
      if (!(ours(n, old) || ours(n, staging)) || !hasMarker(p)) {
        continue;
      }
      if (n.startsWith(old) && !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(p, output, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteTree(p);
      }
    }
  }

  /** Whether a name is the prefix and then the digits {@link Files#createTempDirectory} adds. */
  private static boolean ours(String name, String prefix) {
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      return false;
    }
    for (int i = prefix.length(); i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a path is a real folder (not a link) holding Kept's marker as a real file with Kept's
   * text: a folder Kept made, rather than one someone named like it.
   */
  static boolean hasMarker(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
        || Files.size(marker) != MARKER_TEXT.getBytes(StandardCharsets.UTF_8).length) {
      return false;
    }
    return Files.readString(marker, StandardCharsets.UTF_8).equals(MARKER_TEXT);
  }

  /**
   * What this build made of one file: the file itself (its key), how many bytes it wrote, and when
   * it was last modified as it was closed. The time tells a file replaced under the build from the
   * one written when the file system gives the replacement the same key (a freed inode reused) and
   * it has the same length.
   */
  private static final class Written {
    private final Path path;
    private final Object key;
    private volatile long bytes;
    private volatile boolean closed;
    private volatile java.nio.file.attribute.FileTime modified;

    Written(Path path, Object key) {
      this.path = path;
      this.key = key;
    }
  }

  /** Counts the bytes written through it into its {@link Written}. */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private final Written written;
    private long bytes;

    Counting(OutputStream out, Written written) {
      this.out = out;
      this.written = written;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (written.closed) {
        return;
      }
      out.close();
      written.bytes = bytes;
      written.modified = Files.getLastModifiedTime(written.path, LinkOption.NOFOLLOW_LINKS);
      written.closed = true;
    }
  }

  /** A folder being filled by one build; becomes the output on {@link #commit}. */
  public final class Staging implements Output, AutoCloseable {
    private final Path root;
    private final Hold hold;
    /** Folders already made, so each is made once and not asked for again for every file in it. */
    private final ConcurrentHashMap<Path, Boolean> folders = new ConcurrentHashMap<>();
    /** Every file this build wrote, by its path relative to the root. */
    private final ConcurrentHashMap<String, Written> files = new ConcurrentHashMap<>();
    /**
     * Opening a file holds it shared; closing the staging folder holds it alone, so that once it
     * is closed no file or folder is made in it and its deletion sees everything in it.
     */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;
    private volatile boolean committed;

    private Staging(Path root, Hold hold) {
      this.root = root;
      this.hold = hold;
    }

    /** The staging folder, for the verify stage to read. */
    public Path root() {
      return root;
    }

    @Override
    public OutputStream open(String relativePath) throws IOException {
      Path target = resolve(relativePath);
      gate.readLock().lock();
      try {
        if (closed || committed) {
          throw new IOException("the build into " + output + " has stopped; " + relativePath + " was not written");
        }
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
        OutputStream out =
            Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
          Written w = new Written(target, key(target));
          files.put(relativePath, w);
          return new Counting(out, w);
        } catch (IOException | RuntimeException e) {
          out.close();
          throw e;
        }
      } finally {
        gate.readLock().unlock();
      }
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

    /** Makes the staging folder the output; see {@link #commit(Collection)}. */
    public void commit() throws PublishException {
      commit(List.of());
    }

    /**
     * Makes the staging folder the output: reads it back from disk and checks it holds every file
     * in {@code required} and exactly the files this build wrote, each the file it made, finished,
     * and as long as what was written into it; then the old output is moved aside, the new one
     * moved into place, and the old one deleted.
     *
     * @param required paths, relative to the root, the site must have
     * @throws PublishException when the staged folder is not what this build wrote, or the moves
     *     fail; the previous output is left as it was
     */
    public void commit(Collection<String> required) throws PublishException {
      List<String> problems;
      try {
        problems = staged(required);
      } catch (IOException e) {
        throw new PublishException(
            "cannot read back the staged site in " + root + ": " + describe(e) + "." + UNCHANGED, e);
      }
      if (!problems.isEmpty()) {
        int shown = Math.min(3, problems.size());
        throw new PublishException(
            "the staged site for " + output + " is not the one this build wrote: "
                + String.join("; ", problems.subList(0, shown))
                + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "")
                + ". Nothing was published." + UNCHANGED);
      }
      try {
        Path parent = output.getParent();
        Path old = null;
        if (!site) {
          Files.delete(root.resolve(MARKER));
          if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(output); // empty, as begin checked; fails if it no longer is
            try {
              Files.move(root, output, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
              Files.createDirectory(output); // put the empty folder back
              throw e;
            }
            committed = true;
            return;
          }
        }
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

    /**
     * What is wrong with the staging folder as it is on disk: a file this build did not write, a
     * written file missing, not closed, replaced or of another length, a required file missing, or
     * anything that is neither a folder nor a regular file. Empty when it may be published.
     */
    private List<String> staged(Collection<String> required) throws IOException {
      List<String> problems = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      // One pass over the folder; the walk's own attributes, so each file is looked at once.
      Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
          String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
          if (!a.isRegularFile()) {
            problems.add(rel + " is not a regular file");
          } else if (!rel.equals(MARKER)) {
            Written w = files.get(rel);
            Object key = a.fileKey() == null ? p.toRealPath(LinkOption.NOFOLLOW_LINKS) : a.fileKey();
            if (w == null) {
              problems.add(rel + " is there but this build did not write it");
            } else if (!w.closed) {
              problems.add(rel + " was not finished");
            } else if (!Objects.equals(w.key, key) || w.bytes != a.size() || !a.lastModifiedTime().equals(w.modified)) {
              problems.add(rel + " is not the file this build wrote");
            }
            seen.add(rel);
          }
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
      problems.sort(null);
      if (!hasMarker(root)) {
        problems.add(MARKER + " is missing");
      }
      new java.util.TreeMap<>(files).keySet().stream()
          .filter(f -> !seen.contains(f))
          .forEach(f -> problems.add(f + " was written but is not there"));
      required.stream()
          .filter(f -> !seen.contains(f) && !files.containsKey(f))
          .forEach(f -> problems.add(f + " is missing"));
      return problems;
    }

    /**
     * Deletes the staging folder unless it was committed, once no file is being made in it, and
     * lets go of the output folder's lock.
     */
    @Override
    public void close() {
      gate.writeLock().lock();
      try {
        closed = true;
      } finally {
        gate.writeLock().unlock();
      }
      try {
        if (!committed) {
          deleteTree(root);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        hold.release();
      }
    }
  }

  /** The identity of a file on its file system (its inode), or its real path where there is none. */
  private static Object key(Path file) throws IOException {
    Object key =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    return key == null ? file.toRealPath(LinkOption.NOFOLLOW_LINKS) : key;
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
