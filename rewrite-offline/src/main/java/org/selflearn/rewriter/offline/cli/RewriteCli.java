package org.selflearn.rewriter.offline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of {@code ./rewrite}. Exit codes: 0 success; 2 bad usage or bad input, with one line naming the option,
 * path, field, key or variable; 1 a bug, with the stack trace in the log file (see {@link LogFile}).
 */
@Command(name = "rewrite", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "Self-learning query rewriter: mine rephrase chains from interaction logs, solve them as absorbing"
        + " Markov chains, and rewrite requests online. Exit codes: 0 success, 2 bad usage or bad input, 1 a bug.",
    subcommands = {VersionCommand.class, ValidateCommand.class, ProduceCommand.class, ClusterCheckCommand.class, ConfigCommand.class, SimulateCommand.class,
        MineCommand.class, SolveCommand.class, TrainCommand.class, ReplayCommand.class, CompareCommand.class,
        RewriteOneCommand.class, StreamCommand.class, DemoCommand.class, ForgetCommand.class, ExplainCommand.class,
        BenchCommand.class, ServeCommand.class, PublishCommand.class, RollbackCommand.class, LoopCommand.class,
        CommandLine.HelpCommand.class})
public final class RewriteCli implements Callable<Integer> {
  /** Exit code of bad usage or bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code of an internal failure (a bug). */
  public static final int INTERNAL = 1;

  public static void main(String[] args) {
    LogFile log = LogFile.redirect(commandName(args));
    int code = execute(log, args);
    if (log != null) {
      log.finish(code != BAD_INPUT); // a bad-input line says all; the log then holds only library notices
    }
    System.exit(code);
  }

  /** Runs the command line in this process and returns the exit code (used by tests; no log redirection). */
  public static int run(String... args) {
    return execute(null, args);
  }

  private static int execute(LogFile log, String... args) {
    CommandLine cli = new CommandLine(new RewriteCli());
    cli.setOut(new PrintWriter(Console.out(), true));
    cli.setErr(new PrintWriter(Console.err(), true));
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(new VersionCommand.Provider());
    }
    cli.setExecutionStrategy(RewriteCli::executeStrictly);
    cli.setParameterExceptionHandler((ex, arguments) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("error: " + Failures.oneLine(ex.getMessage()));
      if (ex instanceof CommandLine.UnmatchedArgumentException u) {
        List<String> suggestions = u.getSuggestions();
        if (!suggestions.isEmpty()) {
          err.println("did you mean: " + String.join(", ", suggestions) + "?");
        }
      }
      err.println("see: ./rewrite " + (ex.getCommandLine() == cli ? "" : ex.getCommandLine().getCommandName() + " ")
          + "--help");
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        Failures.report(commandLine.getCommandName(), ex, log, Console.err()));
    if (log != null && args.length > 0 && args[0].equals("stream")) {
      log.announce(); // runs until stopped: say at once where its log goes
    }
    try {
      return cli.execute(args);
    } catch (Error e) { // a linkage error or the like, which picocli lets through: still said, never silent
      return Failures.report(args.length > 0 ? args[0] : "rewrite", e, log, Console.err());
    }
  }

  /**
   * Like picocli's default, but an argument that matched nothing is an error even when {@code --help} or
   * {@code --version} was also given (picocli would print the help and exit 0).
   */
  private static int executeStrictly(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (!p.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  /** The subcommand named by the arguments, for the log file's name. */
  static String commandName(String[] args) {
    return args.length > 0 && !args[0].startsWith("-") ? args[0] : "rewrite";
  }

  /** {@code ./rewrite} alone: the usage, and exit code 2 (nothing was asked). */
  @Override
  public Integer call() {
    Console.err().println("error: no command given");
    new CommandLine(this).usage(Console.err());
    return BAD_INPUT;
  }
}
