package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.publish.ModelPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite publish --logs FILE --model DIR [--keep N]}. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Train a complete model from a log file into a new version MODEL_DIR/versions/v-NNNNNN, validate"
        + " it by opening it and rewriting requests from the logs, then switch MODEL_DIR/CURRENT to it atomically;"
        + " services reading MODEL_DIR reload it (online.reload-seconds). Keeps the newest versions"
        + " (model.keep-versions). A publish that fails or is killed leaves the previous version serving."
        + " MODEL_DIR must be new, empty or versioned (a plain model directory from train is refused).")
final class PublishCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Training logs (.jsonl[.gz]).")
  Path logs;

  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Versioned model directory.")
  Path model;

  @Option(names = "--keep", paramLabel = "N", description = "Versions to keep (overrides model.keep-versions).")
  Integer keep;

  @Override
  public Integer call() {
    InputFiles.existingFile(logs, "--logs");
    RewriterConfig c = config.load();
    if (keep != null) {
      if (keep < 1 || keep > 100) {
        throw new BadInputException("--keep: " + keep + " is not a number of versions to keep (1 to 100)");
      }
      c = c.with(ConfigKeys.MODEL_KEEP_VERSIONS, keep);
    }
    Path parent = model.toAbsolutePath().normalize().getParent();
    InputFiles.outputDir(parent, "--model");
    InputScan.requireValidEvent(logs, "--logs");
    ModelPublisher.Published p = new ModelPublisher(c, Clock.systemUTC(), m -> Console.progress("publish", m))
        .publish(logs, model);
    Console.out().println("published model version " + p.version() + " in " + model
        + (p.previous() == null ? "" : " (was " + p.previous() + ")")
        + (p.removed().isEmpty() ? "" : "; removed " + String.join(", ", p.removed())));
    return 0;
  }
}
