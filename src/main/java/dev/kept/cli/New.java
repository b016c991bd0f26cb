package dev.kept.cli;

import dev.kept.load.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = "Starts a new charter, or a new promise in a charter.",
    subcommands = {New.CharterCommand.class, New.PromiseCommand.class})
final class New implements Callable<Integer> {
  @ParentCommand Main parent;

  @Override
  public Integer call() {
    parent.err.println("kept: say what to start: kept new charter DIR, or kept new promise ID");
    return ExitCode.USAGE;
  }

  @Command(
      name = "charter",
      mixinStandardHelpOptions = true,
      description = {
        "Writes a new charter repository, ready to check and build.",
        "It writes into DIR, a new or empty folder: the charter (charter/), every key of"
            + " charter.yaml explained, with one example promise and a year of its figures; the"
            + " editor schemas (schema/) and VS Code settings (.vscode/); a GitHub Actions workflow"
            + " that checks pull requests and publishes main to GitHub Pages; a short README.md for"
            + " staff; and a .gitignore for site/.",
        "Then run: cd DIR && kept check && kept serve (a preview), or kept build (the site)."
      })
  static final class CharterCommand implements Callable<Integer> {
    @ParentCommand New parent;

    @CommandLine.Parameters(paramLabel = "DIR", description = "The folder to write: a new one, or an empty one (or one with only .git).")
    String dir;

    @Option(
        names = "--organisation",
        paramLabel = "NAME",
        defaultValue = "Our organisation",
        description = "Who makes the promises, as customers know you (default: ${DEFAULT-VALUE}).")
    String organisation;

    @Override
    public Integer call() throws IOException {
      Main main = parent.parent;
      String name = organisation.strip();
      java.util.Optional<dev.kept.model.Chars.Bad> bad = dev.kept.model.Chars.first(name, false);
      if (name.isEmpty() || bad.isPresent()) {
        main.err.println(
            "kept: --organisation should be a name on one line, such as \"Tamar Vale Water\""
                + bad.map(b -> ", not text with " + b.what()).orElse(""));
        return ExitCode.USAGE;
      }
      // The version Main's --version prints ("kept 0.2.0"), so the workflow fetches this Kept.
      String version = new Main.Version().getVersion()[0].replaceFirst("^kept ", "");
      String released = version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
      Path folder = Path.of(dir);
      try {
        NewCharter.write(folder, name, main.buildDate(), released);
      } catch (NewCharter.NotEmpty e) {
        List<String> shown = e.entries.size() > 5 ? e.entries.subList(0, 5) : e.entries;
        main.err.println(
            "kept: " + folder + " is not empty (it holds " + String.join(", ", shown.stream().map(dev.kept.model.Chars::visible).toList())
                + (e.entries.size() > shown.size() ? " and " + (e.entries.size() - shown.size()) + " more" : "")
                + "); nothing was written.");
        main.err.println("  hint: Name a new folder, such as: kept new charter " + folder.getFileName() + "-charter");
        return ExitCode.USAGE;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        main.err.println("kept: " + e.getFile() + " is a file, not a folder; nothing was written. Name a new folder.");
        return ExitCode.USAGE;
      } catch (IOException e) {
        main.err.println("kept: could not write " + folder + ": " + Main.oneLine(e) + "; nothing was left behind.");
        return ExitCode.FAILURE;
      }
      String cd = folder.toString().contains(" ") ? "\"" + folder + "\"" : folder.toString();
      main.out.println(
          "Wrote a charter into " + folder + ", with one example promise (" + NewCharter.EXAMPLE
              + ") and its figures. Next:");
      main.out.println("  cd " + cd + " && kept check && kept serve");
      main.out.println("README.md says how to publish each month, and what to change first (the organisation's name).");
      if (!released.equals(version)) {
        main.out.println(
            "This Kept is a development build (" + version + "): the workflow in .github/workflows/kept.yml"
                + " names version " + released + "; set it to a released version.");
      }
      return ExitCode.OK;
    }
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
        main.err.println(
            "kept: " + folder + " has no charter.yaml; name the charter folder with --charter DIR,"
                + " or start a charter with: kept new charter DIR");
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
