package org.selflearn.rewriter.offline.mining;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

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
 * A STATE statistic also carries two latest-seen facts about its request, so that they travel with the
 * contribution every turn sends anyway instead of as records of their own: {@code domain}, the NLU
 * {@code domain|intent} it last had when it succeeded, and {@code meaning}, the NLU interpretation it last had when it
 * succeeded as said (null when never seen).
 *
 * <p>Merging is associative and commutative, so partial aggregates in any order give the same totals. Immutable.
 */
public record StatValue(long count, long successes, long endFailures, CustomerSketch customers,
    CustomerSketch successCustomers, LatestValue domain, LatestValue meaning) {
  /** Binary encoding version of {@link #toBytes()}; version 1 (no facts) is still read. */
  public static final byte FORMAT_VERSION = 2;

  /** A statistic without facts. */
  public StatValue(long count, long successes, long endFailures, CustomerSketch customers,
      CustomerSketch successCustomers) {
    this(count, successes, endFailures, customers, successCustomers, null, null);
  }

  public StatValue merge(StatValue o) {
    return new StatValue(count + o.count, successes + o.successes, endFailures + o.endFailures,
        customers.merge(o.customers), successCustomers.merge(o.successCustomers), LatestValue.mergeNullable(domain, o.domain),
        LatestValue.mergeNullable(meaning, o.meaning));
  }

  public byte[] toBytes() {
    long[] c = customers.hashes();
    long[] sc = successCustomers.hashes();
    byte[] d = domain == null ? null : domain.value().getBytes(StandardCharsets.UTF_8);
    byte[] m = meaning == null ? null : meaning.value().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(1 + 3 * Long.BYTES + 2 + (c.length + sc.length) * Long.BYTES + 1
        + (d == null ? 0 : Long.BYTES + Integer.BYTES + d.length)
        + (m == null ? 0 : Long.BYTES + Integer.BYTES + m.length));
    out.put(FORMAT_VERSION).putLong(count).putLong(successes).putLong(endFailures);
    writeSketch(out, c);
    writeSketch(out, sc);
    out.put((byte) ((d == null ? 0 : 1) | (m == null ? 0 : 2)));
    if (d != null) {
      out.putLong(domain.timeMs()).putInt(d.length).put(d);
    }
    if (m != null) {
      out.putLong(meaning.timeMs()).putInt(m.length).put(m);
    }
    return out.array();
  }

  public static StatValue fromBytes(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      byte v = in.get();
      if (v != FORMAT_VERSION && v != 1) {
        throw new IllegalArgumentException("unknown StatValue format version " + v + ", expected 1 or "
            + FORMAT_VERSION);
      }
      long count = in.getLong();
      long successes = in.getLong();
      long endFailures = in.getLong();
      CustomerSketch customers = readSketch(in);
      CustomerSketch successCustomers = readSketch(in);
      if (v == 1) {
        return new StatValue(count, successes, endFailures, customers, successCustomers);
      }
      int flags = in.get();
      LatestValue domain = (flags & 1) != 0 ? readFact(in) : null;
      LatestValue meaning = (flags & 2) != 0 ? readFact(in) : null;
      return new StatValue(count, successes, endFailures, customers, successCustomers, domain, meaning);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated StatValue (" + data.length + " bytes)", e);
    }
  }

  private static LatestValue readFact(ByteBuffer in) {
    long time = in.getLong();
    int n = in.getInt();
    String value = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return new LatestValue(time, value);
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
