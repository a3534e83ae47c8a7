package org.selflearn.rewriter.offline.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.selflearn.rewriter.common.text.Fnv1a;

/**
 * One self-supervised example for the ranker.
 *
 * @param customerId the customer (personal features); never logged
 * @param deviceType ordinal of the device type
 * @param timeMillis time of the source turn
 * @param previousDomain NLU domain of the turn before, or empty
 * @param source normalised request as heard
 * @param target the successful rephrase that followed, or null when the source itself succeeded
 */
public record TrainingExample(String customerId, int deviceType, long timeMillis, String previousDomain,
    String source, String target) {
  private static final byte FORMAT_VERSION = 1;

  /** Whether the example is a rephrase that ended in success (else: a request that succeeded as said). */
  public boolean positive() {
    return target != null;
  }

  /**
   * A 64-bit hash of everything the example holds: the sampling key, the same whichever order examples arrive in.
   */
  public long sampleKey() {
    return Fnv1a.hash64(customerId + "\u0000" + deviceType + "\u0000" + timeMillis + "\u0000" + previousDomain
        + "\u0000" + source + "\u0000" + (target == null ? "\u0001" : target));
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + source.length() * 2);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      out.writeUTF(customerId);
      out.writeByte(deviceType);
      out.writeLong(timeMillis);
      out.writeUTF(previousDomain);
      out.writeUTF(source);
      out.writeBoolean(target != null);
      out.writeUTF(target == null ? "" : target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static TrainingExample fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte v = in.readByte();
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown TrainingExample format version " + v + ", expected "
            + FORMAT_VERSION);
      }
      String customer = in.readUTF();
      int device = in.readByte();
      long time = in.readLong();
      String previous = in.readUTF();
      String source = in.readUTF();
      boolean hasTarget = in.readBoolean();
      String target = in.readUTF();
      return new TrainingExample(customer, device, time, previous, source, hasTarget ? target : null);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated TrainingExample (" + data.length + " bytes)", e);
    }
  }
}
