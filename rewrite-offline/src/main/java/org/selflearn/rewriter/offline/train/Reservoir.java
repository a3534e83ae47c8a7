package org.selflearn.rewriter.offline.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Uniform reservoir sample of fixed capacity (Vitter's algorithm R), seeded. */
final class Reservoir<T> {
  private final int capacity;
  private final SplittableRandom rng;
  private final List<T> items = new ArrayList<>();
  private long seen;

  Reservoir(int capacity, SplittableRandom rng) {
    this.capacity = capacity;
    this.rng = rng;
  }

  void offer(T item) {
    seen++;
    if (items.size() < capacity) {
      items.add(item);
    } else {
      long j = rng.nextLong(seen);
      if (j < capacity) {
        items.set((int) j, item);
      }
    }
  }

  List<T> items() {
    return items;
  }
}
