package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.publish.ModelPublisher;
import org.selflearn.rewriter.offline.publish.PrivacyLedger;
import org.selflearn.rewriter.offline.stream.KafkaModelSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite publish (--logs FILE | --bootstrap HOST:PORT) --model DIR [--keep N] [--every DURATION]}. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Build a complete model into a new version MODEL_DIR/versions/v-NNNNNN, validate it by opening it"
        + " and rewriting requests, then switch MODEL_DIR/CURRENT to it atomically; services reading MODEL_DIR reload"
        + " it (online.reload-seconds). From a log file (--logs), or from what the streaming job keeps in Kafka"
        + " (--bootstrap: the statistics, facts, personal-memory and sample topics; calibration reads back the input"
        + " topic, publish.calibration-days). With --every, publishes again on that schedule until SIGTERM/Ctrl-C."
        + " Keeps the newest versions (model.keep-versions). A publish that fails or is killed leaves the previous"
        + " version serving. MODEL_DIR must be new, empty or versioned (a plain model directory from train is"
        + " refused).")
final class PublishCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @ArgGroup(exclusive = true, multiplicity = "1")
  From from;

  static final class From {
    @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Training logs (.jsonl[.gz]).")
    Path logs;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT",
        description = "Kafka bootstrap servers of the streaming job's topics.")
    String bootstrap;
  }

  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Versioned model directory.")
  Path model;

  @Option(names = "--keep", paramLabel = "N", description = "Versions to keep (overrides model.keep-versions).")
  Integer keep;

  @Option(names = "--every", paramLabel = "DURATION", description = "Publish again after this long, until stopped"
      + " (e.g. 15m, 1h, 30s; at least 1s).")
  String every;

  @Override
  public Integer call() throws InterruptedException {
    RewriterConfig c = config.load();
    if (keep != null) {
      if (keep < 1 || keep > 100) {
        throw new BadInputException("--keep: " + keep + " is not a number of versions to keep (1 to 100)");
      }
      c = c.with(ConfigKeys.MODEL_KEEP_VERSIONS, keep);
    }
    Duration period = every == null ? null : parseEvery(every);
    Path parent = model.toAbsolutePath().normalize().getParent();
    InputFiles.outputDir(parent, "--model");
    if (from.logs != null) {
      InputFiles.existingFile(from.logs, "--logs");
      InputScan.requireValidEvent(from.logs, "--logs");
    } else {
      try (BrokerCheck broker = new BrokerCheck(from.bootstrap,
          Duration.ofSeconds(c.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS)))) {
        broker.requireReachable();
        broker.requireTopic(c.get(ConfigKeys.STATS_TOPIC), ConfigKeys.STATS_TOPIC.name());
      }
    }
    ModelPublisher publisher = new ModelPublisher(c, Clock.systemUTC(), m -> Console.progress("publish", m));
    ModelPublisher.Source source = from.logs != null ? null
        : new KafkaModelSource(c, from.bootstrap, Clock.systemUTC(), m -> Console.progress("publish", m));
    if (period == null) {
      print(publishOnce(publisher, source));
      return 0;
    }
    StopSignal stop = new StopSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.requestAndAwaitClose(Duration.ofMinutes(10)),
        "publish-shutdown"));
    try {
      do {
        try {
          print(publishOnce(publisher, source));
        } catch (BadInputException e) {
          throw e; // the privacy budget is spent: no later publish of this schedule may go out either
        } catch (RuntimeException e) {
          // a failed publish leaves the previous version serving; the schedule goes on
          Console.progress("publish", "this publish failed, the previous version keeps serving: "
              + Failures.oneLine(String.valueOf(e.getMessage())));
        }
        Console.progress("publish", "next publish in " + period.toString().substring(2).toLowerCase(
            java.util.Locale.ROOT) + "; Ctrl-C to stop");
      } while (!stop.awaitRequest(period));
      return 0;
    } finally {
      stop.closed();
    }
  }

  /** One publish; a privacy budget already spent is bad input (exit code 2), which also ends a schedule. */
  private ModelPublisher.Published publishOnce(ModelPublisher publisher, ModelPublisher.Source source) {
    try {
      return source == null ? publisher.publish(from.logs, model) : publisher.publish(source, model);
    } catch (PrivacyLedger.BudgetExhausted e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private void print(ModelPublisher.Published p) {
    if (p.unchanged()) {
      Console.out().println("nothing new to publish in " + model + ": its privacy window was released already; "
          + p.version() + " keeps serving");
      return;
    }
    Console.out().println("published model version " + p.version() + " in " + model
        + (p.previous() == null ? "" : " (was " + p.previous() + ")")
        + (p.removed().isEmpty() ? "" : "; removed " + String.join(", ", p.removed())));
  }

  /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or an ISO-8601 duration. */
  static Duration parseEvery(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    Duration d;
    try {
      if (t.matches("\\d+[smhd]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d = switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      } else {
        d = Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new BadInputException("--every: '" + text + "' is not a duration (e.g. 30s, 15m, 1h, 1d)");
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new BadInputException("--every: " + text + " is shorter than 1s");
    }
    return d;
  }
}
