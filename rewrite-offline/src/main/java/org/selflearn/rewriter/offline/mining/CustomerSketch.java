package org.selflearn.rewriter.offline.mining;

import java.util.Arrays;
import org.selflearn.rewriter.common.text.Fnv1a;

/**
 * Distinct customers behind a statistic: a sorted set of 64-bit customer hashes, capped at {@link #CAP}. Exact up to
 * the cap, then saturates ("at least 64"); the gates need far fewer (default 5), so the cap never changes a decision
 * while keeping every statistic small. Hash collisions (FNV-1a 64) are negligible at these sizes. Immutable.
 */
public final class CustomerSketch {
  /** Largest count kept exactly. */
  public static final int CAP = 64;
  public static final CustomerSketch EMPTY = new CustomerSketch(new long[0]);

  private final long[] hashes;

  private CustomerSketch(long[] hashes) {
    this.hashes = hashes;
  }

  /** The sketch of one customer. */
  public static CustomerSketch of(String customerId) {
    return new CustomerSketch(new long[] {hash(customerId)});
  }

  /**
   * A sketch that stands for {@code n} customers whose ids are not known — a released (noisy) count of a private
   * model: its {@link #count()} is n, saturating at {@link #CAP}. Its entries are the numbers 1..n, not hashes, so two
   * such sketches must never be merged (a private release is final: nothing merges into it).
   */
  public static CustomerSketch anonymous(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a count of customers cannot be negative, got " + n);
    }
    long[] h = new long[(int) Math.min(CAP, n)];
    for (int i = 0; i < h.length; i++) {
      h[i] = i + 1;
    }
    return ofHashes(h);
  }

  static CustomerSketch ofHashes(long[] sorted) {
    return sorted.length == 0 ? EMPTY : new CustomerSketch(sorted);
  }

  /** FNV-1a 64 of the UTF-8 bytes ({@link Fnv1a}). */
  public static long hash(String s) {
    return Fnv1a.hash64(s);
  }

  /** Distinct customers, saturating at {@link #CAP}. */
  public int count() {
    return hashes.length;
  }

  long[] hashes() {
    return hashes;
  }

  /** Union, capped (keeps the smallest hashes, so merging is associative and commutative). */
  public CustomerSketch merge(CustomerSketch other) {
    if (other.hashes.length == 0) {
      return this;
    }
    if (hashes.length == 0) {
      return other;
    }
    if (other.hashes.length == 1 || hashes.length == 1) {
      return hashes.length == 1 ? other.with(hashes[0]) : with(other.hashes[0]);
    }
    long[] out = new long[Math.min(CAP, hashes.length + other.hashes.length)];
    int i = 0;
    int j = 0;
    int k = 0;
    while (k < out.length && (i < hashes.length || j < other.hashes.length)) {
      long next;
      if (j >= other.hashes.length || (i < hashes.length && hashes[i] < other.hashes[j])) {
        next = hashes[i++];
      } else if (i >= hashes.length || other.hashes[j] < hashes[i]) {
        next = other.hashes[j++];
      } else {
        next = hashes[i++];
        j++;
      }
      out[k++] = next;
    }
    return new CustomerSketch(k == out.length ? out : Arrays.copyOf(out, k));
  }

  /** This set plus one hash: the common merge (one more customer), without copying when nothing changes. */
  private CustomerSketch with(long h) {
    int at = Arrays.binarySearch(hashes, h);
    if (at >= 0 || (hashes.length == CAP && -at - 1 == CAP)) {
      return this;
    }
    int insert = -at - 1;
    long[] out = new long[Math.min(CAP, hashes.length + 1)];
    System.arraycopy(hashes, 0, out, 0, insert);
    out[insert] = h;
    System.arraycopy(hashes, insert, out, insert + 1, out.length - insert - 1);
    return new CustomerSketch(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerSketch c && Arrays.equals(hashes, c.hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes);
  }
}
