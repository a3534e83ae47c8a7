package org.selflearn.rewriter.offline.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the mining topology: start, observe, and close cleanly. One instance per process or per test. */
public final class StreamJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamJob.class);

  private final RewriterConfig config;
  private final KafkaStreams streams;
  private final StreamMetrics metrics;
  private final KafkaStreamsMetrics streamsMetrics;
  private final ThreadRestartPolicy restarts;

  public StreamJob(RewriterConfig config, String bootstrap, String stateDir, MeterRegistry registry) {
    this(config, bootstrap, stateDir, registry, MiningScope.MODEL);
  }

  /** A job of another scope ({@link MiningScope#STATISTICS_ONLY}: the stream bench's baseline). */
  public StreamJob(RewriterConfig config, String bootstrap, String stateDir, MeterRegistry registry,
      MiningScope scope) {
    this.config = config;
    this.metrics = new StreamMetrics(registry);
    Properties props = MiningTopology.streamsConfig(config, bootstrap, stateDir);
    this.streams = new KafkaStreams(MiningTopology.buildTopology(config, metrics, scope), props);
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    this.restarts = new ThreadRestartPolicy(config.get(ConfigKeys.MAX_THREAD_RESTARTS));
    streams.setUncaughtExceptionHandler(restarts);
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Stream-thread failures so far and the last one (bounded restarts: {@code stream.max-thread-restarts}). */
  public ThreadRestartPolicy restarts() {
    return restarts;
  }

  public StreamMetrics metrics() {
    return metrics;
  }

  /**
   * Waits until the job's consumer group has committed every input and repartition partition up to its end (within
   * one offset: the transaction marker), the stores are flushed (idle flush) and the statistics topic stopped
   * changing; returns false on timeout.
   */
  public static boolean awaitCaughtUp(Admin admin, RewriterConfig config, Duration timeout, String bootstrap) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, ?> previous = null;
    int stableRounds = 0;
    long needStable = config.get(ConfigKeys.IDLE_FLUSH_SECONDS) + 3L; // rounds of >= 1 s: past the idle flush
    while (System.nanoTime() < deadline) {
      try {
        if (lagAtMostOne(admin, config.get(ConfigKeys.APPLICATION_ID))) {
          Map<String, ?> now = StatsTopicReader.read(bootstrap, config.get(ConfigKeys.STATS_TOPIC));
          stableRounds = now.equals(previous) && !now.isEmpty() ? stableRounds + 1 : 0;
          previous = now;
          if (stableRounds >= needStable) {
            return true;
          }
        }
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        LOG.debug("waiting for the job: {}", e.toString());
      }
    }
    return false;
  }

  /** Whether the group has committed every partition it reads up to its end (within the transaction marker). */
  public static boolean lagAtMostOne(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    if (committed.isEmpty()) {
      return false;
    }
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
        .get(30, TimeUnit.SECONDS);
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
      if (end.get(e.getKey()).offset() - e.getValue().offset() > 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    streamsMetrics.close();
  }
}
