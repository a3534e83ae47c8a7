package org.selflearn.rewriter.offline.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Copies the input topic's events (from a point in time, or from the beginning) to a JSON Lines file, values as
 * received: self-calibration replays held-out raw turns, which no aggregate can stand in for. With a customer bound,
 * only the events of the {@code maxCustomers} customers with the smallest hashed ids are copied (a first pass finds
 * the cut with a bounded heap of hashes, a second copies): the same customers at every publish, chosen without regard
 * to what they said, and a heap that does not grow with the population.
 */
public final class InputTopicDump {
  private InputTopicDump() {}

  /**
   * Writes the events with a record timestamp at or after {@code sinceMillis} (0: everything the topic retains) to
   * {@code file} (gzip); returns how many.
   */
  public static long write(String bootstrap, String topic, long sinceMillis, Path file) {
    return write(bootstrap, topic, sinceMillis, 0, file);
  }

  /** {@link #write(String, String, long, Path)} for at most {@code maxCustomers} customers (0: all). */
  public static long write(String bootstrap, String topic, long sinceMillis, int maxCustomers, Path file) {
    long cut = maxCustomers == 0 ? Long.MAX_VALUE : cut(bootstrap, topic, sinceMillis, maxCustomers);
    long[] n = new long[1];
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
        Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      TopicScan.toEnd(bootstrap, topic, sinceMillis, r -> {
        if (r.value() != null && r.value().length > 0 && hash(r.key()) <= cut) {
          try {
            out.write(new String(r.value(), StandardCharsets.UTF_8).replace('\n', ' '));
            out.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          n[0]++;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(),
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
    return n[0];
  }

  /** The largest hash of the {@code k} customers with the smallest hashed ids (all of them: the largest hash). */
  private static long cut(String bootstrap, String topic, long sinceMillis, int k) {
    java.util.PriorityQueue<Long> smallest = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
    java.util.Set<Long> kept = new java.util.HashSet<>();
    TopicScan.toEnd(bootstrap, topic, sinceMillis, r -> {
      long h = hash(r.key());
      if (kept.contains(h) || smallest.size() == k && h > smallest.peek()) {
        return;
      }
      smallest.add(h);
      kept.add(h);
      if (smallest.size() > k) {
        kept.remove(smallest.poll());
      }
    });
    return smallest.isEmpty() ? Long.MIN_VALUE : smallest.peek();
  }

  /** A customer's place in the order (records without a key sort last: never sampled in, unless all are kept). */
  private static long hash(String customerId) {
    return customerId == null ? Long.MAX_VALUE
        : org.selflearn.rewriter.common.text.Fnv1a.hash64(customerId) & Long.MAX_VALUE;
  }
}
