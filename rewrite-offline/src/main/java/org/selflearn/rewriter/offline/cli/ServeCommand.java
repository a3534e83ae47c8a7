package org.selflearn.rewriter.offline.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.shard.ShardSettings;
import org.selflearn.rewriter.offline.shard.ShardedPersonalStore;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.embed.Embedders;
import org.selflearn.rewriter.serve.BearerToken;
import org.selflearn.rewriter.serve.RewriteBackend;
import org.selflearn.rewriter.serve.RewriteServer;
import org.selflearn.rewriter.serve.ServeException;
import org.selflearn.rewriter.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./rewrite serve --model DIR [--port N] [--bootstrap HOST:PORT]}: the rewriter over HTTP until SIGTERM or
 * Ctrl-C (README). With {@code --bootstrap}, one of several instances that share the customers' personal memories
 * kept by the streaming job ({@link ShardedPersonalStore}); without, a single instance serving the model's own.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a trained model over HTTP: POST /v1/rewrite, POST /v1/rewrite:batch, DELETE"
        + " /v1/customers/{id}/memory, GET /health, /ready, /metrics. Listens on serve.bind (127.0.0.1) until SIGTERM"
        + " or Ctrl-C, then drains requests in flight and closes the model. Newly published table versions are picked"
        + " up while serving (online.reload-seconds). With --bootstrap, this instance is one of several that share"
        + " the customers' personal memories kept by the streaming job: it hosts the partitions Kafka assigns it and"
        + " asks the others for the rest (shard.* keys).")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Output of ./rewrite train.")
  Path model;

  @Option(names = "--port", paramLabel = "N", description = "TCP port (overrides serve.port; 0: any free port).")
  Integer port;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers of the streaming"
      + " job: serve personal memories from its customer-memory topic, sharded between the instances started with"
      + " the same shard.application-id, instead of from the model directory.")
  String bootstrap;

  @Override
  public Integer call() throws InterruptedException {
    RewriterConfig c = config.load();
    if (port != null) {
      c = c.with(ConfigKeys.SERVE_PORT, port);
    }
    ServeSettings settings = ServeSettings.from(c);
    ModelDirectory dir = ModelCheck.forRewriter(model, "--model");
    if (bootstrap != null) {
      ShardSettings.from(c); // a configuration mistake is exit 2 before anything starts
      try (BrokerCheck broker = new BrokerCheck(bootstrap,
          Duration.ofSeconds(c.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS)))) {
        broker.requireReachable();
      }
    }
    BearerToken token = token(settings);
    PrometheusMeterRegistry registry = registry();
    RewriteServer server;
    try {
      server = RewriteServer.start(settings, token, registry, RewriteServer.ACCESS::debug);
    } catch (ServeException e) {
      throw new BadInputException(e.getMessage());
    }
    StopSignal stop = new StopSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.requestAndAwaitClose(
        Duration.ofSeconds(settings.drainSeconds() + 15L)), "serve-shutdown"));
    Embedder embedder = null;
    ShardedPersonalStore shard = null;
    try {
      Console.progress("serve", "listening on " + server.uri() + (token == null ? "" : " (bearer token required)")
          + "; loading the model");
      QueryRewriter rewriter;
      if (bootstrap == null) {
        rewriter = QueryRewriter.open(model, c, registry, null);
      } else {
        var manifest = dir.readManifest();
        embedder = Embedders.open(manifest.path("embedder").asText("NONE"),
            manifest.path("onnxModelDir").asText("-"));
        shard = ShardedPersonalStore.start(c, bootstrap, server.port(), embedder::embed, registry,
            token == null ? null : token.authorization());
        Console.progress("serve", "joined the serving instances of " + bootstrap + " as " + shard.self()
            + " (application '" + c.get(ConfigKeys.SHARD_APPLICATION_ID) + "')");
        rewriter = QueryRewriter.open(model, c, registry, embedder, shard);
      }
      server.serve(RewriteBackend.of(rewriter), shard);
      Console.progress("serve", "ready on " + server.uri() + ", model version "
          + RewriteBackend.of(rewriter).modelVersion() + "; SIGTERM or Ctrl-C to stop");
      while (!stop.awaitRequest(Duration.ofHours(1))) {
        // serving on Jetty's threads; this thread only waits for the stop
      }
      Console.progress("serve", "stopping: draining requests in flight (at most " + settings.drainSeconds() + " s)");
    } finally {
      server.close();
      if (shard != null) {
        shard.close();
      }
      if (embedder != null) {
        embedder.close();
      }
      stop.closed();
    }
    Console.progress("serve", "stopped");
    return 0;
  }

  private static BearerToken token(ServeSettings settings) {
    if (settings.tokenFile() == null) {
      return null;
    }
    try {
      return BearerToken.read(settings.tokenFile());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(r);
    new JvmThreadMetrics().bindTo(r);
    new JvmGcMetrics().bindTo(r); // lives as long as the process
    new ProcessorMetrics().bindTo(r);
    new UptimeMetrics().bindTo(r);
    return r;
  }
}
