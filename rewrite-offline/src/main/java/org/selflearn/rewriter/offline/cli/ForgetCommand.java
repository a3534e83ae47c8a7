package org.selflearn.rewriter.offline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.index.PersonalMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rewrite forget --model DIR --customer ID}. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Erase a customer's personal memory from a model directory (durable when the command returns);"
        + " in a versioned model directory from every version kept, so a rollback cannot bring it back."
        + " A running service erases through QueryRewriter.forget instead, since it holds the store open.")
final class ForgetCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
      description = "Output of ./rewrite train or ./rewrite publish.")
  Path model;

  @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer id to forget.")
  String customer;

  @Override
  public Integer call() {
    ModelDirectory current = ModelCheck.manifest(model, "--model");
    InputFiles.existingDir(current.personal(), "--model (personal memory)");
    ModelHome home = new ModelHome(model);
    List<ModelDirectory> dirs = new ArrayList<>();
    if (home.isVersioned()) {
      for (String v : home.versions()) {
        dirs.add(home.directory(v));
      }
    } else {
      dirs.add(current);
    }
    for (ModelDirectory dir : dirs) {
      ModelCheck.personal(dir);
    }
    boolean existed = false;
    for (ModelDirectory dir : dirs) {
      if (Files.isDirectory(dir.personal())) {
        try (PersonalMemory memory = PersonalMemory.open(dir.personal())) {
          existed |= memory.forget(customer);
        }
      }
    }
    String where = dirs.size() > 1 ? " (in " + dirs.size() + " model versions)" : "";
    Console.out().println(existed ? "erased the personal memory of the given customer" + where
        : "no personal memory was held for the given customer" + where);
    return 0;
  }
}
