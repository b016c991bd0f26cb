package dev.kept.cli;

import dev.kept.Pipeline;
import dev.kept.model.Severity;
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
      "The previous site stays in place until the new one is complete."
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
