package org.selflearn.rewriter.offline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code ./rewrite version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version and formats.")
final class VersionCommand implements Callable<Integer> {
  static final String VERSION = "0.1.0";

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      System.out.println(line);
    }
    return 0;
  }

  /** Version lines shared by {@code --version} and {@code version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rewrite " + VERSION, "log format 1, statistics format 1",
          "java " + System.getProperty("java.version")};
    }
  }
}
