package org.selflearn.rewriter.offline.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A bounded sample of ranker examples of one kind: the {@code capacity} examples with the smallest
 * {@link TrainingExample#sampleKey()}. Unlike a reservoir, the result does not depend on arrival order, and the sample
 * of a union is the sample of the samples of its parts: the streaming job keeps one per task and the publisher
 * merges them, to exactly what file mode keeps. Not thread-safe.
 */
public final class ExampleSample {
  /** What {@link #offer} changed. */
  public record Offer(boolean kept, long key, TrainingExample evicted) {}

  private final int capacity;
  private final TreeMap<Long, TrainingExample> kept = new TreeMap<>(Long::compareUnsigned);
  /** The largest key kept (meaningful when not empty). */
  private long largest;

  public ExampleSample(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Offers an example; when it is kept and the sample was full, the example with the largest key leaves. */
  public Offer offer(TrainingExample e) {
    long key = e.sampleKey();
    boolean full = kept.size() >= capacity;
    if (full && Long.compareUnsigned(key, largest) >= 0 || kept.containsKey(key)) {
      return new Offer(false, key, null); // the common case once full: one comparison, no search
    }
    TrainingExample out = full ? kept.remove(largest) : null;
    kept.put(key, e);
    largest = kept.lastKey();
    return new Offer(true, key, out);
  }

  /** Removes the examples of a customer (erasure); returns their keys. */
  public List<Long> removeCustomer(String customerId) {
    List<Long> removed = new ArrayList<>();
    kept.entrySet().removeIf(x -> {
      boolean match = x.getValue().customerId().equals(customerId);
      if (match) {
        removed.add(x.getKey());
      }
      return match;
    });
    if (!kept.isEmpty()) {
      largest = kept.lastKey();
    }
    return removed;
  }

  /** Empties the sample. */
  public void clear() {
    kept.clear();
  }

  /** Offers every example of {@code all}. */
  public ExampleSample addAll(Collection<TrainingExample> all) {
    all.forEach(this::offer);
    return this;
  }

  /** The sampled examples in key order (the order the ranker trains in). */
  public List<TrainingExample> items() {
    return new ArrayList<>(kept.values());
  }

  public int size() {
    return kept.size();
  }
}
