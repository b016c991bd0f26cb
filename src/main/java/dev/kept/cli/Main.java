package dev.kept.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Kept's command line.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"check"}, System.out, System.err, System.getenv(), Clock.systemDefaultZone());
 * }</pre>
 */
@Command(
    name = "kept",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Publishes a service-promise charter with honest kept-rate figures.",
    subcommands = {Build.class, Check.class, Serve.class, New.class, Import.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the charter has errors; nothing was published",
      "2:usage error",
      "3:the site could not be written, or Kept failed; the previous site is unchanged"
    })
public final class Main implements Callable<Integer> {
  private final Map<String, String> env;
  private final Clock clock;
  PrintStream out;
  PrintStream err;

  private Main(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    Fatal.install();
    int code;
    try {
      code = run(args, System.out, System.err, System.getenv(), Clock.systemDefaultZone());
    } catch (Throwable e) {
      code = ExitCode.FAILURE;
      try {
        Fatal.report(e);
      } catch (Throwable again) {
        // Even the report failed: the exit code still tells.
      }
    }
    System.out.flush();
    if (Fatal.reported()) {
      System.err.flush();
      Fatal.halt(code);
    }
    System.exit(code);
  }

  /**
   * Runs Kept and returns its exit code.
   *
   * @param env the environment ({@code SOURCE_DATE_EPOCH} fixes the build date)
   * @param clock today's date when {@code SOURCE_DATE_EPOCH} is not set
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    Main main = new Main(env, clock);
    main.out = out;
    main.err = err;
    CommandLine cli = new CommandLine(main);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> failed(err, e));
    cli.setParameterExceptionHandler(
        (e, args1) -> {
          err.println("kept: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(err, true, StandardCharsets.UTF_8));
          err.println("Run 'kept --help' for the commands and options.");
          return ExitCode.USAGE;
        });
    try {
      return cli.execute(args);
    } catch (RuntimeException | Error e) {
      return failed(err, e);
    }
  }

  /** The commands and options, as {@code --help} shows them; for the test of the help texts. */
  static CommandLine commands() {
    return new CommandLine(new Main(Map.of(), Clock.systemUTC()));
  }

  /**
   * Reports a failure no stage turned into findings, and returns its exit code. Out of memory and
   * a stack overflow get {@link Fatal}'s one line even when they arrive wrapped: the JVM may throw
   * one preallocated {@code OutOfMemoryError} both in a try-with-resources block and in its
   * {@code close()}, and {@code addSuppressed} then throws an {@code IllegalArgumentException}
   * ("Self-suppression not permitted") whose cause is the out-of-memory error.
   */
  static int failed(PrintStream err, Throwable e) {
    Throwable c = e;
    for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) {
      if (c instanceof OutOfMemoryError || c instanceof StackOverflowError) {
        Fatal.reportTo(err, c);
        return ExitCode.FAILURE;
      }
    }
    err.println("kept: internal error: " + oneLine(e) + " (this is a bug in Kept; please report it)");
    return ExitCode.FAILURE;
  }

  @Override
  public Integer call() {
    err.println("kept: name a command: build or check. Run 'kept --help' for more.");
    return ExitCode.USAGE;
  }

  /** The day of the build: {@code SOURCE_DATE_EPOCH} (UTC) if set, else today. */
  LocalDate buildDate() {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      long seconds;
      try {
        seconds = Long.parseLong(epoch.strip());
      } catch (NumberFormatException e) {
        seconds = -1;
      }
      // 0 is 1970-01-01 and 253402300799 the last second of 9999, the last year a date is written
      // with four digits.
      if (seconds < 0 || seconds > 253_402_300_799L) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, from 0 to"
                + " 253402300799 (the end of 9999), not '"
                + (epoch.length() > 40 ? epoch.substring(0, 40) + "..." : epoch).replaceAll("\\p{Cc}", "?") + "'");
      }
      return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }
    return LocalDate.now(clock);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + message;
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/dev/kept/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"kept " + p.getProperty("version", "unknown")};
    }
  }
}
