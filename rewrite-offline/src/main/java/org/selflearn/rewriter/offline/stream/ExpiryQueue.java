package org.selflearn.rewriter.offline.stream;

import java.util.PriorityQueue;

/**
 * The session keys of one task ordered by the event time at which each needs attention, so that expiry reads only
 * the records that are due instead of scanning the store. Entries are hints: a key's record may have changed since
 * its entry was added, so the caller re-reads the record, acts only on what is really due, and adds the key again
 * with its new time. Not persisted: {@link MiningProcessor} rebuilds it from the store when its task starts.
 */
final class ExpiryQueue {
  private record Entry(long dueAt, String key) {}

  private final PriorityQueue<Entry> queue = new PriorityQueue<>(
      (a, b) -> Long.compare(a.dueAt(), b.dueAt()));

  /** Adds a key (nothing when it is never due). */
  void add(String key, long dueAt) {
    if (dueAt != Long.MAX_VALUE) {
      queue.add(new Entry(dueAt, key));
    }
  }

  /** Removes and returns a key due at or before {@code eventTimeMs}, or null when none is. */
  String pollDue(long eventTimeMs) {
    Entry head = queue.peek();
    if (head == null || head.dueAt() > eventTimeMs) {
      return null;
    }
    return queue.poll().key();
  }

  int size() {
    return queue.size();
  }
}
