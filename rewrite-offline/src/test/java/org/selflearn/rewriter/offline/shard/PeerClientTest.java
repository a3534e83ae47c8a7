package org.selflearn.rewriter.offline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The peer client against a real serving instance's HTTP server, and against a port nobody listens on. */
class PeerClientTest {
  @Test
  void readsWhatAnInstanceHoldsAgainAndAgainAndFailsOnceItIsGone() {
    org.selflearn.rewriter.serve.PeerMemory held = new org.selflearn.rewriter.serve.PeerMemory() {
      @Override
      public byte[] hostedProfile(String customerId, boolean stale) {
        return customerId.equals("anna") ? new byte[] {7, 8, 9} : stale ? new byte[] {1} : null;
      }

      @Override
      public boolean ready() {
        return true;
      }
    };
    var server = org.selflearn.rewriter.serve.RewriteServer.start(
        org.selflearn.rewriter.serve.ServeSettings.from(org.selflearn.rewriter.config.RewriterConfig.defaults()
            .with(org.selflearn.rewriter.config.ConfigKeys.SERVE_PORT, 0)), null,
        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT), s -> { });
    HostInfo host = new HostInfo("127.0.0.1", server.port());
    try (PeerClient client = new PeerClient(Duration.ofMillis(500), null)) {
      server.serve(new org.selflearn.rewriter.serve.RewriteBackend() {
        @Override
        public Versioned rewrite(org.selflearn.rewriter.online.RewriteRequest r) {
          return new Versioned(org.selflearn.rewriter.online.RewriteResult.unchanged(r.utterance(), "test"), "v");
        }

        @Override
        public boolean forget(String customerId) {
          return false;
        }

        @Override
        public String modelVersion() {
          return "v";
        }

        @Override
        public void close() { }
      }, held);
      for (int i = 0; i < 50; i++) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        PeerClient.Answer a = client.fetch(host, "anna", false, deadline);
        assertThat(a.status()).isEqualTo(PeerClient.Status.HELD);
        assertThat(a.profile()).containsExactly(7, 8, 9);
        assertThat(client.fetch(host, "bob", false, deadline).status()).isEqualTo(PeerClient.Status.NOT_HOSTED);
        assertThat(client.fetch(host, "bob", true, deadline).profile()).containsExactly(1);
      }
      server.close();
      assertThat(client.fetch(host, "anna", false, System.nanoTime() + Duration.ofSeconds(5).toNanos()).status())
          .isEqualTo(PeerClient.Status.FAILED);
      assertThat(client.pauseMillis(host)).as("gone: skipped from now on").isEqualTo(PeerClient.PAUSE_MILLIS);
    } finally {
      server.close();
    }
  }

  @Test
  void anInstanceThatRefusesIsSkippedForLongerAtEachFailureAndNeverWaitedOn() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    HostInfo dead = new HostInfo("127.0.0.1", port);
    PeerClient client = new PeerClient(Duration.ofMillis(500), null);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    assertThat(client.fetch(dead, "anna", false, deadline).status()).isEqualTo(PeerClient.Status.FAILED);
    assertThat(client.pauseMillis(dead)).isEqualTo(PeerClient.PAUSE_MILLIS);
    long t0 = System.nanoTime();
    assertThat(client.fetch(dead, "anna", false, deadline).status()).isEqualTo(PeerClient.Status.FAILED);
    assertThat((System.nanoTime() - t0) / 1_000_000).as("skipped, not asked").isLessThan(50);
    assertThat(client.pauseMillis(dead)).as("a skip does not lengthen the pause").isEqualTo(PeerClient.PAUSE_MILLIS);
    Thread.sleep(PeerClient.PAUSE_MILLIS + 100);
    assertThat(client.pauseMillis(dead)).isZero();
    assertThat(client.fetch(dead, "anna", false, System.nanoTime() + Duration.ofSeconds(5).toNanos()).status())
        .isEqualTo(PeerClient.Status.FAILED);
    assertThat(client.pauseMillis(dead)).as("refused again: skipped twice as long").isEqualTo(2 * PeerClient.PAUSE_MILLIS);
  }
}
