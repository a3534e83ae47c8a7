package org.selflearn.rewriter.offline.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic from a point in time (or its beginning) to the end it had when the scan started,
 * committed records only, without a consumer group.
 */
final class TopicScan {
  private TopicScan() {}

  /**
   * Hands each record to {@code each}, in partition order within a partition.
   *
   * @param sinceMillis the earliest record timestamp to read; 0 reads from the beginning
   */
  static void toEnd(String bootstrap, String topic, long sinceMillis,
      Consumer<ConsumerRecord<String, byte[]>> each) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      if (sinceMillis > 0) {
        Map<TopicPartition, Long> at = new HashMap<>();
        parts.forEach(p -> at.put(p, sinceMillis));
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : c.offsetsForTimes(at).entrySet()) {
          if (e.getValue() != null) {
            c.seek(e.getKey(), e.getValue().offset());
          }
        }
      }
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        c.poll(Duration.ofMillis(500)).forEach(each);
      }
    }
  }
}
