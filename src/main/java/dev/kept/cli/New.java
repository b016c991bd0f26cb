package dev.kept.cli;

import dev.kept.load.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Starts something new in a charter.",
    subcommands = {New.PromiseCommand.class})
final class New implements Callable<Integer> {
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
        "Writes promises/<id>.yaml, every key present and explained, as a draft, and"
            + " figures/<id>.csv with its header.",
        "Never overwrites a file."
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
