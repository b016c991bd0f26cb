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
      "Builds the site, serves it on 127.0.0.1, and rebuilds it whenever a charter or theme file",
      "changes; open pages reload themselves. A broken charter shows its errors in the browser."
    })
final class Serve extends CharterCommand implements Callable<Integer> {
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
      Runtime.getRuntime().addShutdownHook(new Thread(() -> Main.deleteQuietly(temp)));
    }
    pipeline(folder.toString()); // the same checks of --charter as build makes
    Pipeline.Options options =
        new Pipeline.Options(
            Path.of(charter), charter, folder, parent.buildDate(), Limits.DEFAULT, templates().map(Path::of));
    try (dev.kept.serve.Preview preview = new dev.kept.serve.Preview(options, port, parent.err)) {
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
