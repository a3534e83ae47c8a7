package org.selflearn.rewriter.offline.shard;

import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The serving instances' application: the mining job's customer-memory changelog (key customer id) → {@link
 * ProfileWriter} → store {@value #STORE} (key SHA-256 of the id, value the profile's bytes), changelogged, so Kafka
 * Streams restores it on an instance that takes a partition over and keeps standby copies. Partitioned exactly like
 * the mining job's input, by customer id, so {@code queryMetadataForKey(id)} names the instance holding a customer.
 */
public final class ProfileTopology {
  /** The queryable store of profiles. */
  public static final String STORE = "personal-profiles";

  private ProfileTopology() {}

  static Topology build(ShardSettings s, Function<String, float[]> vectors, ShardMetrics metrics) {
    StreamsBuilder b = new StreamsBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.ByteArray(),
        Serdes.ByteArray()).withCachingDisabled()); // a write is visible to lookups at once
    b.stream(s.memoriesTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("memories"))
        .process(() -> new ProfileWriter(s.maxEntries(), vectors, metrics), Named.as("profiles"), STORE);
    return b.build();
  }

  /**
   * Streams properties: this instance's address for interactive queries, standby replicas, committed records only
   * (the mining job writes its changelog in transactions), and a short session timeout so a dead instance's
   * partitions move within seconds. Every partition is assigned as active at once, even to an instance that still has
   * to restore it (a large acceptable recovery lag): lookups meanwhile go to standbys.
   */
  static Properties properties(ShardSettings s, String bootstrap, String self) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self);
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, s.standbyReplicas());
    p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, s.replicationFactor());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    p.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, Long.MAX_VALUE / 2);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), s.sessionTimeoutMillis());
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
        Math.max(500, s.sessionTimeoutMillis() / 5));
    return p;
  }
}
