package dev.kept.cli;

import dev.kept.Pipeline;
import dev.kept.model.Finding;
import dev.kept.publish.PublishException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the charter, measures it and publishes the site into the output folder.",
      "The previous site stays in place until the new one is complete. One build at a time"
          + " writes an output folder; another waits for it (see --wait)."
    })
final class Build extends CharterCommand implements Callable<Integer> {
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

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = {
        "How long to wait for another build of the same output folder to finish before giving up"
            + " (default: ${DEFAULT-VALUE}). One build at a time writes an output folder."
      })
  long waitSeconds;

  @Override
  java.util.Optional<String> templates() {
    return java.util.Optional.ofNullable(templatesDir);
  }

  /**
   * Refuses an output folder that is the root of the file system, or that holds or is held by the
   * charter or theme folder, comparing real paths: the nearest existing ancestor of each with its
   * links resolved, so that a link cannot hide an overlap.
   */
  static void checkOut(CommandLine cli, String out, String charter, String templates) {
    Path outPath = realish(Path.of(out));
    if (outPath.getParent() == null) {
      throw new CommandLine.ParameterException(
          cli,
          "--out " + out + " is the root of the file system" + (Path.of(out).isAbsolute() ? "" : " (" + outPath + ")")
              + "; Kept replaces its output folder whole, so name a folder of its own, such as --out site");
    }
    refuseOverlap(cli, out, outPath, "--charter", charter, "the charter folder");
    if (templates != null && !templates.isBlank()) {
      refuseOverlap(cli, out, outPath, "--templates", templates, "the theme folder");
    }
  }

  /** Refuses an output folder that holds, or is held by, the folder another option names. */
  private static void refuseOverlap(
      CommandLine cli, String out, Path outPath, String option, String other, String what) {
    Path otherPath = realish(Path.of(other));
    if (outPath.startsWith(otherPath) || otherPath.startsWith(outPath)) {
      throw new CommandLine.ParameterException(
          cli,
          "--out " + out + " and " + option + " " + other + " overlap" + via(out, outPath, other, otherPath)
              + "; write the site outside " + what);
    }
  }

  /** Where the overlap is, when links or relative names hide it. */
  private static String via(String a, Path aReal, String b, Path bReal) {
    boolean plain = Path.of(a).toAbsolutePath().normalize().equals(aReal) && Path.of(b).toAbsolutePath().normalize().equals(bReal);
    return plain ? "" : " (" + aReal + " and " + bReal + ")";
  }

  /**
   * The real path of a path that may not exist yet: its nearest existing ancestor with links
   * resolved, then the rest of its names.
   */
  static Path realish(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }

  @Override
  public Integer call() {
    Pipeline.Outcome outcome;
    try {
      if (out.isBlank()) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--out needs a folder name");
      }
      if (waitSeconds < 0 || waitSeconds > 86_400) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--wait must be a number of seconds from 0 to 86400, not " + waitSeconds);
      }
      checkOut(new CommandLine(this), out, charter, templatesDir);
      Pipeline pipeline = pipeline(out);
      if (strict) {
        Pipeline.Outcome checked = pipeline.check();
        if (report(checked.findings()) > 0) {
          long errors = checked.findings().stream().filter(Finding::isError).count();
          long warnings = checked.findings().stream().filter(Finding::isWarning).count();
          parent.err.println(
              charter + ": " + count(errors, "error", "errors") + ", "
                  + count(warnings, "warning", "warnings") + " (errors with --strict). Nothing was"
                  + " published; " + out + "/ is unchanged.");
          return ExitCode.CHARTER_ERRORS;
        }
      }
      outcome =
          pipeline.build(
              java.time.Duration.ofSeconds(waitSeconds), notice -> parent.err.println("kept: " + notice));
    } catch (PublishException e) {
      parent.err.println("kept: " + e.getMessage());
      return ExitCode.FAILURE;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      parent.err.println(
          "kept: cannot write the site to " + Path.of(out).toAbsolutePath().normalize() + ": "
              + dev.kept.publish.Publisher.describe(cause) + ". The previous site is unchanged.");
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
      long errors = outcome.findings().stream().filter(Finding::isError).count();
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
