package org.selflearn.rewriter.offline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The peer client against a loopback port nobody listens on (a dead instance). */
class PeerClientTest {
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
