package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.publish.ModelRollback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rewrite rollback --model DIR [--to v-N]}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Switch a versioned model directory's CURRENT back to the version before the serving one, or to"
        + " --to; the target is checked part by part first. Services reading MODEL_DIR reload it"
        + " (online.reload-seconds).")
final class RollbackCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
      description = "Versioned model directory (written by ./rewrite publish).")
  Path model;

  @Option(names = "--to", paramLabel = "v-N", description = "The version to serve (default: the one before).")
  String to;

  @Override
  public Integer call() {
    InputFiles.existingDir(model, "--model");
    ModelRollback.Switched s = ModelRollback.rollback(model, to, dir -> ModelCheck.forRewriter(dir, "--to"));
    Console.out().println("model " + model + " now serves " + s.to() + (s.from() == null ? "" : " (was "
        + s.from() + ")"));
    return 0;
  }
}
