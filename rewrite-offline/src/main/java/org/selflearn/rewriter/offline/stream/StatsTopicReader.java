package org.selflearn.rewriter.offline.stream;

import java.util.HashMap;
import java.util.Map;
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
    return readLatest(bootstrap, topic, k -> true);
  }

  /** The latest values of the keys {@code wanted} accepts; the others are read past without being kept. */
  public static Map<String, byte[]> readLatest(String bootstrap, String topic,
      java.util.function.Predicate<String> wanted) {
    Map<String, byte[]> out = new HashMap<>();
    TopicScan.toEnd(bootstrap, topic, 0, r -> {
      if (r.value() == null) {
        out.remove(r.key());
      } else if (wanted.test(r.key())) {
        out.put(r.key(), r.value());
      }
    });
    return out;
  }
}
