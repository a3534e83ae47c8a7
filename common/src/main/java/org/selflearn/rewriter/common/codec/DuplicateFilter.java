package org.selflearn.rewriter.common.codec;

import org.selflearn.rewriter.common.text.Fnv1a;

/**
 * Remembers the most recent {@code horizon} event ids so that a redelivered event is counted once. Memory is bounded
 * by the horizon; a duplicate that arrives after more than {@code horizon} other events is not detected.
 *
 * <p>Ids are kept as 64-bit FNV-1a hashes ({@link Fnv1a}) in a ring (arrival order, for forgetting the oldest) and an open-addressing
 * set (for lookups): 24 bytes an id, nothing for the garbage collector. Two different ids share a hash with
 * probability about 2^-64 per pair, so across a full horizon of 2 million ids a genuine event is taken for a
 * duplicate with probability about 10^-7.
 */
public final class DuplicateFilter {
  /** Default horizon: 2 million ids (at most 80 MB). */
  public static final int DEFAULT_HORIZON = 2_000_000;

  private static final long EMPTY = 0;

  private final int horizon;
  private long[] ring;
  private long[] table;
  private int mask;
  private int size;
  private int next;

  public DuplicateFilter(int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    }
    this.horizon = horizon;
    this.ring = new long[Math.min(horizon, 1024)];
    this.table = new long[2048];
    this.mask = table.length - 1;
  }

  /** True the first time an id is seen within the horizon, false for a duplicate. */
  public boolean firstTime(String eventId) {
    long h = hash(eventId);
    int slot = slot(h);
    while (table[slot] != EMPTY) {
      if (table[slot] == h) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    if (size == horizon) {
      remove(ring[next]);
      size--;
    } else if (size == ring.length) { // still filling: grow (nothing has wrapped yet, next == size)
      ring = java.util.Arrays.copyOf(ring, (int) Math.min(horizon, 2L * ring.length));
    }
    if (2L * (size + 1) > table.length) {
      grow();
    }
    slot = slot(h);
    while (table[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    table[slot] = h;
    ring[next] = h;
    next = (next + 1) % horizon;
    size++;
    return true;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = table.length - 1;
    for (long h : old) {
      if (h != EMPTY) {
        int slot = slot(h);
        while (table[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        table[slot] = h;
      }
    }
  }

  /** Removes a hash from the linear-probing table, shifting later entries of its run back (no tombstones). */
  private void remove(long h) {
    int slot = slot(h);
    while (table[slot] != h) {
      slot = (slot + 1) & mask;
    }
    int hole = slot;
    int probe = (hole + 1) & mask;
    while (table[probe] != EMPTY) {
      int home = slot(table[probe]);
      // move the entry into the hole unless its home lies cyclically in (hole, probe]
      boolean homeBetween = hole <= probe ? (home > hole && home <= probe) : (home > hole || home <= probe);
      if (!homeBetween) {
        table[hole] = table[probe];
        hole = probe;
      }
      probe = (probe + 1) & mask;
    }
    table[hole] = EMPTY;
  }

  private int slot(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private static long hash(String s) {
    long h = Fnv1a.hash64(s);
    return h == EMPTY ? 1 : h;
  }

}
