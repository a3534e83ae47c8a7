package org.selflearn.rewriter.offline.mining;

import org.selflearn.rewriter.common.codec.VersionedBinary;


/**
 * A value with the event time it was seen at; merging keeps the later one (on a tie, the larger value), so partial
 * results merged in any order — file order, partition order — give the same answer. Immutable.
 *
 * @param timeMs event time of the observation
 * @param value what was observed
 */
public record LatestValue(long timeMs, String value) {
  private static final byte FORMAT_VERSION = 1;

  /** The merge of two that may be null (null when both are). */
  public static LatestValue mergeNullable(LatestValue a, LatestValue b) {
    return a == null ? b : b == null ? a : a.merge(b);
  }

  public LatestValue merge(LatestValue o) {
    if (o.timeMs != timeMs) {
      return o.timeMs > timeMs ? o : this;
    }
    return o.value.compareTo(value) > 0 ? o : this;
  }

  public byte[] toBytes() {
    return VersionedBinary.write(FORMAT_VERSION, 16 + value.length(), out -> {
      out.writeLong(timeMs);
      out.writeUTF(value);
    });
  }

  public static LatestValue fromBytes(byte[] data) {
    return VersionedBinary.read(data, FORMAT_VERSION, "LatestValue", in -> new LatestValue(in.readLong(),
        in.readUTF()));
  }
}
