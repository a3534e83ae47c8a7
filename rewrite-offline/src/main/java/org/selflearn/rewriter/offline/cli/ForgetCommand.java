package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.index.PersonalMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rewrite forget --model DIR --customer ID}. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Erase a customer's personal memory from a model directory (durable when the command returns)."
        + " A running service erases through QueryRewriter.forget instead, since it holds the store open.")
final class ForgetCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Output of ./rewrite train.")
  Path model;

  @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer id to forget.")
  String customer;

  @Override
  public Integer call() {
    ModelDirectory dir = ModelCheck.manifest(model, "--model");
    InputFiles.existingDir(dir.personal(), "--model (personal memory)");
    ModelCheck.personal(dir);
    try (PersonalMemory memory = PersonalMemory.open(new ModelDirectory(model).personal())) {
      boolean existed = memory.forget(customer);
      Console.out().println(existed ? "erased the personal memory of the given customer"
          : "no personal memory was held for the given customer");
    }
    return 0;
  }
}
