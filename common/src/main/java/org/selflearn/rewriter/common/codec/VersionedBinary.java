package org.selflearn.rewriter.common.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The binary forms of stored records (state stores, topics, the personal memory): one version byte, then the fields in
 * {@link DataOutputStream} form, written and read on byte arrays directly ({@link ByteArrayDataOutput},
 * {@link ByteArrayDataInput}). A form that does not start with the expected version, or ends early, is refused with
 * a message that names the record.
 */
public final class VersionedBinary {
  /** Writes the fields after the version byte. */
  public interface Writer {
    void write(DataOutput out) throws IOException;
  }

  /** Reads the fields after the version byte. */
  public interface Reader<T> {
    T read(DataInput in) throws IOException;
  }

  /** Each thread's buffer, reused from one record to the next (empty when not in use). */
  private static final ThreadLocal<ByteArrayDataOutput> SCRATCH =
      ThreadLocal.withInitial(() -> new ByteArrayDataOutput(4096));

  private VersionedBinary() {}

  /** The version byte followed by what {@code fields} writes; {@code sizeHint} is the expected length in bytes. */
  public static byte[] write(byte version, int sizeHint, Writer fields) {
    ByteArrayDataOutput scratch = SCRATCH.get();
    // a record written while another one is (fields that write a record of their own) gets a buffer of its own
    ByteArrayDataOutput out = scratch.size() == 0 ? scratch : new ByteArrayDataOutput(sizeHint);
    try {
      out.writeByte(version);
      fields.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail; a string beyond 64 KiB of UTF-8 does
    } finally {
      if (out == scratch) {
        scratch.reset();
      }
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @param what the record's name, for the error message
   * @throws IllegalArgumentException on another version or a truncated form
   */
  public static <T> T read(byte[] data, byte version, String what, Reader<T> fields) {
    ByteArrayDataInput in = new ByteArrayDataInput(data);
    try {
      byte v = in.readByte();
      if (v != version) {
        throw new IllegalArgumentException("unknown " + what + " format version " + v + ", expected " + version);
      }
      return fields.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated " + what + " (" + data.length + " bytes)", e);
    }
  }
}
