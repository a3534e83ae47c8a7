package org.selflearn.rewriter.offline.train;

import java.io.IOException;
import org.selflearn.rewriter.common.codec.VersionedBinary;
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
    long h = Fnv1a.hash64(customerId);
    h = mix(h, deviceType);
    h = mix(h, timeMillis);
    h = mix(h, Fnv1a.hash64(previousDomain));
    h = mix(h, Fnv1a.hash64(source));
    return mix(h, target == null ? 1 : Fnv1a.hash64(target));
  }

  /** Folds a 64-bit value into a running hash (the SplitMix64 finaliser: every input bit moves every output bit). */
  private static long mix(long h, long v) {
    long z = h * 0x9E3779B97F4A7C15L + v;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Writes the fields (the part of {@link #toBytes()} after the version). */
  private void write(java.io.DataOutput out) throws IOException {
    out.writeUTF(customerId);
    out.writeByte(deviceType);
    out.writeLong(timeMillis);
    out.writeUTF(previousDomain);
    out.writeUTF(source);
    out.writeBoolean(target != null);
    out.writeUTF(target == null ? "" : target);
  }

  /** Reads what {@link #write} wrote. */
  private static TrainingExample read(java.io.DataInput in) throws IOException {
    String customer = in.readUTF();
    int device = in.readByte();
    long time = in.readLong();
    String previous = in.readUTF();
    String source = in.readUTF();
    boolean hasTarget = in.readBoolean();
    String target = in.readUTF();
    return new TrainingExample(customer, device, time, previous, source, hasTarget ? target : null);
  }

  public byte[] toBytes() {
    return VersionedBinary.write(FORMAT_VERSION, 64 + source.length() * 2, this::write);
  }

  public static TrainingExample fromBytes(byte[] data) {
    return VersionedBinary.read(data, FORMAT_VERSION, "TrainingExample", TrainingExample::read);
  }
}
