package org.selflearn.rewriter.offline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.index.PersonalMemory;
import java.time.Duration;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.ErasureRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite forget (--model DIR | --bootstrap HOST:PORT)... --customer ID}. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Erase a customer's personal memory from a model directory (durable when the command returns);"
        + " in a versioned model directory from every version kept, so a rollback cannot bring it back."
        + " With --bootstrap, also from the streaming job: an erasure request on stream.erasure-topic makes the job"
        + " delete the customer's memory, ranker examples and open sessions and write tombstones to its personal and"
        + " sample topics, so no later publish brings the memory back."
        + " A running service erases through QueryRewriter.forget instead, since it holds the store open.")
final class ForgetCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--model", paramLabel = "MODEL_DIR",
      description = "Output of ./rewrite train or ./rewrite publish.")
  Path model;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers of the streaming"
      + " job.")
  String bootstrap;

  @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer id to forget.")
  String customer;

  @Override
  public Integer call() {
    if (model == null && bootstrap == null) {
      throw new BadInputException("--model or --bootstrap (or both): where to erase the customer from");
    }
    if (bootstrap != null) {
      RewriterConfig c = config.load();
      ErasureRequest.send(bootstrap, c, customer, Duration.ofSeconds(c.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS)));
      Console.out().println("asked the streaming job to erase the given customer (on '"
          + c.get(ConfigKeys.ERASURE_TOPIC) + "')");
    }
    if (model == null) {
      return 0;
    }
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
