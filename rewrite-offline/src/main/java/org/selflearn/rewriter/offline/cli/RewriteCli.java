package org.selflearn.rewriter.offline.cli;

import java.io.PrintWriter;
import org.selflearn.rewriter.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./rewrite}. */
@Command(name = "rewrite", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "Self-learning query rewriter: mine rephrase chains from interaction logs, solve them as absorbing"
        + " Markov chains, and rewrite requests online.",
    subcommands = {VersionCommand.class, ValidateCommand.class, ConfigCommand.class, SimulateCommand.class,
        MineCommand.class, SolveCommand.class, TrainCommand.class, ReplayCommand.class, RewriteOneCommand.class, StreamCommand.class, DemoCommand.class, ForgetCommand.class, ExplainCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class RewriteCli implements Runnable {
  /** Exit code of bad usage or bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code of an internal failure. */
  public static final int INTERNAL = 1;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (used by tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new RewriteCli());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof ConfigException || ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
        err.println("error: " + ex.getMessage());
        return BAD_INPUT;
      }
      err.println("internal error: " + ex);
      ex.printStackTrace(err);
      return INTERNAL;
    });
    cli.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? BAD_INPUT : INTERNAL);
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
