package org.selflearn.rewriter.offline.mining;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + value.length());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeLong(timeMs);
      out.writeUTF(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static LatestValue fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte v = in.readByte();
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown LatestValue format version " + v + ", expected "
            + FORMAT_VERSION);
      }
      return new LatestValue(in.readLong(), in.readUTF());
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated LatestValue (" + data.length + " bytes)", e);
    }
  }
}
