package org.selflearn.rewriter.offline.cli;

import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKey;
import org.selflearn.rewriter.config.ConfigKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite config --print | --doc}. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Show the effective configuration (with where each value came from) or document every key.")
final class ConfigCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--print", description = "Print the effective configuration and each value's origin.")
  boolean print;

  @Option(names = "--doc", description = "Print every key as a Markdown table: type, default, allowed, meaning.")
  boolean doc;

  @Override
  public Integer call() {
    if (doc) {
      System.out.println("| key | environment variable | default | allowed | meaning |");
      System.out.println("|---|---|---|---|---|");
      for (ConfigKey<?> k : ConfigKeys.all()) {
        System.out.println("| `" + k.name() + "` | `" + k.envName() + "` | `" + k.defaultValue() + "` | "
            + k.allowed() + " | " + k.doc() + " |");
      }
      return 0;
    }
    System.out.print(config.load().describe());
    return 0;
  }
}
