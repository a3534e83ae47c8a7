package org.selflearn.rewriter.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;

/** The real server on an ephemeral loopback port, a real HTTP client, and a backend without a model. */
class RewriteServerTest {
  private final FakeBackend backend = new FakeBackend();
  private final List<String> accessLog = new CopyOnWriteArrayList<>();
  private RewriteServer server;
  private Http http;

  private static ServeSettings settings(int maxConcurrent, int drainSeconds) {
    return new ServeSettings("127.0.0.1", 0, null, 4_096, 64, 4, maxConcurrent, 2, drainSeconds, 5_000, 1_024);
  }

  private void start(ServeSettings s, BearerToken token, boolean ready) {
    server = RewriteServer.start(s, token, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), accessLog::add);
    if (ready) {
      server.serve(backend);
    }
    http = new Http(server.uri());
  }

  private void start() {
    start(settings(8, 5), null, true);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void defaultsBindTheLoopbackAddress() {
    ServeSettings d = ServeSettings.from(RewriterConfig.defaults());
    assertThat(d.bind()).isEqualTo("127.0.0.1");
    assertThat(d.tokenFile()).isNull();
  }

  @Test
  void healthAnswersAtOnceAndReadyWaitsForTheModel() {
    start(settings(8, 5), null, false);
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> notReady = http.get("/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.headers().firstValue("Retry-After")).hasValue("2");
    HttpResponse<String> early = http.post("/v1/rewrite", "{\"utterance\":\"play maj and dragons\"}");
    assertThat(early.statusCode()).isEqualTo(503);
    assertThat(Http.json(early).get("error").asText()).contains("loading");

    server.serve(backend);
    HttpResponse<String> ready = http.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(Http.json(ready).get("modelVersion").asText()).isEqualTo("v-7");
  }

  @Test
  void rewritesOneRequestWithEveryContextFieldAndIgnoresUnknownFields() {
    start();
    HttpResponse<String> r = http.post("/v1/rewrite", """
        {"utterance":"play maj and dragons","customerId":"c-42","deviceType":"speaker",
         "time":"2025-03-01T18:30:00+01:00","previousUtterance":"stop","previousDomain":"Music",
         "explain":false,"somethingNew":{"nested":[1,2]}}""");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
        "application/json"));
    JsonNode j = Http.json(r);
    assertThat(j.get("effective").asText()).isEqualTo("play imagine dragons");
    assertThat(j.get("rewrite").asText()).isEqualTo("play imagine dragons");
    assertThat(j.get("source").asText()).isEqualTo("PRECOMPUTED");
    assertThat(j.get("score").asDouble()).isEqualTo(0.93);
    assertThat(j.get("reason").asText()).isEqualTo("table");
    assertThat(j.get("modelVersion").asText()).isEqualTo("v-7");
    assertThat(j.has("candidates")).isFalse();
    RewriteRequest seen = backend.seen.getFirst();
    // previousUtterance is no longer part of the API (the rewriter never read it): ignored like any unknown field
    assertThat(seen).isEqualTo(new RewriteRequest("play maj and dragons", "c-42", DeviceType.SPEAKER,
        Instant.parse("2025-03-01T17:30:00Z"), "Music", false));
  }

  @Test
  void anUnchangedRequestHasNullRewriteSourceAndScore() {
    start();
    JsonNode j = Http.json(http.post("/v1/rewrite", "{\"utterance\":\"what time is it\"}"));
    assertThat(j.get("effective").asText()).isEqualTo("what time is it");
    assertThat(j.get("rewrite").isNull()).isTrue();
    assertThat(j.get("source").isNull()).isTrue();
    assertThat(j.get("score").isNull()).isTrue();
    assertThat(j.get("reason").asText()).isEqualTo("no-candidate");
    assertThat(j.get("modelVersion").asText()).isEqualTo("v-7");
  }

  @Test
  void explainReturnsTheScoredCandidates() {
    start();
    JsonNode j = Http.json(http.post("/v1/rewrite", "{\"utterance\":\"play maj and dragons\",\"explain\":true}"));
    assertThat(j.get("candidates")).hasSize(1);
    assertThat(j.get("candidates").get(0).get("features").get("support").asDouble()).isEqualTo(12.0);
  }

  @Test
  void aBatchIsAnsweredInOrder() {
    start();
    HttpResponse<String> r = http.post("/v1/rewrite:batch", """
        {"requests":[{"utterance":"what time is it"},{"utterance":"play maj and dragons","customerId":"c-1"},
        {"utterance":"stop"}]}""");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode results = Http.json(r).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("effective").asText()).isEqualTo("what time is it");
    assertThat(results.get(1).get("effective").asText()).isEqualTo("play imagine dragons");
    assertThat(results.get(2).get("effective").asText()).isEqualTo("stop");
    results.forEach(x -> assertThat(x.get("modelVersion").asText()).isEqualTo("v-7"));
  }

  @Test
  void everyKindOfBadInputIsA400NamingTheField() {
    start();
    String longText = "a".repeat(65);
    String[][] cases = {
        {"/v1/rewrite", "{\"utterance\": \"play", "body"},
        {"/v1/rewrite", "", "body"},
        {"/v1/rewrite", "[1,2]", "body"},
        {"/v1/rewrite", "{\"utterance\":\"x\"} trailing", "body"},
        {"/v1/rewrite", "{}", "utterance"},
        {"/v1/rewrite", "{\"utterance\":null}", "utterance"},
        {"/v1/rewrite", "{\"utterance\":42}", "utterance"},
        {"/v1/rewrite", "{\"utterance\":\"   \"}", "utterance"},
        {"/v1/rewrite", "{\"utterance\":\"" + longText + "\"}", "utterance"},
        {"/v1/rewrite", "{\"utterance\":\"x\",\"customerId\":7}", "customerId"},
        {"/v1/rewrite", "{\"utterance\":\"x\",\"deviceType\":\"toaster\"}", "deviceType"},
        {"/v1/rewrite", "{\"utterance\":\"x\",\"time\":\"yesterday\"}", "time"},
        {"/v1/rewrite", "{\"utterance\":\"x\",\"explain\":\"yes\"}", "explain"},
        {"/v1/rewrite", "{\"utterance\":\"x\",\"previousDomain\":[]}", "previousDomain"},
        {"/v1/rewrite", "{\"utterance\":\"" + "b".repeat(5_000) + "\"}", "body"},
        {"/v1/rewrite:batch", "{\"requests\":{}}", "requests"},
        {"/v1/rewrite:batch", "{\"requests\":[]}", "requests"},
        {"/v1/rewrite:batch", "{\"requests\":[{\"utterance\":\"a\"},{\"utterance\":\"b\"},{\"utterance\":\"c\"},"
            + "{\"utterance\":\"d\"},{\"utterance\":\"e\"}]}", "requests"},
        {"/v1/rewrite:batch", "{\"requests\":[{\"utterance\":\"a\"},{\"utterance\":1}]}", "requests[1].utterance"},
        {"/v1/rewrite:batch", "{\"requests\":[{\"utterance\":\"a\"},\"b\"]}", "requests[1]"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = http.post(c[0], c[1]);
      assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
      JsonNode j = Http.json(r);
      assertThat(j.get("field").asText()).as(c[1]).isEqualTo(c[2]);
      assertThat(j.get("status").asInt()).isEqualTo(400);
      assertNoStackTrace(r.body());
    }
    assertThat(backend.seen).isEmpty();
  }

  @Test
  void anOverlongBodyWithoutContentLengthIsA400Too() {
    start();
    byte[] big = ("{\"utterance\":\"" + "c".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = http.send(http.request("/v1/rewrite")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).get("field").asText()).isEqualTo("body");
  }

  @Test
  void aMalformedHttpRequestIsAJsonErrorWithoutAStackTrace() throws Exception {
    start();
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write("GARBAGE /v1/rewrite HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n".getBytes(
          StandardCharsets.US_ASCII));
      out.flush();
      s.setSoTimeout(5_000);
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400"); // Jetty answers an unparseable message with no body
      assertNoStackTrace(answer);
    }
    // a request Jetty refuses itself (a malformed Host) gets the API's JSON error shape, without echoing it
    try (RawHttp raw = new RawHttp(server.port())) {
      String answer = raw.send("GET /ready HTTP/1.1\r\nHost: c-4382/x\r\n\r\n").readToClose();
      assertThat(answer).startsWith("HTTP/1.1 400").contains("\"status\":400").doesNotContain("c-4382");
      assertNoStackTrace(answer);
    }
    assertThat(backend.forgotten).isEmpty();
  }

  @Test
  void aRewriterThatThrowsAnywayFailsOpenWith200() {
    start();
    backend.behaviour = r -> {
      throw new IllegalStateException("the model exploded for customer c-secret");
    };
    HttpResponse<String> r = http.post("/v1/rewrite", "{\"utterance\":\"play maj and dragons\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode j = Http.json(r);
    assertThat(j.get("effective").asText()).isEqualTo("play maj and dragons");
    assertThat(j.get("rewrite").isNull()).isTrue();
    assertThat(j.get("reason").asText()).isEqualTo("error");
    assertNoStackTrace(r.body());
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405WithAllow() {
    start();
    HttpResponse<String> missing = http.get("/v1/nothing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Http.json(missing).get("status").asInt()).isEqualTo(404);
    HttpResponse<String> wrong = http.get("/v1/rewrite");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
    assertThat(http.post("/health", "{}").statusCode()).isEqualTo(405);
    assertThat(http.get("/v1/customers/c-1/memory").statusCode()).isEqualTo(405);
    // nothing serves files
    assertThat(http.get("/").statusCode()).isEqualTo(404);
    assertThat(http.get("/model/ranker.json").statusCode()).isEqualTo(404);
  }

  @Test
  void erasureForgetsTheDecodedIdAndNeverLogsIt() {
    start();
    HttpResponse<String> known = http.delete("/v1/customers/known%20customer-%C3%A9/memory");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(Http.json(known).get("erased").asBoolean()).isTrue();
    assertThat(Http.json(known).get("modelVersion").asText()).isEqualTo("v-7");
    HttpResponse<String> unknown = http.delete("/v1/customers/stranger-123/memory");
    assertThat(Http.json(unknown).get("erased").asBoolean()).isFalse();
    assertThat(backend.forgotten).containsExactly("known customer-é", "stranger-123");
    http.post("/v1/rewrite", "{\"utterance\":\"x\",\"customerId\":\"stranger-123\"}");
    http.post("/v1/rewrite", "{\"utterance\":\"x\",\"customerId\":\"stranger-123\",\"time\":\"bad\"}");

    assertThat(accessLog).isNotEmpty();
    assertThat(accessLog).allSatisfy(line -> assertThat(line).doesNotContain("stranger").doesNotContain("known"));
    assertThat(accessLog).anySatisfy(line -> assertThat(line).contains("DELETE /v1/customers/{id}/memory 200"));
    String metrics = http.get("/metrics").body();
    assertThat(metrics).doesNotContain("stranger").contains("route=\"/v1/customers/{id}/memory\"");
  }

  @Test
  void metricsArePrometheusTextWithLatencyHistogramsByRouteAndOutcome() {
    start();
    http.post("/v1/rewrite", "{\"utterance\":\"play maj and dragons\"}");
    http.post("/v1/rewrite", "{}");
    HttpResponse<String> m = http.get("/metrics");
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
        "text/plain"));
    assertThat(m.body()).contains("http_server_requests_seconds_bucket{")
        .containsPattern("http_server_requests_seconds_count\\{outcome=\"ok\",route=\"/v1/rewrite\"} 1")
        .containsPattern("http_server_requests_seconds_count\\{outcome=\"bad-request\",route=\"/v1/rewrite\"} 1");
  }

  @Test
  void aBearerTokenIsRequiredForTheApiAndMetricsButNotForProbes() {
    start(settings(8, 5), BearerToken.of("s3cret-token"), true);
    HttpResponse<String> none = http.post("/v1/rewrite", "{\"utterance\":\"x\"}");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    http.token = "s3cret-tokem";
    assertThat(http.post("/v1/rewrite", "{\"utterance\":\"x\"}").statusCode()).isEqualTo(401);
    assertThat(http.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(http.delete("/v1/customers/c-1/memory").statusCode()).isEqualTo(401);
    assertThat(backend.forgotten).isEmpty();
    http.token = "s3cret-token";
    assertThat(http.post("/v1/rewrite", "{\"utterance\":\"x\"}").statusCode()).isEqualTo(200);
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
    http.token = null;
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void tokenComparisonIgnoresTheSchemeCaseAndRejectsPrefixes() {
    BearerToken t = BearerToken.of("abc123");
    assertThat(t.accepts("Bearer abc123")).isTrue();
    assertThat(t.accepts("bearer abc123")).isTrue();
    assertThat(t.accepts("Bearer abc12")).isFalse();
    assertThat(t.accepts("Bearer abc1234")).isFalse();
    assertThat(t.accepts("Basic abc123")).isFalse();
    assertThat(t.accepts(null)).isFalse();
  }

  @Test
  void pastTheConcurrencyLimitTheAnswerIs503WithRetryAfterAtOnce() throws Exception {
    start(settings(2, 5), null, true);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(2);
    backend.behaviour = r -> {
      entered.countDown();
      await(release);
      return FakeBackend.rule(r);
    };
    List<CompletableFuture<HttpResponse<String>>> held = List.of(postAsync("{\"utterance\":\"a\"}"),
        postAsync("{\"utterance\":\"b\"}"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> refused = http.post("/v1/rewrite", "{\"utterance\":\"c\"}");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(Http.json(refused).get("error").asText()).contains("serve.max-concurrent");
    assertThat(http.get("/health").statusCode()).isEqualTo(200); // probes are not limited
    release.countDown();
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(http.post("/v1/rewrite", "{\"utterance\":\"c\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void closingDrainsRequestsInFlightThenClosesTheModel() throws Exception {
    start(settings(8, 10), null, true);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    backend.behaviour = r -> {
      entered.countDown();
      await(release);
      backend.events.add("answered " + r.utterance());
      return FakeBackend.rule(r);
    };
    CompletableFuture<HttpResponse<String>> inFlight = postAsync("{\"utterance\":\"play maj and dragons\"}");
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    int port = server.port();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.ready() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(server.ready()).isFalse();
    Thread.sleep(200);
    // stopped accepting: a new connection is refused
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    assertThat(closing).isNotDone();
    assertThat(backend.events).doesNotContain("closed");

    release.countDown();
    HttpResponse<String> answered = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(Http.json(answered).get("effective").asText()).isEqualTo("play imagine dragons");
    closing.get(15, TimeUnit.SECONDS);
    assertThat(backend.events).containsExactly("answered play maj and dragons", "closed");
    server = null;
  }

  @Test
  void aTakenPortIsAnErrorNamingTheKeys() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ServeSettings s = new ServeSettings("127.0.0.1", taken.getLocalPort(), null, 4_096, 64, 4, 8, 1, 1, 5_000, 1_024);
      assertThatThrownBy(() -> RewriteServer.start(s, null, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
          l -> { })).isInstanceOf(ServeException.class).hasMessageContaining("serve.port");
    }
  }

  private CompletableFuture<HttpResponse<String>> postAsync(String body) {
    return http.client.sendAsync(http.request("/v1/rewrite").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void await(CountDownLatch l) {
    try {
      if (!l.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException());
    }
  }

  private static void assertNoStackTrace(String body) {
    assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.");
  }

}
