package dev.kept.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issue 15: no {@code --help} text is cut mid-sentence. A description is complete when it ends with
 * a full stop: every paragraph of a command's description (picocli starts each on a new line, and
 * the first is the one line a parent's command list shows), and every entry of each rendered list
 * of commands, options and parameters, read as the lines from its name to the next name.
 */
class HelpTextTest {
  /** Where the names of a rendered list end: a line with text before this column starts an entry. */
  private static final int NAME_COLUMNS = 10;

  @Test
  void everyCommandsHelpIsMadeOfCompleteSentences() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commands(), all);
    // kept, build, check, serve, new, new promise, import, import gc-service-standards, help
    assertThat(all).hasSizeGreaterThanOrEqualTo(9);
    List<String> cut = new ArrayList<>();
    for (CommandLine cli : all) {
      CommandSpec spec = cli.getCommandSpec();
      String name = spec.qualifiedName();
      for (String paragraph : spec.usageMessage().description()) {
        if (!complete(paragraph)) {
          cut.add(name + ": description paragraph '" + paragraph + "'");
        }
      }
      for (ArgSpec arg : spec.args()) {
        if (!arg.hidden() && !complete(String.join(" ", arg.description()))) {
          cut.add(name + ": " + arg + " '" + String.join(" ", arg.description()) + "'");
        }
      }
      CommandLine.Help help = cli.getHelp();
      String rendered = help.commandList() + help.optionList() + help.parameterList();
      for (String entry : entries(rendered)) {
        if (!complete(entry)) {
          cut.add(name + ": rendered '" + entry + "'");
        }
      }
      // What was checked is what the user sees: the lists appear in the command's --help.
      String[] args = (spec.qualifiedName().replaceFirst("^kept ?", "") + " --help").strip().split(" ");
      MainTest.Run run = MainTest.run(args);
      assertThat(run.code()).as(name).isZero();
      assertThat(run.out()).as(name).contains(help.optionList().strip());
      if (!spec.subcommands().isEmpty()) {
        assertThat(run.out()).as(name).contains(help.commandList().strip());
      }
    }
    assertThat(cut).as("help texts cut mid-sentence").isEmpty();
  }

  @Test
  void theCheckFindsATextCutMidSentence() {
    // The command list as it was before issue 15: the summary of 'serve' stopped at a semicolon.
    String before =
        "  build   Checks the charter, measures it and publishes the site into the\n"
            + "            output folder.\n"
            + "  serve   Serves the charter's site on 127.0.0.1 and follows every change to a\n"
            + "            charter or theme file;\n";
    List<String> entries = entries(before);
    assertThat(entries).hasSize(2);
    assertThat(complete(entries.get(0))).isTrue();
    assertThat(complete(entries.get(1))).isFalse();
    assertThat(complete("How long to wait for another build of the same output folder to finish before giving up"))
        .isFalse();
  }

  private static void collect(CommandLine cli, List<CommandLine> into) {
    into.add(cli);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (!into.contains(sub)) {
        collect(sub, into);
      }
    }
  }

  /** A rendered list's entries, each its lines joined with single spaces. */
  static List<String> entries(String rendered) {
    List<String> entries = new ArrayList<>();
    StringBuilder entry = null;
    for (String line : rendered.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent < NAME_COLUMNS || entry == null) {
        if (entry != null) {
          entries.add(entry.toString());
        }
        entry = new StringBuilder(line.strip());
      } else {
        entry.append(' ').append(line.strip());
      }
    }
    if (entry != null) {
      entries.add(entry.toString());
    }
    return entries;
  }

  /** Whether {@code text} ends with a full stop (picocli's line-break mark "%n" aside). */
  private static boolean complete(String text) {
    return text.strip().replaceAll("(%n)+$", "").endsWith(".");
  }
}
