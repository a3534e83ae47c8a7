package org.selflearn.rewriter.offline.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.selflearn.rewriter.common.codec.Jackson;

/**
 * Produces the lines of a log file to a topic as they are (bad lines included: the job must reject them), keyed by
 * {@code customerId} when the line has one. Idempotent producer, one request in flight; fails if any record could
 * not be delivered (nothing is dropped silently).
 */
public final class EventFileProducer {

  private EventFileProducer() {}

  /** Returns the number of records produced. */
  public static long produce(Path file, String bootstrap, String topic) {
    Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
    java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicReference<Exception> firstFailure = new java.util.concurrent.atomic
        .AtomicReference<>();
    long n = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
        new StringSerializer());
        BufferedReader r = reader(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        producer.send(new ProducerRecord<>(topic, key(line), line), (metadata, e) -> {
          if (e != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
          }
        });
        n++;
      }
      producer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot produce " + file + ": " + e.getMessage(), e);
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " of " + n + " records of " + file + " could not be produced to "
          + topic + ": " + firstFailure.get(), firstFailure.get());
    }
    return n;
  }

  private static BufferedReader reader(Path file) throws IOException {
    var in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static String key(String line) {
    try {
      JsonNode n = Jackson.readTree(line);
      JsonNode c = n == null ? null : n.get("customerId");
      return c != null && c.isTextual() ? c.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
