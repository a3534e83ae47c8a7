package org.selflearn.rewriter.offline.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * Map-side combining of a task's statistic and fact contributions: what the task contributes to one key between two
 * commits is merged into one value ({@link StatValue#merge}, {@link LatestValue#merge}) and forwarded as one record,
 * instead of one record per contribution through the repartition topics and the reducers. Both merges are associative
 * and commutative, so the aggregates downstream are the same. The buffer is forwarded just before each commit (through
 * {@link CommitHook} and {@link CommitForwarder}, in the same transaction as the input offsets), or from processing
 * once it holds {@code maxKeys} keys; it is dropped when the task drops its uncommitted work. Forwarded records carry
 * the latest timestamp of what they merge. Not thread-safe (one per task).
 */
final class ContributionBuffer {
  private final int maxKeys;
  private final Map<String, StatValue> stats = new HashMap<>();
  private final Map<String, LatestValue> facts = new HashMap<>();
  private long latestMs = Long.MIN_VALUE;

  ContributionBuffer(int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
    }
    this.maxKeys = maxKeys;
  }

  void stat(String key, StatValue contribution, long timestampMs) {
    stats.merge(key, contribution, StatValue::merge);
    latestMs = Math.max(latestMs, timestampMs);
  }

  void fact(String key, LatestValue contribution, long timestampMs) {
    facts.merge(key, contribution, LatestValue::merge);
    latestMs = Math.max(latestMs, timestampMs);
  }

  /** Whether the buffer reached its size limit (forward it from processing). */
  boolean full() {
    return stats.size() + facts.size() >= maxKeys;
  }

  boolean isEmpty() {
    return stats.isEmpty() && facts.isEmpty();
  }

  /** The latest timestamp of the buffered contributions (meaningful when not empty). */
  long latestMs() {
    return latestMs;
  }

  /** Hands every merged contribution to {@code out} (key, output) and empties the buffer. */
  void drain(BiConsumer<String, MiningOutput> out) {
    stats.forEach((k, v) -> out.accept(k, MiningOutput.of(v)));
    facts.forEach((k, v) -> out.accept(k, MiningOutput.of(v)));
    clear();
  }

  /** Drops what is buffered (the task's uncommitted work is discarded; its input will be read again). */
  void clear() {
    stats.clear();
    facts.clear();
    latestMs = Long.MIN_VALUE;
  }
}
