package dev.kept.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last resort when the JVM itself fails: out of memory, a stack overflow, or any error or
 * exception that ends a thread no one is waiting on (a worker of a parallel stage, the preview's
 * rebuild). It prints one line, once, and ends the process with {@link ExitCode#FAILURE}, so that a
 * build never hangs on a pool whose worker died and never prints the JVM's own stack traces.
 *
 * <p>It is made to work with no free memory: the lines are encoded when Kept starts, a small
 * reserve of heap is let go before printing, and printing writes the bytes straight to the standard
 * error's file descriptor. Only {@link Main#main} installs it; {@link Main#run}, which tests call,
 * leaves the JVM's handler alone.
 */
final class Fatal {
  /** The line for a heap too small for the charter. */
  static final String OUT_OF_MEMORY =
      "kept: error: Java ran out of memory; nothing was published and the previous site is unchanged."
          + " hint: give Java more memory, e.g. java -Xmx1g -jar kept.jar (or JAVA_TOOL_OPTIONS=-Xmx1g).";

  /** The line for a stack overflow that nothing else reported. */
  static final String TOO_DEEP =
      "kept: error: the charter or theme is too deeply nested to process; nothing was published and"
          + " the previous site is unchanged.";

  /** The line for any other failure of a thread. */
  static final String FAILED =
      "kept: internal error: a worker thread failed; nothing was published and the previous site is"
          + " unchanged (this is a bug in Kept; please report it).";

  private static final byte[] OUT_OF_MEMORY_BYTES = (OUT_OF_MEMORY + "\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOO_DEEP_BYTES = (TOO_DEEP + "\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] FAILED_BYTES = (FAILED + "\n").getBytes(StandardCharsets.UTF_8);
  private static final FileOutputStream STDERR = new FileOutputStream(FileDescriptor.err);
  private static final AtomicBoolean REPORTED = new AtomicBoolean();
  private static volatile byte[] reserve;
  private static volatile boolean installed;

  private Fatal() {}

  /**
   * Sets the handler for every thread's uncaught throwable, keeps a reserve of heap, and loads now
   * the classes a failing parallel stream needs (a worker that cannot load {@code
   * ForkJoinTask$Aux} when out of memory leaves its task unfinished, and the build waits forever).
   */
  static void install() {
    reserve = new byte[256 * 1024];
    for (String name :
        new String[] {
          "java.util.concurrent.ForkJoinTask$Aux",
          "java.util.concurrent.ForkJoinTask$AdaptedCallable",
          "java.util.concurrent.CountedCompleter",
          "java.util.concurrent.ExecutionException",
          "java.util.concurrent.CancellationException",
          "java.lang.invoke.MethodHandles"
        }) {
      try {
        Class.forName(name, true, ClassLoader.getSystemClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // Another JDK: the handler below still ends the process.
      }
    }
    Thread.setDefaultUncaughtExceptionHandler(Fatal::uncaught);
    installed = true;
  }

  /** A thread died: report it once and end the process. */
  static void uncaught(Thread thread, Throwable e) {
    try {
      report(e);
    } catch (Throwable ignored) {
      // Nothing more can be said; the exit code still tells.
    } finally {
      Runtime.getRuntime().halt(ExitCode.FAILURE);
    }
  }

  /**
   * Prints the one line for {@code e} to {@code err}, unless a line was printed already: for a
   * failure the command itself caught, in {@link Main#run}.
   */
  static void reportTo(java.io.PrintStream err, Throwable e) {
    reserve = null;
    if (!installed || REPORTED.compareAndSet(false, true)) {
      err.println(line(e));
    }
  }

  private static String line(Throwable e) {
    return e instanceof OutOfMemoryError ? OUT_OF_MEMORY : e instanceof StackOverflowError ? TOO_DEEP : FAILED;
  }

  /**
   * Prints the one line for {@code e}, unless a line was printed already; then the process must
   * end.
   */
  static void report(Throwable e) {
    reserve = null;
    if (!REPORTED.compareAndSet(false, true)) {
      return;
    }
    byte[] line =
        e instanceof OutOfMemoryError ? OUT_OF_MEMORY_BYTES : e instanceof StackOverflowError ? TOO_DEEP_BYTES : FAILED_BYTES;
    System.err.flush();
    try {
      STDERR.write(line);
      STDERR.flush();
    } catch (IOException ignored) {
      // stderr is closed: the exit code still tells.
    }
  }
}
