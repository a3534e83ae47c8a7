package org.selflearn.rewriter.offline.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * Reads a compacted topic from the beginning to its end, committed records only: the latest value of every key
 * (a tombstone removes the key). Used for the statistics, facts, personal-memory and sample topics. Values are decoded
 * as they arrive, so a read never holds the raw bytes of every key beside their decoded values (at 200,000 simulated
 * customers the statistics alone are 92,000 keys).
 */
public final class StatsTopicReader {
  private StatsTopicReader() {}

  /** The statistics topic. */
  public static Map<String, StatValue> read(String bootstrap, String topic) {
    return readLatest(bootstrap, topic, k -> true, StatValue::fromBytes);
  }

  /** Any compacted topic with string keys, values as bytes. */
  public static Map<String, byte[]> readLatest(String bootstrap, String topic) {
    return readLatest(bootstrap, topic, k -> true);
  }

  /** The latest values of the keys {@code wanted} accepts; the others are read past without being kept. */
  public static Map<String, byte[]> readLatest(String bootstrap, String topic, Predicate<String> wanted) {
    return readLatest(bootstrap, topic, wanted, Function.identity());
  }

  /**
   * The latest values of the keys {@code wanted} accepts, each decoded by {@code decode} when it arrives (a later
   * value of the key replaces it, a tombstone removes it).
   */
  public static <T> Map<String, T> readLatest(String bootstrap, String topic, Predicate<String> wanted,
      Function<byte[], T> decode) {
    Map<String, T> out = new HashMap<>();
    TopicScan.toEnd(bootstrap, topic, 0, r -> {
      if (r.value() == null) {
        out.remove(r.key());
      } else if (wanted.test(r.key())) {
        out.put(r.key(), decode.apply(r.value()));
      }
    });
    return out;
  }
}
