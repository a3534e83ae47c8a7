package org.selflearn.rewriter.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a slow, careless or hostile client meets (issue 21): the real server on a loopback port, real sockets, a
 * backend without a model. Times in assertions are generous bounds that say the behaviour, not benchmarks.
 */
class ServeLimitsTest {
  private final FakeBackend backend = new FakeBackend();
  private RewriteServer server;
  private Http http;

  private static ServeSettings settings(int maxConcurrent, int bodyTimeoutMillis, int minBytesPerSecond) {
    return new ServeSettings("127.0.0.1", 0, null, 4_096, 64, 4, maxConcurrent, 2, 5, bodyTimeoutMillis,
        minBytesPerSecond);
  }

  private void start(ServeSettings s, BearerToken token, boolean ready) {
    server = RewriteServer.start(s, token, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), l -> { });
    if (ready) {
      server.serve(backend);
    }
    http = new Http(server.uri());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void slowBodiesHoldConnectionsButNoPermitSoOthersAreStillAnswered() throws Exception {
    start(settings(8, 30_000, 0), null, true); // neither the timeout nor the rate cuts the slow senders off here
    List<RawHttp> slow = new ArrayList<>();
    AtomicBoolean dribbling = new AtomicBoolean(true);
    Thread dribbler = null;
    try {
      for (int i = 0; i < 64; i++) {
        slow.add(new RawHttp(server.port()).send("POST /v1/rewrite HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{"));
      }
      dribbler = Thread.ofPlatform().daemon().start(() -> {
        for (int round = 0; round < 10 && dribbling.get(); round++) { // bounded: at most 10 bytes each
          sleep(1_000);
          slow.forEach(s -> {
            try {
              s.send(" ");
            } catch (RuntimeException e) {
              // the server may have closed it
            }
          });
        }
      });
      Thread.sleep(500); // every slow request is in the handler, reading its body
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> r = http.send(http.request("/v1/rewrite").timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString("{\"utterance\":\"play maj and dragons\"}")).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
      assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    } finally {
      dribbling.set(false);
      slow.forEach(RawHttp::close);
      if (dribbler != null) {
        dribbler.join(5_000);
      }
    }
  }

  @Test
  void aBodyThatStopsIsAnswered408WithinTheBodyTimeoutAndTheConnectionCloses() {
    start(settings(8, 1_000, 0), null, true);
    try (RawHttp c = new RawHttp(server.port())) {
      long t0 = System.nanoTime();
      String answer = c.send("POST /v1/rewrite HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "10\r\n{\"utterance\":\"pl").readToClose();
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(answer).startsWith("HTTP/1.1 408").contains("Connection: close")
          .contains("serve.body-timeout-ms").doesNotContain("[still open]");
      assertThat(millis).isLessThan(8_000); // Jetty's idle timeout alone took 30 s
    }
    assertThat(backend.seen).isEmpty();
  }

  @Test
  void aBodyDribbledBelowTheMinimumRateIs408() {
    start(settings(8, 30_000, 100), null, true);
    try (RawHttp c = new RawHttp(server.port())) {
      c.send("POST /v1/rewrite HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 200\r\n\r\n{");
      Thread dribbler = Thread.ofPlatform().daemon().start(() -> {
        for (int i = 0; i < 20; i++) { // one byte every 300 ms, at most 6 s
          sleep(300);
          try {
            c.send(" ");
          } catch (RuntimeException e) {
            return; // closed by the server
          }
        }
      });
      String answer = c.readToClose();
      assertThat(answer).startsWith("HTTP/1.1 408").contains("Connection: close")
          .contains("serve.min-body-bytes-per-second").doesNotContain("[still open]");
      dribbler.interrupt();
    }
  }

  @Test
  void readyTurns503WhileEveryPermitIsTaken() throws Exception {
    start(settings(2, 5_000, 1_024), null, true);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(2);
    backend.behaviour = r -> {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FakeBackend.rule(r);
    };
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      held.add(http.client.sendAsync(http.request("/v1/rewrite").POST(HttpRequest.BodyPublishers.ofString(
          "{\"utterance\":\"a\"}")).build(), HttpResponse.BodyHandlers.ofString()));
    }
    try {
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      HttpResponse<String> busy = http.get("/ready");
      assertThat(busy.statusCode()).isEqualTo(503);
      assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(Http.json(busy).get("error").asText()).contains("serve.max-concurrent");
      assertThat(http.get("/health").statusCode()).isEqualTo(200); // alive, only not taking work
    } finally {
      release.countDown();
    }
    for (CompletableFuture<HttpResponse<String>> f : held) {
      assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void headProbesAnswerLikeGetWithoutABody() {
    start(settings(8, 5_000, 1_024), null, false);
    assertThat(head("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> loading = head("/ready");
    assertThat(loading.statusCode()).isEqualTo(503);
    assertThat(loading.body()).isEmpty();
    server.serve(backend);
    HttpResponse<String> ready = head("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEmpty();
    assertThat(head("/v1/rewrite").statusCode()).isEqualTo(405);
    assertThat(http.post("/ready", "{}").headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  private HttpResponse<String> head(String path) {
    return http.send(http.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  @Test
  void anAnswerGivenBeforeTheBodyWasReadSaysConnectionClose() {
    start(settings(8, 5_000, 1_024), BearerToken.of("s3cret"), false);
    String[][] cases = {
        {"POST /v1/rewrite", "", "401"},
        {"POST /v1/nothing", "", "404"},
        {"PUT /v1/rewrite", "", "405"},
        {"POST /v1/rewrite", "Authorization: Bearer s3cret\r\n", "503"},
    };
    for (String[] c : cases) {
      try (RawHttp raw = new RawHttp(server.port())) {
        String answer = raw.send(c[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + c[1]
            + "Content-Length: 100\r\n\r\n{\"utterance\":").readToClose(); // 14 of the 100 bytes
        assertThat(answer).as(c[0]).startsWith("HTTP/1.1 " + c[2]).contains("Connection: close")
            .doesNotContain("[still open]");
      }
    }
    // with the whole body there, the connection stays open for the next request
    try (RawHttp raw = new RawHttp(server.port())) {
      raw.send("POST /v1/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}"
          + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      String answers = raw.readToClose();
      assertThat(answers).startsWith("HTTP/1.1 404").contains("HTTP/1.1 200");
    }
  }

  @Test
  void connectIsRefusedAndItsConnectionClosed() {
    start(settings(8, 5_000, 1_024), null, true);
    try (RawHttp raw = new RawHttp(server.port())) {
      String answer = raw.send("CONNECT 127.0.0.1:9 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n").readToClose();
      assertThat(answer).startsWith("HTTP/1.1 4").contains("Connection: close").doesNotContain("[still open]");
    }
  }

  @Test
  void jettysOwnRejectionsAreCounted() {
    start(settings(8, 5_000, 1_024), null, true);
    String[] requests = {
        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
        "GET /health HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /ready HTTP/1.1\r\nHost: c-4382/x\r\n\r\n",
    };
    List<String> statuses = new ArrayList<>();
    for (String r : requests) {
      try (RawHttp raw = new RawHttp(server.port())) {
        String answer = raw.send(r).readToClose();
        statuses.add(answer.length() >= 12 ? answer.substring(9, 12) : answer);
      }
    }
    assertThat(statuses).containsExactly("414", "431", "505", "400");
    String metrics = http.get("/metrics").body();
    for (String outcome : List.of("uri-too-long", "request-header-fields-too-large", "http-version-not-supported",
        "bad-request")) {
      assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{outcome=\"" + outcome
          + "\",route=\"other\"} 1");
    }
  }

  @Test
  void theUtteranceLimitCountsCharactersNotUtf16Units() {
    start(settings(8, 5_000, 1_024), null, true); // serve.max-utterance-chars = 64
    String emoji = "\uD83D\uDE00";
    assertThat(http.post("/v1/rewrite", "{\"utterance\":\"" + emoji.repeat(64) + "\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> over = http.post("/v1/rewrite", "{\"utterance\":\"" + emoji.repeat(65) + "\"}");
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(Http.json(over).get("error").asText()).contains("(65)");
  }

  @Test
  void aDeclaredCharsetOtherThanUtf8Is415() {
    start(settings(8, 5_000, 1_024), null, true);
    String body = "{\"utterance\":\"caf\u00e9\"}";
    for (String type : List.of("application/json; charset=ISO-8859-1", "application/json;charset=utf-16",
        "application/json; charset=\"windows-1252\"")) {
      HttpResponse<String> r = http.send(http.request("/v1/rewrite").header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build());
      assertThat(r.statusCode()).as(type).isEqualTo(415);
      assertThat(Http.json(r).get("field").asText()).isEqualTo("Content-Type");
    }
    for (String type : List.of("application/json", "application/json; charset=UTF-8", "text/plain;charset=\"utf-8\"")) {
      HttpResponse<String> r = http.send(http.request("/v1/rewrite").header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
      assertThat(r.statusCode()).as(type).isEqualTo(200);
    }
    assertThat(backend.seen).extracting(x -> x.utterance()).containsOnly("caf\u00e9");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
