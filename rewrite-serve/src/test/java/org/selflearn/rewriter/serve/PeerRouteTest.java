package org.selflearn.rewriter.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /internal/v1/personal}, the route other serving instances read a customer's memory through, and
 * {@code /ready} of a sharded instance: the real server, a backend without a model and an in-memory stand-in for the
 * shard (unit test).
 */
class PeerRouteTest {
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private RewriteServer server;
  private Http http;
  private volatile boolean restored;

  private final PeerMemory shard = new PeerMemory() {
    private final Map<String, byte[]> owned = Map.of("anna", new byte[] {1, 2, 3});
    private final Map<String, byte[]> standby = Map.of("bob", new byte[] {4});

    @Override
    public byte[] hostedProfile(String customerId, boolean stale) {
      asked.add(customerId + (stale ? " stale" : ""));
      byte[] b = owned.get(customerId);
      return b != null ? b : stale ? standby.get(customerId) : null;
    }

    @Override
    public boolean ready() {
      return restored;
    }
  };

  private void start(PeerMemory peers) {
    server = RewriteServer.start(new ServeSettings("127.0.0.1", 0, null, 4_096, 64, 4, 8, 2, 5, 5_000, 1_024), null,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), s -> { });
    server.serve(new FakeBackend(), peers);
    http = new Http(server.uri());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void answersTheBytesItHoldsAndSaysWhenItHoldsNone() throws Exception {
    start(shard);
    var owned = http.client.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/internal/v1/personal"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("anna")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(owned.statusCode()).isEqualTo(200);
    assertThat(owned.body()).containsExactly(1, 2, 3);
    assertThat(owned.headers().firstValue("Content-Type")).hasValue("application/octet-stream");

    assertThat(http.post("/internal/v1/personal", "bob").statusCode()).as("a standby copy only when asked")
        .isEqualTo(421);
    assertThat(http.post("/internal/v1/personal?stale=true", "bob").statusCode()).isEqualTo(200);
    assertThat(http.post("/internal/v1/personal?stale=true", "carl").statusCode()).isEqualTo(421);
    assertThat(asked).containsExactly("anna", "bob", "bob stale", "carl stale");

    var blank = http.post("/internal/v1/personal", "  ");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(Http.json(blank).get("field").asText()).isEqualTo("id");
    assertThat(http.get("/internal/v1/personal").statusCode()).isEqualTo(405);
  }

  @Test
  void aSingleInstanceHasNoPeerRouteAndAShardedOneIsReadyOnceRestored() {
    start(null);
    assertThat(http.post("/internal/v1/personal", "anna").statusCode()).isEqualTo(404);
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    server.close();

    start(shard);
    var restoring = http.get("/ready");
    assertThat(restoring.statusCode()).isEqualTo(503);
    assertThat(Http.json(restoring).get("error").asText()).contains("restored");
    restored = true;
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
  }
}
