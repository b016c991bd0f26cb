package dev.kept.cli;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.model.Finding;
import dev.kept.model.Severity;
import dev.kept.publish.PublishException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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
    subcommands = {Main.Build.class, Main.Check.class, Main.Serve.class, Main.New.class, Main.Import.class, CommandLine.HelpCommand.class},
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
  private PrintStream out;
  private PrintStream err;

  private Main(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv(), Clock.systemDefaultZone()));
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
        (e, commandLine, parseResult) -> {
          err.println("kept: internal error: " + oneLine(e) + " (this is a bug in Kept; please report it)");
          return ExitCode.FAILURE;
        });
    cli.setParameterExceptionHandler(
        (e, args1) -> {
          err.println("kept: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(err, true, StandardCharsets.UTF_8));
          err.println("Run 'kept --help' for the commands and options.");
          return ExitCode.USAGE;
        });
    try {
      return cli.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      err.println(
          "kept: the charter is too large or too deeply nested to process (" + oneLine(e)
              + "). The previous site is unchanged.");
      return ExitCode.FAILURE;
    } catch (RuntimeException | Error e) {
      err.println("kept: internal error: " + oneLine(e) + " (this is a bug in Kept; please report it)");
      return ExitCode.FAILURE;
    }
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
      try {
        return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
      } catch (NumberFormatException e) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "SOURCE_DATE_EPOCH must be a number of seconds, not '" + epoch + "'");
      }
    }
    return LocalDate.now(clock);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + message;
  }

  /** Options shared by the commands that read a charter. */
  abstract static class CharterCommand {
    @ParentCommand Main parent;

    @Option(
        names = {"-c", "--charter"},
        paramLabel = "DIR",
        defaultValue = "charter",
        description = "The charter folder (default: ${DEFAULT-VALUE}).")
    String charter;

    @Option(
        names = "--strict",
        description = "Treat warnings as errors.")
    boolean strict;

    /** The theme folder, for the commands that render. */
    java.util.Optional<String> templates() {
      return java.util.Optional.empty();
    }

    Pipeline pipeline(String outDir) {
      if (charter.isBlank()) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--charter needs a folder name");
      }
      if (java.nio.file.Files.isRegularFile(Path.of(charter))) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "--charter names a file, " + charter + "; name the folder that holds charter.yaml");
      }
      return new Pipeline(
          new Pipeline.Options(
              Path.of(charter), charter, Path.of(outDir), parent.buildDate(), Limits.DEFAULT,
              templates().map(Path::of)));
    }

    /** Prints the findings and returns how many errors there were (warnings too, if strict). */
    int report(List<Finding> findings) {
      for (Finding f : findings) {
        parent.err.println(f);
      }
      return count(findings);
    }

    /** How many findings fail the run: errors, and warnings too with --strict. */
    int count(List<Finding> findings) {
      long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
      long warnings = findings.size() - errors;
      return (int) (errors + (strict ? warnings : 0));
    }

    static String count(long n, String one, String many) {
      return n + " " + (n == 1 ? one : many);
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Checks the charter and prints every problem as file:line:column: error: message.",
        "Writes nothing. Run it in CI on every pull request."
      })
  static final class Check extends CharterCommand implements Callable<Integer> {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "text",
        description = "text (for people), github (annotations on a pull request) or json (for other tools). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
      FindingFormat findingFormat;
      try {
        findingFormat = FindingFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--format must be text, github or json, not '" + format + "'");
      }
      Pipeline.Outcome outcome = pipeline("site").check();
      int failing;
      if (findingFormat == FindingFormat.TEXT) {
        failing = report(outcome.findings());
      } else {
        List<Finding> shown = outcome.findings();
        if (findingFormat == FindingFormat.GITHUB) {
          // GitHub maps annotations by paths from the repository root: use the working folder's.
          Path here = Path.of("").toAbsolutePath();
          shown = shown.stream().map(f -> {
            Path file = Path.of(f.pos().file()).toAbsolutePath().normalize();
            String relative = file.startsWith(here) ? here.relativize(file).toString() : f.pos().file();
            Severity severity = strict ? Severity.ERROR : f.severity();
            return new Finding(severity, new dev.kept.model.SourcePos(relative, f.pos().line(), f.pos().column()), f.message(), f.hint(), f.rule());
          }).toList();
        }
        parent.out.print(findingFormat.format(shown));
        parent.out.flush();
        failing = count(outcome.findings());
      }
      long errors = outcome.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
      long warnings = outcome.findings().size() - errors;
      if (failing > 0) {
        parent.err.println(
            charter + ": " + count(errors, "error", "errors") + ", "
                + count(warnings, "warning", "warnings")
                + (strict && warnings > 0 ? " (errors with --strict)" : "") + ".");
        return ExitCode.CHARTER_ERRORS;
      }
      int published = outcome.charter().map(c -> c.promises().size()).orElse(0);
      int drafts = outcome.promiseFiles() - published;
      (findingFormat == FindingFormat.TEXT ? parent.out : parent.err).println(
          charter + ": " + count(outcome.promiseFiles(), "promise", "promises") + " checked"
              + (drafts > 0 ? " (" + count(drafts, "draft", "drafts") + ", not published)" : "")
              + ", no errors"
              + (warnings > 0 ? ", " + count(warnings, "warning", "warnings") : "") + ".");
      return ExitCode.OK;
    }
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Checks the charter, measures it and publishes the site into the output folder.",
        "The previous site stays in place until the new one is complete."
      })
  static final class Build extends CharterCommand implements Callable<Integer> {
    @Option(
        names = {"-o", "--out"},
        paramLabel = "DIR",
        defaultValue = "site",
        description = "The output folder (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(
        names = {"-v", "--verbose"},
        description = "Print how long each stage took.")
    boolean verbose;

    @Option(
        names = {"-t", "--templates"},
        paramLabel = "DIR",
        description = "A theme folder: its templates, words and assets replace the built-in ones file by file.")
    String templatesDir;

    @Override
    java.util.Optional<String> templates() {
      return java.util.Optional.ofNullable(templatesDir);
    }

    @Override
    public Integer call() {
      Pipeline.Outcome outcome;
      try {
        if (out.isBlank()) {
          throw new CommandLine.ParameterException(new CommandLine(this), "--out needs a folder name");
        }
        Path outPath = Path.of(out).toAbsolutePath().normalize();
        Path charterPath = Path.of(charter).toAbsolutePath().normalize();
        if (outPath.startsWith(charterPath) || charterPath.startsWith(outPath)) {
          throw new CommandLine.ParameterException(
              new CommandLine(this),
              "--out " + out + " and --charter " + charter + " overlap; write the site outside the charter folder");
        }
        Pipeline pipeline = pipeline(out);
        if (strict) {
          Pipeline.Outcome checked = pipeline.check();
          if (report(checked.findings()) > 0) {
            long errors = checked.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
            long warnings = checked.findings().size() - errors;
            parent.err.println(
                charter + ": " + count(errors, "error", "errors") + ", "
                    + count(warnings, "warning", "warnings") + " (errors with --strict). Nothing was"
                    + " published; " + out + "/ is unchanged.");
            return ExitCode.CHARTER_ERRORS;
          }
        }
        outcome = pipeline.build();
      } catch (PublishException e) {
        parent.err.println("kept: " + e.getMessage());
        return ExitCode.FAILURE;
      } catch (IOException | UncheckedIOException e) {
        parent.err.println(
            "kept: cannot write the site: " + oneLine(e) + ". The previous site is unchanged.");
        return ExitCode.FAILURE;
      }
      if (!strict) {
        report(outcome.findings());
      }
      if (verbose) {
        parent.err.println(
            outcome.times().stream().map(Pipeline.StageTime::toString).collect(Collectors.joining(", ")));
      }
      if (!outcome.published()) {
        long errors = outcome.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        parent.err.println(
            charter + ": " + count(errors, "error", "errors") + ". Nothing was published; "
                + out + "/ is unchanged.");
        return ExitCode.CHARTER_ERRORS;
      }
      long total = outcome.times().stream().mapToLong(Pipeline.StageTime::millis).sum();
      int promises = outcome.charter().map(c -> c.promises().size()).orElse(0);
      parent.out.println(
          "Published " + count(promises, "promise", "promises") + " from " + charter + " to "
              + out + "/ in " + total + " ms.");
      return ExitCode.OK;
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Builds the site, serves it on 127.0.0.1, and rebuilds it whenever a charter or theme file",
        "changes; open pages reload themselves. A broken charter shows its errors in the browser."
      })
  static final class Serve extends CharterCommand implements Callable<Integer> {
    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = {"-t", "--templates"}, paramLabel = "DIR", description = "A theme folder, as for build.")
    String templatesDir;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to keep the preview's site (default: a temporary folder).")
    String out;

    @Override
    java.util.Optional<String> templates() {
      return java.util.Optional.ofNullable(templatesDir);
    }

    @Override
    public Integer call() throws Exception {
      if (!java.nio.file.Files.isDirectory(Path.of(charter))) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "there is no charter folder " + charter + "; name it with --charter DIR");
      }
      Path temp = out == null ? java.nio.file.Files.createTempDirectory("kept-preview") : null;
      Path folder = temp != null ? temp.resolve("site") : Path.of(out);
      Path charterPath = Path.of(charter).toAbsolutePath().normalize();
      if (folder.toAbsolutePath().normalize().startsWith(charterPath)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--out " + out + " is inside the charter folder; keep the preview outside it");
      }
      if (temp != null) {
        // Remove the preview's site when the server stops, by Ctrl+C or kill.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(temp)));
      }
      Pipeline pipeline = pipeline(folder.toString());
      Pipeline.Options options =
          new Pipeline.Options(
              Path.of(charter), charter, folder, parent.buildDate(), Limits.DEFAULT, templates().map(Path::of));
      try (dev.kept.serve.Preview preview = new dev.kept.serve.Preview(options, port, parent.err)) {
        preview.start();
        parent.out.println("Serving " + charter + " at " + preview.url() + " (press Ctrl+C to stop)");
        parent.out.flush();
        java.util.Objects.requireNonNull(pipeline);
        new java.util.concurrent.CountDownLatch(1).await();
      } catch (java.net.BindException e) {
        parent.err.println("kept: port " + port + " is in use; choose another with --port");
        return ExitCode.USAGE;
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Turns data another organisation publishes into a Kept charter.",
      subcommands = {Main.Import.GcCommand.class})
  static final class Import implements Callable<Integer> {
    @ParentCommand Main parent;

    @Override
    public Integer call() {
      parent.err.println("kept: say what to import: kept import gc-service-standards FILE... --out DIR");
      return ExitCode.USAGE;
    }

    @Command(
        name = "gc-service-standards",
        mixinStandardHelpOptions = true,
        description = {
          "Imports the Government of Canada's service standards and results (Open Government",
          "Portal CSV files, 2018-2020 and 2024 layouts): one promise per standard, fiscal years."
        })
    static final class GcCommand implements Callable<Integer> {
      @ParentCommand Import parent;

      @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "The CSV files.")
      List<Path> files;

      @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "The charter folder to write; must not exist or be empty.")
      Path out;

      @Option(names = "--published", paramLabel = "DATE", defaultValue = "2025-03-31", description = "The charter's published date (default: ${DEFAULT-VALUE}).")
      String published;

      @Option(names = "--next-update", paramLabel = "DATE", defaultValue = "2026-03-31", description = "The next update (default: ${DEFAULT-VALUE}).")
      String nextUpdate;

      @Override
      public Integer call() {
        Main main = parent.parent;
        for (Path f : files) {
          if (!java.nio.file.Files.isRegularFile(f)) {
            main.err.println("kept: " + f + " is not a file");
            return ExitCode.USAGE;
          }
        }
        try {
          dev.kept.importer.GcServiceStandards.Summary s =
              new dev.kept.importer.GcServiceStandards().importFiles(files, out, published, nextUpdate);
          for (String note : s.notes()) {
            main.err.println(note);
          }
          main.out.print(s.describe());
          main.out.println("Wrote " + out + ". Next: kept check --charter " + out);
          return ExitCode.OK;
        } catch (IOException e) {
          main.err.println("kept: " + e.getMessage());
          return ExitCode.FAILURE;
        }
      }
    }
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Starts something new in a charter.",
      subcommands = {Main.New.PromiseCommand.class})
  static final class New implements Callable<Integer> {
    @ParentCommand Main parent;

    @Override
    public Integer call() {
      parent.err.println("kept: say what to start: kept new promise <id>");
      return ExitCode.USAGE;
    }

    @Command(
        name = "promise",
        mixinStandardHelpOptions = true,
        description = {
          "Writes promises/<id>.yaml, every key present and explained, as a draft,",
          "and figures/<id>.csv with its header. Never overwrites a file."
        })
    static final class PromiseCommand implements Callable<Integer> {
      @ParentCommand New parent;

      @CommandLine.Parameters(paramLabel = "ID", description = "The promise's id: lower-case letters, digits and hyphens.")
      String id;

      @Option(
          names = {"-c", "--charter"},
          paramLabel = "DIR",
          defaultValue = "charter",
          description = "The charter folder (default: ${DEFAULT-VALUE}).")
      String charter;

      @Override
      public Integer call() throws IOException {
        Main main = parent.parent;
        Path folder = Path.of(charter);
        if (!java.nio.file.Files.isRegularFile(folder.resolve("charter.yaml"))) {
          main.err.println("kept: " + folder + " has no charter.yaml; name the charter folder with --charter DIR");
          return ExitCode.CHARTER_ERRORS;
        }
        dev.kept.model.PeriodKind kind = dev.kept.model.PeriodKind.MONTH;
        int yearStarts = 1;
        // The charter's period decides how 'since' is written; read it as the loader does.
        var head = new dev.kept.load.CharterLoader(Limits.DEFAULT).load(folder, charter).charter().charter();
        if (head.isPresent() && head.get() instanceof dev.kept.load.YNode.YMap map) {
          String word = map.get("period").filter(n -> n instanceof dev.kept.load.YNode.YScalar)
              .map(n -> ((dev.kept.load.YNode.YScalar) n).text().strip()).orElse("month");
          for (dev.kept.model.PeriodKind k : dev.kept.model.PeriodKind.values()) {
            if (k.word().equals(word)) {
              kind = k;
            }
          }
          String starts = map.get("year_starts").filter(n -> n instanceof dev.kept.load.YNode.YScalar)
              .map(n -> ((dev.kept.load.YNode.YScalar) n).text().strip()).orElse("1");
          if (kind == dev.kept.model.PeriodKind.YEAR && starts.matches("\\d{1,2}")) {
            yearStarts = Math.max(1, Math.min(12, Integer.parseInt(starts)));
          }
        }
        try {
          main.out.println(NewPromise.write(folder, id, kind, yearStarts, main.buildDate()));
          return ExitCode.OK;
        } catch (IllegalArgumentException e) {
          main.err.println("kept: " + e.getMessage());
          return ExitCode.USAGE;
        } catch (java.nio.file.FileAlreadyExistsException e) {
          main.err.println("kept: " + e.getFile() + " already exists; Kept never overwrites a promise. Choose another id, or edit that file.");
          return ExitCode.CHARTER_ERRORS;
        }
      }
    }
  }

  static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder; the system cleans it up in time
    }
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
