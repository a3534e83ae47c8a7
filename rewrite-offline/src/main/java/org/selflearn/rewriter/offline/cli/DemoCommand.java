package org.selflearn.rewriter.offline.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.offline.replay.HtmlReport;
import org.selflearn.rewriter.offline.replay.ReplayJob;
import org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker;
import org.selflearn.rewriter.offline.stream.EventFileProducer;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.KafkaModelSource;
import org.selflearn.rewriter.offline.publish.ModelPublisher;
import org.selflearn.rewriter.offline.stream.Topics;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite demo}: the whole loop on an in-process broker and a generated world, in the deployed shape. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Everything end to end, in the shape of a deployment: simulate a world, start an in-process Kafka"
        + " broker, produce the train days, mine them with the streaming job until it has caught up, publish a"
        + " model version from what the stream keeps (no second pass over the file), serve it and replay the eval"
        + " days through it beside the baselines, print the headline figures and write an HTML report.")
final class DemoCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--out", defaultValue = "demo-output", description = "Where the world, model and reports go"
      + " (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--customers", defaultValue = "1500", description = "Customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--days", defaultValue = "10", description = "Days (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    long t0 = System.nanoTime();
    InputFiles.outputDir(out, "--out");
    RewriterConfig c = config.load().with(ConfigKeys.IDLE_FLUSH_SECONDS, 5).with(ConfigKeys.COMMIT_INTERVAL_MS, 500);
    Path world = out.resolve("world");
    step(t0, "1/6 simulating " + customers + " customers over " + days + " days");
    var summary = new LogSimulator(BuiltInWorld.build(seed), SimulationOptions.of(customers, days, seed)).run(world,
        d -> { });
    step(t0, "    " + summary.events() + " events written under " + world);
    Path state = Files.createTempDirectory("rewriter-demo-state");
    Path model = out.resolve("model");
    deleteTree(model);
    step(t0, "2/6 starting an in-process Kafka broker (KRaft, 127.0.0.1)");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      try (Admin admin = broker.admin()) {
        Topics.ensure(admin, c, 2);
      }
      long n = EventFileProducer.produce(world.resolve(LogSimulator.TRAIN_FILE), broker.bootstrapServers(),
          c.get(ConfigKeys.INPUT_TOPIC));
      step(t0, "3/6 produced " + n + " train events to '" + c.get(ConfigKeys.INPUT_TOPIC) + "'; mining them with the"
          + " streaming job (statistics, facts, personal memories, ranker sample)");
      try (StreamJob job = new StreamJob(c, broker.bootstrapServers(), state.toString(), new SimpleMeterRegistry());
          Admin admin = broker.admin()) {
        job.start();
        if (!StreamJob.awaitCaughtUp(admin, c, Duration.ofMinutes(10), broker.bootstrapServers())) {
          throw new IllegalStateException("the streaming job did not catch up within 10 minutes");
        }
        step(t0, "    caught up: " + job.metrics().describe());
      }
      step(t0, "4/6 publishing a model version from the stream's topics into " + model);
      ModelPublisher.Published p = new ModelPublisher(c, Clock.systemUTC(), m -> step(t0, "    " + m))
          .publish(new KafkaModelSource(c, broker.bootstrapServers(), Clock.systemUTC(), m -> step(t0, "    " + m)),
              model);
      step(t0, "    serving " + p.version() + " (" + model.resolve("CURRENT") + ")");
    } finally {
      deleteTree(state);
    }
    step(t0, "5/6 replaying the eval days through the served model, beside the baselines");
    ReplayJob.Result r = new ReplayJob(c, 4, m -> step(t0, "    " + m)).run(model,
        world.resolve(LogSimulator.EVAL_FILE), true);
    Json.write(out.resolve("report.json"), r.report());
    HtmlReport.write(out.resolve("report.html"), r.report(), r.turns(), r.decisions());
    step(t0, "6/6 done");
    Console.out().println();
    ReportText.print(r.report(), Console.out());
    Console.out().println("HTML report: " + out.resolve("report.html").toAbsolutePath());
    Console.out().println("JSON report: " + out.resolve("report.json").toAbsolutePath());
    Console.out().println("model:       " + model.toAbsolutePath() + "  (try: ./rewrite rewrite --model " + model
        + " --explain \"play maj and dragons\")");
    return 0;
  }

  private static void step(long t0, String message) {
    Console.err().printf(java.util.Locale.ROOT, "[%5.1fs] demo: %s%n", (System.nanoTime() - t0) / 1e9, message);
  }

  private static void deleteTree(Path p) {
    org.selflearn.rewriter.offline.io.Directories.deleteTree(p);
  }
}
