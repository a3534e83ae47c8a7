package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.solve.TablePublisher;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.table.TableEntry;
import org.selflearn.rewriter.serve.RewriteBackend;
import org.selflearn.rewriter.serve.RewriteServer;
import org.selflearn.rewriter.serve.ServeSettings;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * {@code ./rewrite serve} with a model trained on a simulated world and the real MiniLM embedder: every route through
 * a real HTTP client, erasure of a real customer, a table published while requests run, and SIGTERM to the real
 * command draining a request in flight.
 */
@Tag("integration")
class ServeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static Path world;
  static Path model;

  @BeforeAll
  static void train() {
    world = dir.resolve("world");
    new LogSimulator(BuiltInWorld.build(5), SimulationOptions.of(300, 6, 5)).run(world, d -> { });
    model = dir.resolve("model");
    // every layer serves: what is under test is the HTTP front, not which layers this small world's calibration keeps
    new TrainJob(RewriterConfig.defaults().with(ConfigKeys.CALIBRATION_ENABLED, false), Clock.systemUTC(), m -> { })
        .train(world.resolve("train.jsonl"), model);
  }

  private static ServeSettings settings() {
    return ServeSettings.from(RewriterConfig.defaults()).withPort(0);
  }

  private static RewriteServer serve(RewriterConfig c, PrometheusMeterRegistry registry, List<String> log) {
    RewriteServer s = RewriteServer.start(settings(), null, registry, log::add);
    s.serve(RewriteBackend.of(QueryRewriter.open(model, c, registry, null)));
    return s;
  }

  @Test
  void everyRouteAnswersWithTheTrainedModelAndErasureIsReal() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<String> log = new CopyOnWriteArrayList<>();
    String customer = firstCustomer();
    try (RewriteServer s = serve(RewriterConfig.defaults(), registry, log)) {
      Client c = new Client(s.uri());
      assertThat(c.get("/health").statusCode()).isEqualTo(200);
      JsonNode ready = json(c.get("/ready"));
      assertThat(ready.get("status").asText()).isEqualTo("ready");
      String version = ready.get("modelVersion").asText();

      JsonNode one = json(c.post("/v1/rewrite", "{\"utterance\":\"play maj and dragons\",\"customerId\":\""
          + customer + "\",\"deviceType\":\"SPEAKER\",\"time\":\"2025-01-01T08:00:00Z\",\"explain\":true}"));
      assertThat(one.get("effective").asText()).isNotBlank();
      assertThat(one.get("reason").asText()).isNotBlank();
      assertThat(one.get("modelVersion").asText()).isEqualTo(version);

      StringBuilder batch = new StringBuilder("{\"requests\":[");
      List<String> said = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String u = i % 2 == 0 ? "play maj and dragons" : "turn on the lights number " + i;
        said.add(u);
        batch.append(i == 0 ? "" : ",").append("{\"utterance\":\"").append(u).append("\"}");
      }
      JsonNode results = json(c.post("/v1/rewrite:batch", batch.append("]}").toString())).get("results");
      assertThat(results).hasSize(16);
      for (int i = 0; i < 16; i++) {
        JsonNode r = results.get(i);
        String expected = r.get("rewrite").isNull() ? said.get(i) : r.get("rewrite").asText();
        assertThat(r.get("effective").asText()).isEqualTo(expected); // answers in the order asked
        assertThat(r.get("modelVersion").asText()).isEqualTo(version);
      }

      HttpResponse<String> bad = c.post("/v1/rewrite", "{\"utterance\":\"" + "x".repeat(600) + "\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(json(bad).get("field").asText()).isEqualTo("utterance");

      JsonNode erased = json(c.delete("/v1/customers/" + customer + "/memory"));
      assertThat(erased.get("erased").asBoolean()).isTrue();
      assertThat(json(c.delete("/v1/customers/" + customer + "/memory")).get("erased").asBoolean()).isFalse();

      String metrics = c.get("/metrics").body();
      assertThat(metrics).contains("rewriter_requests_total", "rewriter_latency_seconds",
          "http_server_requests_seconds_bucket").doesNotContain(customer);
    }
    assertThat(log).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(customer));
    // durable: a fresh open of the model no longer holds the customer
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults())) {
      assertThat(r.forget(customer)).isFalse();
    }
  }

  @Test
  void aTablePublishedWhileRequestsRunIsPickedUpWithoutAFailedRequest() throws Exception {
    RewriterConfig c = RewriterConfig.defaults().with(ConfigKeys.RELOAD_SECONDS, 1);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TablePublisher publisher = new TablePublisher(Clock.systemUTC(), 3);
    Path table = model.resolve("table");
    try (RewriteServer s = serve(c, registry, new CopyOnWriteArrayList<>())) {
      Client client = new Client(s.uri());
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong answered = new AtomicLong();
      List<String> failures = new CopyOnWriteArrayList<>();
      Map<String, Set<String>> seen = new ConcurrentHashMap<>(); // modelVersion -> answers to "hello wrld"
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        clients.add(pool.submit(() -> {
          int i = 0;
          while (running.get()) {
            String u = i++ % 2 == 0 ? "hello wrld" : "play maj and dragons " + id;
            try {
              HttpResponse<String> r = client.post("/v1/rewrite", "{\"utterance\":\"" + u + "\"}");
              if (r.statusCode() != 200) {
                failures.add(r.statusCode() + " " + r.body());
                continue;
              }
              JsonNode j = json(r);
              if (u.equals("hello wrld")) {
                seen.computeIfAbsent(j.get("modelVersion").asText(), k -> ConcurrentHashMap.newKeySet())
                    .add(j.get("effective").asText());
              }
              answered.incrementAndGet();
            } catch (RuntimeException e) {
              failures.add(e.toString());
            }
          }
        }));
      }
      Thread.sleep(500);
      String v1 = publisher.publish(table, Map.of("hello wrld", new TableEntry("hello world", 0.9, 9, 9, 0, 1)),
          Map.of());
      awaitVersion(client, v1);
      Thread.sleep(300);
      String v2 = publisher.publish(table, Map.of("hello wrld", new TableEntry("hello there world", 0.9, 9, 9, 0,
          1)), Map.of());
      awaitVersion(client, v2);
      Thread.sleep(300);
      running.set(false);
      for (Future<?> f : clients) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(failures).isEmpty();
      assertThat(answered.get()).isGreaterThan(50);
      // every answer names the version that produced it
      assertThat(seen).containsEntry(v1, Set.of("hello world")).containsEntry(v2, Set.of("hello there world"));
    }
  }

  private static void awaitVersion(Client c, String version) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      if (json(c.get("/ready")).get("modelVersion").asText().equals(version)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("version " + version + " was not picked up within 20 s");
  }

  @Test
  void sigtermToTheCommandFinishesTheRequestInFlightThenStops() throws Exception {
    Path launcher = Path.of("..", "rewrite").toAbsolutePath().normalize();
    ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "serve", "--model", model.toString(),
        "--port", "0");
    pb.environment().put(LogFile.DIR_VARIABLE, dir.resolve("logs").toString());
    pb.environment().put("REWRITER_SERVE_MAX_BATCH", "2000");
    pb.environment().put("REWRITER_SERVE_MAX_BODY_BYTES", "1000000");
    pb.environment().put("REWRITE_JAVA_OPTS", "-Xmx1g");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path console = dir.resolve("serve-console.txt");
    pb.redirectError(console.toFile()); // our progress lines (descriptor 3 of ./rewrite is its stderr)
    Process p = pb.start();
    try {
      int port = awaitReadyPort(console, p);
      Client c = new Client(URI.create("http://127.0.0.1:" + port));
      assertThat(c.get("/ready").statusCode()).isEqualTo(200);
      // a batch long enough to be in flight when SIGTERM arrives: 2,000 distinct requests through retrieval
      StringBuilder body = new StringBuilder("{\"requests\":[");
      for (int i = 0; i < 2000; i++) {
        body.append(i == 0 ? "" : ",").append("{\"utterance\":\"play song number ").append(i).append(" by the band\"}");
      }
      CompletableFuture<HttpResponse<String>> inFlight = c.http.sendAsync(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/v1/rewrite:batch")).timeout(Duration.ofSeconds(120))
          .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      Thread.sleep(300);
      assertThat(inFlight).isNotDone();
      p.destroy(); // SIGTERM
      HttpResponse<String> answered = inFlight.get(120, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(json(answered).get("results")).hasSize(2000);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(console)).contains("serve: stopping", "serve: stopped");
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        throw new AssertionError("still listening after exit");
      } catch (ConnectException expected) {
        // stopped
      }
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void tenThousandMalformedHostHeadersLeaveTheLogAlmostAsItWasAndNeverWriteTheirValue() throws Exception {
    Path logs = dir.resolve("logs-bad-host");
    ProcessBuilder pb = new ProcessBuilder("bash", Path.of("..", "rewrite").toAbsolutePath().normalize().toString(),
        "serve", "--model", model.toString(), "--port", "0");
    pb.environment().put(LogFile.DIR_VARIABLE, logs.toString());
    pb.environment().put("REWRITE_JAVA_OPTS", "-Xmx1g");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path console = dir.resolve("serve-bad-host-console.txt");
    pb.redirectError(console.toFile());
    Process p = pb.start();
    try {
      int port = awaitReadyPort(console, p);
      long before = logBytes(logs);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Integer>> senders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        senders.add(pool.submit(() -> {
          int refused = 0;
          for (int i = 0; i < 2_500; i++) { // 10,000 in all, each on its own connection (the 400 closes it)
            try (Socket s = new Socket("127.0.0.1", port)) {
              s.setSoTimeout(10_000);
              s.getOutputStream().write(("GET /ready HTTP/1.1\r\nHost: c-4382/" + "x".repeat(4_000) + "\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
              String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
              refused += answer.startsWith("HTTP/1.1 400") ? 1 : 0;
            }
          }
          return refused;
        }));
      }
      int refused = 0;
      for (Future<Integer> f : senders) {
        refused += f.get(300, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(refused).isEqualTo(10_000);
      assertThat(new Client(URI.create("http://127.0.0.1:" + port)).get("/ready").statusCode()).isEqualTo(200);
      long grown = logBytes(logs) - before;
      assertThat(grown).as("bytes the log grew by").isLessThan(100 * 1024);
      try (var files = Files.list(logs)) {
        for (Path f : files.toList()) {
          assertThat(Files.readString(f)).as(f.toString()).doesNotContain("c-4382");
        }
      }
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertThat(Files.readString(console)).contains("log: " + logs); // still named on the terminal at exit
  }

  private static long logBytes(Path logs) throws IOException {
    try (var files = Files.list(logs)) {
      long total = 0;
      for (Path f : files.toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }

  private static int awaitReadyPort(Path console, Process p) throws Exception {
    Pattern ready = Pattern.compile("serve: ready on http://127\\.0\\.0\\.1:(\\d+)");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < until && p.isAlive()) {
      Matcher m = ready.matcher(Files.exists(console) ? Files.readString(console) : "");
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not get ready: " + Files.readString(console));
  }

  private static String firstCustomer() throws IOException {
    try (var lines = Files.lines(world.resolve("train.jsonl"))) {
      String line = lines.filter(l -> l.contains("\"SUCCESS\"")).findFirst().orElseThrow();
      int i = line.indexOf("\"customerId\":\"") + 14;
      return line.substring(i, line.indexOf('"', i));
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** A real HTTP/1.1 client. */
  private static final class Client {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    Client(URI base) {
      this.base = base;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String body) {
      return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) {
      return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
      try {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

}
