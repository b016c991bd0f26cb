package dev.kept.cli;

import dev.kept.Pipeline;
import dev.kept.load.Limits;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the charter's site on 127.0.0.1 and follows every change to a charter or theme file.",
      "Open pages reload themselves. After a change only the files that changed are read again and"
          + " only the promises they hold are checked and measured again; each page is then rendered"
          + " in memory when the browser asks for it, with the same checks as build. Nothing is"
          + " written to disk: run build to publish. A broken charter shows its errors in the browser."
    })
final class Serve extends CharterCommand implements Callable<Integer> {
  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(names = {"-t", "--templates"}, paramLabel = "DIR", description = "A theme folder, as for build.")
  String templatesDir;

  @Option(names = {"-v", "--verbose"}, description = "Also print how long each stage of each rebuild took.")
  boolean verbose;

  /** Accepted so that scripts written for the preview that kept a site on disk still run. */
  @Option(names = {"-o", "--out"}, paramLabel = "DIR", hidden = true, description = "Not used: the preview writes nothing to disk.")
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
    if (out != null) {
      parent.err.println(
          "kept: serve renders each page in memory and writes nothing, so --out " + out + " is not used;"
              + " run kept build --out " + out + " to write the site.");
    }
    pipeline("site"); // the same checks of --charter as build makes
    // The preview writes nothing: the output folder of its options is never used.
    Pipeline.Options options =
        new Pipeline.Options(
            Path.of(charter), charter, Path.of("site"), parent.buildDate(), Limits.DEFAULT, templates().map(Path::of));
    try (dev.kept.serve.Preview preview = new dev.kept.serve.Preview(options, port, parent.err, verbose)) {
      preview.start();
      parent.out.println("Serving " + charter + " at " + preview.url() + " (press Ctrl+C to stop)");
      parent.out.flush();
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (java.net.BindException e) {
      parent.err.println("kept: port " + port + " is in use; choose another with --port");
      return ExitCode.USAGE;
    }
    return ExitCode.OK;
  }
}
