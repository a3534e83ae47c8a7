package org.selflearn.rewriter.offline.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Copies the input topic's events (from a point in time, or from the beginning) to a JSON Lines file, values as
 * received: self-calibration replays held-out raw turns, which no aggregate can stand in for.
 */
public final class InputTopicDump {
  private InputTopicDump() {}

  /**
   * Writes the events with a record timestamp at or after {@code sinceMillis} (0: everything the topic retains) to
   * {@code file} (gzip); returns how many.
   */
  public static long write(String bootstrap, String topic, long sinceMillis, Path file) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    long n = 0;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
            Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
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
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          if (r.value() != null && r.value().length > 0) {
            out.write(new String(r.value(), StandardCharsets.UTF_8).replace('\n', ' '));
            out.write('\n');
            n++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return n;
  }
}
