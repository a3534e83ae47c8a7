package org.selflearn.rewriter.offline.shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another serving instance for a customer memory it holds ({@code POST /internal/v1/personal}, body the
 * customer id, the bearer token when one is configured), within a deadline. An instance that cannot be connected to
 * (refused, or no connection within the deadline) is skipped for {@value #PAUSE_MILLIS} ms, doubled at each further
 * failure up to {@value #MAX_PAUSE_MILLIS} ms, so that while a dead instance's partitions move (the group notices
 * after {@code shard.session-timeout-ms}), requests go straight to a standby instead of waiting on it; one that is
 * merely slow to answer is not skipped (it is alive, and on a busy machine every instance is slow at times).
 */
final class PeerClient implements AutoCloseable {
  static final long PAUSE_MILLIS = 2_000;
  static final long MAX_PAUSE_MILLIS = 30_000;
  private final PeerConnections connections;
  private final String authorization;
  /** Per unreachable instance: until when it is skipped, and the pause that set it. */
  private final Map<HostInfo, long[]> paused = new ConcurrentHashMap<>();

  /** What an instance answered. */
  enum Status { HELD, NOT_HOSTED, FAILED }

  /** An answer: the memory's bytes when {@link Status#HELD}. */
  record Answer(Status status, byte[] profile) {
    static final Answer NOT_HOSTED = new Answer(Status.NOT_HOSTED, null);
    static final Answer FAILED = new Answer(Status.FAILED, null);
  }

  /** {@code authorization}: the header value other instances require, or null. */
  PeerClient(Duration connectTimeout, String authorization) {
    this.connections = new PeerConnections((int) Math.max(1, connectTimeout.toMillis()));
    this.authorization = authorization;
  }

  /** How long {@code host} is skipped for now (ms; 0 when it is not). */
  long pauseMillis(HostInfo host) {
    long[] p = paused.get(host);
    return p == null || p[0] - System.nanoTime() <= 0 ? 0 : p[1];
  }

  /** Asks {@code host} for the customer's memory ({@code stale}: a standby copy will do), until {@code deadline}. */
  Answer fetch(HostInfo host, String customerId, boolean stale, long deadlineNanos) {
    long now = System.nanoTime();
    long[] pause = paused.get(host);
    if (pause != null && pause[0] - now > 0) {
      return Answer.FAILED;
    }
    long left = deadlineNanos - now;
    if (left <= 0) {
      return Answer.FAILED;
    }
    try {
      PeerConnections.Response r = connections.post(host, "/internal/v1/personal" + (stale ? "?stale=true" : ""),
          customerId.getBytes(StandardCharsets.UTF_8), authorization, deadlineNanos);
      paused.remove(host);
      return switch (r.status()) {
        case 200 -> new Answer(Status.HELD, r.body());
        case 421 -> Answer.NOT_HOSTED;
        default -> Answer.FAILED; // 503 (overloaded, starting, draining), 401 (token mismatch), ...
      };
    } catch (java.net.ConnectException e) { // refused, or no connection in time
      paused.compute(host, (h, p) -> {
        long millis = p == null ? PAUSE_MILLIS : Math.min(MAX_PAUSE_MILLIS, p[1] * 2);
        return new long[] {System.nanoTime() + millis * 1_000_000, millis};
      });
      return Answer.FAILED;
    } catch (IOException | RuntimeException e) { // no answer in time, a broken connection, a garbled answer
      return Answer.FAILED;
    }
  }

  @Override
  public void close() {
    connections.close();
  }
}
