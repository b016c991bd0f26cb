package dev.kept.cli;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import dev.kept.model.Finding;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Options shared by the commands that read a charter. */
abstract class CharterCommand {
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

  /** How many findings fail the run: errors, and warnings too with --strict (never notices). */
  int count(List<Finding> findings) {
    long errors = findings.stream().filter(Finding::isError).count();
    long warnings = findings.stream().filter(Finding::isWarning).count();
    return (int) (errors + (strict ? warnings : 0));
  }

  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
