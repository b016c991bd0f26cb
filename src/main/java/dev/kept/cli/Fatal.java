package dev.kept.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
  /**
   * Guards {@link #reported}: a monitor rather than an {@code AtomicBoolean}, whose first {@code
   * compareAndSet} links a VarHandle and so needs the very heap that has run out.
   */
  private static final Object LOCK = new Object();

  private static boolean reported;
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
    try {
      STDERR.write(new byte[0]); // links the native write now, while there is memory to do it
    } catch (IOException closed) {
      // No standard error: the exit code will have to tell.
    }
    reported();
    for (String name :
        new String[] {
          "java.util.concurrent.ForkJoinTask$Aux",
          "java.util.concurrent.ForkJoinTask$AdaptedCallable",
          "java.util.concurrent.CountedCompleter",
          "java.util.concurrent.ExecutionException",
          "java.util.concurrent.CancellationException",
          "java.lang.invoke.MethodHandles",
          "java.lang.Shutdown"
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
      halt(ExitCode.FAILURE);
    }
  }

  /** Whether a fatal line was printed: the process must then end by {@link #halt}. */
  static boolean reported() {
    synchronized (LOCK) {
      return reported;
    }
  }

  /**
   * Ends the process at once, with no shutdown hooks: {@code System.exit} looks up a logger and
   * starts the logging clean-up thread, both of which need memory that a failed build may not
   * have, and the JVM prints its own line for a hook or handler that runs out. Kept keeps nothing
   * that a hook would need to write: the output lock is the operating system's and ends with the
   * process, and an unfinished staging folder is removed by the next build.
   */
  static void halt(int code) {
    reserve = null;
    while (true) {
      try {
        Runtime.getRuntime().halt(code);
      } catch (Throwable again) {
        // Out of memory even here: try again; halting needs no memory once its class is loaded.
      }
    }
  }

  /**
   * Prints the one line for {@code e} to {@code err}, unless a line was printed already: for a
   * failure the command itself caught, in {@link Main#run}. Once {@link #install}ed, {@code err} is
   * the process's standard error and the line goes out as bytes encoded at start-up, since
   * encoding it now may need memory the build has just run out of.
   */
  static void reportTo(java.io.PrintStream err, Throwable e) {
    if (installed) {
      report(e);
      return;
    }
    reserve = null;
    err.println(line(e));
  }

  private static String line(Throwable e) {
    Throwable vm = vmError(e);
    return vm instanceof OutOfMemoryError ? OUT_OF_MEMORY : vm instanceof StackOverflowError ? TOO_DEEP : FAILED;
  }

  /**
   * Prints the one line for {@code e}, unless a line was printed already; then the process must
   * end.
   */
  static void report(Throwable e) {
    reserve = null;
    synchronized (LOCK) {
      if (reported) {
        return;
      }
      reported = true;
    }
    Throwable vm = vmError(e);
    byte[] line =
        vm instanceof OutOfMemoryError ? OUT_OF_MEMORY_BYTES : vm instanceof StackOverflowError ? TOO_DEEP_BYTES : FAILED_BYTES;
    try {
      System.err.flush();
    } catch (Throwable ignored) {
      // Flushing what Kept printed before may itself run out of memory; the line still goes out.
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        STDERR.write(line);
        return;
      } catch (IOException closed) {
        return; // stderr is closed: the exit code still tells.
      } catch (Throwable again) {
        // Out of memory on the way to the write: other threads free theirs as they fail.
      }
    }
  }

  /**
   * The out-of-memory error or stack overflow behind {@code e}, when there is one among its first
   * causes (a try-with-resources whose body and {@code close()} threw the JVM's one preallocated
   * error wraps it in "Self-suppression not permitted"); else {@code e}. Allocates nothing.
   */
  private static Throwable vmError(Throwable e) {
    Throwable c = e;
    for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) {
      if (c instanceof OutOfMemoryError || c instanceof StackOverflowError) {
        return c;
      }
    }
    return e;
  }
}
