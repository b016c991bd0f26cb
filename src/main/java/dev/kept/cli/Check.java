package dev.kept.cli;

import dev.kept.Pipeline;
import dev.kept.model.Finding;
import dev.kept.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the charter and prints every problem as file:line:column: error: message.",
      "Writes nothing. Run it in CI on every pull request."
    })
final class Check extends CharterCommand implements Callable<Integer> {
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
          Severity severity = strict && f.isWarning() ? Severity.ERROR : f.severity();
          return new Finding(severity, new dev.kept.model.SourcePos(relative, f.pos().line(), f.pos().column()), f.message(), f.hint(), f.rule());
        }).toList();
      }
      parent.out.print(findingFormat.format(shown));
      parent.out.flush();
      failing = count(outcome.findings());
    }
    long errors = outcome.findings().stream().filter(Finding::isError).count();
    long warnings = outcome.findings().stream().filter(Finding::isWarning).count();
    long notices = outcome.findings().size() - errors - warnings;
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
            + (warnings > 0 ? ", " + count(warnings, "warning", "warnings") : "")
            + (notices > 0 ? ", " + count(notices, "notice", "notices") : "") + ".");
    return ExitCode.OK;
  }
}
