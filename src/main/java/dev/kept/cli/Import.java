package dev.kept.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Turns data another organisation publishes into a Kept charter.",
    subcommands = {Import.GcCommand.class})
final class Import implements Callable<Integer> {
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
        "Imports the Government of Canada's service standards and results.",
        "Reads the Open Government Portal's CSV files (the 2018-2020 and 2024 layouts) and writes"
            + " one promise per standard, measured by fiscal year."
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
      for (String[] date : new String[][] {{"--published", published}, {"--next-update", nextUpdate}}) {
        // Written into charter.yaml as they are: only a date may go there.
        if (!date[1].matches("\\d{4}-\\d{2}-\\d{2}") || !isDate(date[1])) {
          main.err.println("kept: " + date[0] + " must be a date such as 2025-03-31, not '"
              + (date[1].length() > 40 ? date[1].substring(0, 40) + "..." : date[1]).replaceAll("\\p{Cc}", "?") + "'");
          return ExitCode.USAGE;
        }
      }
      Path target = out.toAbsolutePath().normalize();
      if (target.getParent() == null) {
        main.err.println("kept: --out " + out + " is the root of the file system; name a new folder for the charter, such as --out charter");
        return ExitCode.USAGE;
      }
      try {
        dev.kept.publish.Publisher publisher =
            dev.kept.publish.Publisher.newFolder(
                out, dev.kept.publish.Publisher.DEFAULT_WAIT, notice -> main.err.println("kept: " + notice));
        dev.kept.importer.GcServiceStandards.Summary s =
            new dev.kept.importer.GcServiceStandards().importFiles(files, publisher, published, nextUpdate);
        for (String note : s.notes()) {
          main.err.println(note);
        }
        main.out.print(s.describe());
        main.out.println("Wrote " + out + ". Next: kept check --charter " + out);
        return ExitCode.OK;
      } catch (dev.kept.importer.GcServiceStandards.InputException e) {
        e.findings().forEach(main.err::println);
        main.err.println(
            CharterCommand.count(e.findings().size(), "row", "rows") + " cannot be imported. Nothing was written; "
                + out + " is unchanged.");
        return ExitCode.CHARTER_ERRORS;
      } catch (dev.kept.publish.PublishException e) {
        main.err.println("kept: " + e.getMessage());
        return ExitCode.FAILURE;
      } catch (IOException e) {
        main.err.println(
            "kept: cannot import into " + target + ": " + dev.kept.publish.Publisher.describe(e) + ". "
                + out + " is unchanged.");
        return ExitCode.FAILURE;
      }
    }

    private static boolean isDate(String text) {
      try {
        java.time.LocalDate.parse(text);
        return true;
      } catch (java.time.DateTimeException e) {
        return false;
      }
    }
  }
}
