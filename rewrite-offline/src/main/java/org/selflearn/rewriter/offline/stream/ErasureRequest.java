package org.selflearn.rewriter.offline.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * Asks the streaming job to erase a customer: one record on {@code stream.erasure-topic}, key = customer id, written
 * with acks=all before returning. The job deletes the customer's memory, sampled examples and open sessions from its
 * stores and writes tombstones to the personal and sample topics (compaction then removes the old values).
 */
public final class ErasureRequest {
  private ErasureRequest() {}

  public static void send(String bootstrap, RewriterConfig config, String customerId, Duration timeout) {
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
    try (KafkaProducer<String, String> p = new KafkaProducer<>(props, new StringSerializer(),
        new StringSerializer())) {
      p.send(new ProducerRecord<>(config.get(ConfigKeys.ERASURE_TOPIC), customerId, "erase"))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write the erasure request to '" + config.get(ConfigKeys.ERASURE_TOPIC)
          + "': " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the erasure request", e);
    }
  }
}
