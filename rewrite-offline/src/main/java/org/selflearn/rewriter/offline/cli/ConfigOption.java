package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import org.selflearn.rewriter.config.ConfigLoader;
import org.selflearn.rewriter.config.RewriterConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command that reads configuration. */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML configuration file; REWRITER_* environment variables override it.")
  Path file;

  RewriterConfig load() {
    return ConfigLoader.load(file);
  }
}
