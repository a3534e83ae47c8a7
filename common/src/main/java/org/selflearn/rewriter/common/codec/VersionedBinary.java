package org.selflearn.rewriter.common.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The binary forms of stored records (state stores, topics, the personal memory): one version byte, then the fields in
 * {@link DataOutputStream} form. A form that does not start with the expected version, or ends early, is refused with
 * a message that names the record.
 */
public final class VersionedBinary {
  /** Writes the fields after the version byte. */
  public interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads the fields after the version byte. */
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private VersionedBinary() {}

  /** The version byte followed by what {@code fields} writes; {@code sizeHint} is the expected length in bytes. */
  public static byte[] write(byte version, int sizeHint, Writer fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(16, sizeHint));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(version);
      fields.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @param what the record's name, for the error message
   * @throws IllegalArgumentException on another version or a truncated form
   */
  public static <T> T read(byte[] data, byte version, String what, Reader<T> fields) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
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
