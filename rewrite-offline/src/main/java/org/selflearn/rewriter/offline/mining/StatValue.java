package org.selflearn.rewriter.offline.mining;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One aggregated statistic. Meaning of the fields by key kind ({@link StatKey}):
 * <ul>
 *   <li>STATE: count = turns, successes = successful turns, endFailures = chains that ended in FAILURE here,
 *       customers = all customers, successCustomers = customers with a success here;
 *   <li>TRANSITION: count = adjacent rephrase transitions, customers;
 *   <li>PAIR: count = chains with the ordered pair, successes = of those, chains that ended in SUCCESS at the target,
 *       customers.
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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeLong(count);
      out.writeLong(successes);
      out.writeLong(endFailures);
      writeSketch(out, customers);
      writeSketch(out, successCustomers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static StatValue fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte v = in.readByte();
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown StatValue format version " + v + ", expected " + FORMAT_VERSION);
      }
      return new StatValue(in.readLong(), in.readLong(), in.readLong(), readSketch(in), readSketch(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSketch(DataOutputStream out, CustomerSketch s) throws IOException {
    out.writeByte(s.count());
    for (long h : s.hashes()) {
      out.writeLong(h);
    }
  }

  private static CustomerSketch readSketch(DataInputStream in) throws IOException {
    int n = in.readUnsignedByte();
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = in.readLong();
    }
    return CustomerSketch.ofHashes(h);
  }
}
