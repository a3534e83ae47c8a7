package org.selflearn.rewriter.offline.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Before the streaming job starts: is the cluster there, and does the input topic exist? Fails in bounded time. */
final class BrokerCheck implements AutoCloseable {
  private final Admin admin;
  private final String bootstrap;
  private final Duration timeout;

  BrokerCheck(String bootstrap, Duration timeout) {
    this.bootstrap = bootstrap;
    this.timeout = timeout;
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try {
      this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
          AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new BadInputException("--bootstrap " + bootstrap + ": " + e.getMessage()
          + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
    }
  }

  Admin admin() {
    return admin;
  }

  /** Fails with exit code 2 when no broker answers within the timeout. */
  void requireReachable() {
    try {
      admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new BadInputException("--bootstrap " + bootstrap + ": no Kafka broker answered within "
          + timeout.toSeconds() + " s (stream.connect-timeout-seconds)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaching " + bootstrap, e);
    }
  }

  /** Fails with exit code 2 when the topic is missing. */
  void requireTopic(String topic, String key) {
    Set<String> names;
    try {
      names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new BadInputException("--bootstrap " + bootstrap + ": cannot list topics within " + timeout.toSeconds()
          + " s: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    }
    if (!names.contains(topic)) {
      throw new BadInputException(key + ": topic '" + topic + "' does not exist on " + bootstrap
          + " (create it, or pass --create-topics)");
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofMillis(500));
  }
}
