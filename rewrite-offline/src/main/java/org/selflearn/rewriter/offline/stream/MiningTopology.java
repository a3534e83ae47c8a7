package org.selflearn.rewriter.offline.stream;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Bytes;
import java.util.List;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * The mining topology, a function of the configuration:
 * <pre>
 * input (key customerId, value event JSON) + erasures (key customerId)
 *   → mine: validate, de-duplicate and sessionize (store pending-sessions), label, emit; keep each customer's memory
 *     (store customer-memories) and the task's ranker-example sample (store ranker-sample), both written just before
 *     each commit; combine contributions per key until then (map-side, one record per key and commit); erase on request
 *   ├─ rejected → dead-letter topic (value as received, header "rejection" = reason)
 *     with differential privacy on, keep each customer's bounded vote window (store customer-votes) and send the
 *     changes of their votes (−1 / +1 per vote key) instead of statistic contributions
 *   ├─ statistic contributions → repartition → reduce(StatValue::merge) in store transition-stats
 *   │    → compacted statistics topic (key statistic, value StatValue bytes)
 *   └─ fact contributions → repartition → reduce(LatestValue::merge) in store model-facts → compacted facts topic
 * </pre>
 * A publisher reads the statistics and facts topics and the changelogs of customer-memories and ranker-sample, and
 * builds a model with the same code as file mode ({@link StreamModelSource}).
 */
public final class MiningTopology {
  /** Name of the aggregated statistics store (queryable). */
  public static final String STATS_STORE = "transition-stats";
  /** Name of the aggregated facts store (queryable). */
  public static final String FACTS_STORE = "model-facts";

  private MiningTopology() {}

  /** The job's topology: everything a model needs ({@link MiningScope#MODEL}). */
  public static Topology buildTopology(RewriterConfig config, StreamMetrics metrics) {
    return buildTopology(config, metrics, MiningScope.MODEL);
  }

  /**
   * The topology for a scope: {@link MiningScope#STATISTICS_ONLY} leaves out the memory and sample stores and the
   * facts branch (the stream bench's baseline).
   */
  public static Topology buildTopology(RewriterConfig config, StreamMetrics metrics, MiningScope scope) {
    MiningSettings settings = MiningSettings.from(config);
    long dedupMs = config.get(ConfigKeys.DEDUP_HORIZON_MINUTES) * 60_000L;
    long idleMs = config.get(ConfigKeys.IDLE_FLUSH_SECONDS) * 1000L;
    int memoryCapacity = TrainJob.memoryCapacity(config);
    int examples = config.get(ConfigKeys.RANKER_EXAMPLES_PER_KIND);
    String erasures = config.get(ConfigKeys.ERASURE_TOPIC);
    boolean model = scope == MiningScope.MODEL;
    StreamsBuilder b = new StreamsBuilder();
    // uncached: the processor keeps session records decoded (SessionCache) and writes them just before each commit
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MiningProcessor.SESSIONS_STORE),
        Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
    List<String> stores = new java.util.ArrayList<>(List.of(MiningProcessor.SESSIONS_STORE));
    if (model) {
      // uncached: the keeper buffers changes itself and writes them just before each commit (CommitHook)
      for (String store : List.of(ModelStateKeeper.MEMORIES_STORE, ModelStateKeeper.SAMPLE_STORE)) {
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
            Serdes.ByteArray()).withCachingDisabled());
        stores.add(store);
      }
    }
    if (settings.privacy().enabled()) {
      // uncached: the vote keeper buffers changed windows itself and writes them just before each commit
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VoteKeeper.STORE), Serdes.String(),
          Serdes.ByteArray()).withCachingDisabled());
      stores.add(VoteKeeper.STORE);
    }
    b.addStateStore(CommitHook.builder()); // combined contributions and model state go out just before each commit
    stores.add(CommitHook.NAME);
    KStream<String, MiningOutput> mined = b.stream(List.of(config.get(ConfigKeys.INPUT_TOPIC), erasures),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
        .process(() -> new MiningProcessor(settings, dedupMs, idleMs, metrics,
                model ? new ModelStateKeeper(memoryCapacity, examples) : ModelState.NONE, erasures), Named.as("mine"),
            stores.toArray(String[]::new));
    mined.filter((k, v) -> v.is(MiningOutput.Kind.DEAD_LETTER), Named.as("rejected"))
        .mapValues(MiningOutput::bytes, Named.as("rejected-value"))
        .to(config.get(ConfigKeys.DEAD_LETTER_TOPIC), Produced.with(Serdes.String(), Serdes.ByteArray()));
    aggregate(mined, MiningOutput.Kind.STAT, MiningOutput::stat, new String[] {"contributions", "contribution",
        "by-statistic", "statistics"}, StatValueSerde.serde(), StatValue::merge, STATS_STORE,
        config.get(ConfigKeys.STATS_TOPIC));
    if (model) {
      aggregate(mined, MiningOutput.Kind.FACT, MiningOutput::fact, new String[] {"fact-contributions", "fact",
          "by-fact", "facts"}, StatValueSerde.facts(), LatestValue::merge, FACTS_STORE,
          config.get(ConfigKeys.FACTS_TOPIC));
    }
    return b.build();
  }

  /**
   * Contributions of one kind → repartition by key → reduce into a queryable store → compacted topic. The node names
   * ({@code names}: filter, map, repartition, output) name the repartition topic, so they never change.
   */
  private static <V> void aggregate(KStream<String, MiningOutput> mined, MiningOutput.Kind kind,
      java.util.function.Function<MiningOutput, V> value, String[] names, org.apache.kafka.common.serialization.Serde<V>
      serde, org.apache.kafka.streams.kstream.Reducer<V> merge, String store, String topic) {
    mined.filter((k, v) -> v.is(kind), Named.as(names[0]))
        .mapValues(value::apply, Named.as(names[1]))
        .groupByKey(Grouped.with(names[2], Serdes.String(), serde))
        .reduce(merge, Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
            .withKeySerde(Serdes.String()).withValueSerde(serde))
        .toStream(Named.as(names[3]))
        .to(topic, Produced.with(Serdes.String(), serde));
  }

  /**
   * Streams properties: exactly-once v2, RocksDB state under the configured directory, never stop on bad bytes, no
   * waiting for empty partitions of a task (max.task.idle.ms disabled).
   */
  public static Properties streamsConfig(RewriterConfig config, String bootstrap, String stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(ConfigKeys.APPLICATION_ID));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(ConfigKeys.COMMIT_INTERVAL_MS));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(ConfigKeys.STREAM_THREADS));
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(ConfigKeys.REPLICATION_FACTOR));
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, (long) config.get(ConfigKeys.STREAM_CACHE_MB) << 20);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // a mining task reads an input partition and the matching erasure partition, which is nearly always empty: with
    // the default (0) the task checks and formats that partition's fetched lag before every record it processes, and
    // it need not wait for it (an erasure applies whenever it arrives)
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    return p;
  }
}
