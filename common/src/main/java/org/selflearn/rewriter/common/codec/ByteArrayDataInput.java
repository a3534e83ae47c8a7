package org.selflearn.rewriter.common.codec;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInput} over a byte array: reads what {@link DataOutputStream} (or {@link ByteArrayDataOutput}) wrote,
 * without a stream or a lock. Reading past the end throws {@link EOFException}, as {@link DataInputStream} does; an
 * ASCII string becomes a {@link String} in one copy, anything else is decoded by {@link DataInputStream#readUTF}.
 * Not thread-safe.
 */
public final class ByteArrayDataInput implements DataInput {
  private final byte[] buf;
  private int pos;

  public ByteArrayDataInput(byte[] data) {
    this.buf = data;
  }

  private int take(int n) throws EOFException {
    if (n < 0 || pos + n > buf.length) {
      throw new EOFException("needs " + n + " bytes at " + pos + " of " + buf.length);
    }
    int at = pos;
    pos += n;
    return at;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    System.arraycopy(buf, take(len), b, off, len);
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, buf.length - pos));
    pos += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return buf[take(1)] != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return buf[take(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return buf[take(1)] & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    return (short) readUnsignedShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    int at = take(2);
    return (buf[at] & 0xFF) << 8 | buf[at + 1] & 0xFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readUnsignedShort();
  }

  @Override
  public int readInt() throws IOException {
    int at = take(4);
    return (buf[at] & 0xFF) << 24 | (buf[at + 1] & 0xFF) << 16 | (buf[at + 2] & 0xFF) << 8 | buf[at + 3] & 0xFF;
  }

  @Override
  public long readLong() throws IOException {
    return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Not supported: nothing stored is written line by line. */
  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine");
  }

  @Override
  public String readUTF() throws IOException {
    int n = readUnsignedShort();
    int at = take(n);
    for (int i = at; i < at + n; i++) {
      if (buf[i] <= 0) { // not ASCII (modified UTF-8 has no zero byte): the JDK's decoder, with its checks
        return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(buf, at - 2, n + 2)));
      }
    }
    return new String(buf, at, n, StandardCharsets.ISO_8859_1);
  }
}
