package org.selflearn.rewriter.offline.stream;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM on 127.0.0.1, for
 * integration tests and the demo. Its log directory is temporary and deleted on close.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private final Path logDir;
  private final int port;
  private final Properties props;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(Path logDir, int port, Properties props, KafkaRaftServer server) {
    this.logDir = logDir;
    this.port = port;
    this.props = props;
    this.server = server;
  }

  /** Formats a fresh log directory, starts the broker and waits until it answers. */
  public static EmbeddedKafkaBroker start() {
    try {
      Path dir = Files.createTempDirectory("rewriter-kafka");
      int port = freePort();
      int controllerPort = freePort();
      String clusterId = Uuid.randomUuid().toString();
      new Formatter().setNodeId(1).setClusterId(clusterId).setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString()).setControllerListenerName("CONTROLLER")
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run();
      Properties p = new Properties();
      p.put("process.roles", "broker,controller");
      p.put("node.id", "1");
      p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
      p.put("controller.listener.names", "CONTROLLER");
      p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      p.put("log.dirs", dir.toString());
      p.put("metadata.log.dir", dir.toString());
      p.put("offsets.topic.replication.factor", "1");
      p.put("offsets.topic.num.partitions", "4");
      p.put("transaction.state.log.replication.factor", "1");
      p.put("transaction.state.log.min.isr", "1");
      p.put("transaction.state.log.num.partitions", "4");
      p.put("share.coordinator.state.topic.replication.factor", "1");
      p.put("share.coordinator.state.topic.min.isr", "1");
      p.put("group.initial.rebalance.delay.ms", "0");
      p.put("num.partitions", "2");
      p.put("default.replication.factor", "1");
      p.put("log.flush.interval.messages", "1000000");
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, port, p, server);
      broker.awaitReady();
      return broker;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the in-process Kafka broker: " + e.getMessage(), e);
    }
  }

  private void awaitReady() throws Exception {
    try (Admin admin = admin()) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * Stops the broker, keeps it down for {@code downMillis}, and starts it again on the same ports and log directory
   * (tests: clients must ride through a broker restart).
   */
  public void restart(long downMillis) {
    server.shutdown();
    server.awaitShutdown();
    try {
      Thread.sleep(downMillis);
      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      awaitReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while restarting the in-process Kafka broker", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot restart the in-process Kafka broker: " + e.getMessage(), e);
    }
  }

  /** {@code 127.0.0.1:port}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** An admin client for this broker (caller closes). */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    org.selflearn.rewriter.offline.io.Directories.deleteTree(logDir);
  }
}
