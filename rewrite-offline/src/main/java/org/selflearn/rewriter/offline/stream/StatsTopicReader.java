package org.selflearn.rewriter.offline.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * Reads a compacted topic from the beginning to its end, committed records only: the latest value of every key
 * (a tombstone removes the key). Used for the statistics, facts, personal-memory and sample topics.
 */
public final class StatsTopicReader {
  private StatsTopicReader() {}

  /** The statistics topic. */
  public static Map<String, StatValue> read(String bootstrap, String topic) {
    Map<String, StatValue> out = new HashMap<>();
    readLatest(bootstrap, topic).forEach((k, v) -> out.put(k, StatValue.fromBytes(v)));
    return out;
  }

  /** Any compacted topic with string keys, values as bytes. */
  public static Map<String, byte[]> readLatest(String bootstrap, String topic) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    Map<String, byte[]> out = new HashMap<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            out.remove(r.key());
          } else {
            out.put(r.key(), r.value());
          }
        }
      }
    }
    return out;
  }
}
