package org.selflearn.rewriter.offline.mining;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * One aggregated statistic. Meaning of the fields by key kind ({@link StatKey}):
 * <ul>
 *   <li>STATE: count = turns, successes = successful turns, endFailures = chains that ended in FAILURE here,
 *       customers = all customers, successCustomers = customers with a success here;
 *   <li>TRANSITION: count = adjacent rephrase transitions, customers;
 *   <li>PAIR: count = chains with the ordered pair, successes = of those, chains that ended in SUCCESS at the target,
 *       customers, successCustomers = customers of the chains that ended in SUCCESS at the target;
 *   <li>REPHRASED: count = chains in which the source was followed by another turn, successes = of those, chains that
 *       ended in SUCCESS at another state, customers, successCustomers = customers of those successful chains.
 * </ul>
 * Merging is associative and commutative, so partial aggregates in any order give the same totals. Immutable.
 */
public record StatValue(long count, long successes, long endFailures, CustomerSketch customers,
    CustomerSketch successCustomers) {
  /** Binary encoding version of {@link #toBytes()}. */
  public static final byte FORMAT_VERSION = 1;

  public StatValue merge(StatValue o) {
    return new StatValue(count + o.count, successes + o.successes, endFailures + o.endFailures,
        customers.merge(o.customers), successCustomers.merge(o.successCustomers));
  }

  public byte[] toBytes() {
    long[] c = customers.hashes();
    long[] sc = successCustomers.hashes();
    ByteBuffer out = ByteBuffer.allocate(1 + 3 * Long.BYTES + 2 + (c.length + sc.length) * Long.BYTES);
    out.put(FORMAT_VERSION).putLong(count).putLong(successes).putLong(endFailures);
    writeSketch(out, c);
    writeSketch(out, sc);
    return out.array();
  }

  public static StatValue fromBytes(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      byte v = in.get();
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown StatValue format version " + v + ", expected " + FORMAT_VERSION);
      }
      return new StatValue(in.getLong(), in.getLong(), in.getLong(), readSketch(in), readSketch(in));
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated StatValue (" + data.length + " bytes)", e);
    }
  }

  private static void writeSketch(ByteBuffer out, long[] hashes) {
    out.put((byte) hashes.length);
    for (long h : hashes) {
      out.putLong(h);
    }
  }

  private static CustomerSketch readSketch(ByteBuffer in) {
    int n = in.get() & 0xff;
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = in.getLong();
    }
    return CustomerSketch.ofHashes(h);
  }
}
