package org.selflearn.rewriter.common.codec;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A {@link DataOutput} into a growing byte array: the bytes {@link DataOutputStream} writes, without a stream, a lock
 * or a copy per field (the hot path of the streaming job's stored records). Strings are written in modified UTF-8
 * with an unsigned 16-bit length, as {@link DataOutputStream#writeUTF} does, ASCII a byte per character.
 * Not thread-safe.
 */
public final class ByteArrayDataOutput implements DataOutput {
  private byte[] buf;
  private int pos;

  /** An empty output that can take {@code sizeHint} bytes before it grows. */
  public ByteArrayDataOutput(int sizeHint) {
    this.buf = new byte[Math.max(16, sizeHint)];
  }

  /** Bytes written so far. */
  public int size() {
    return pos;
  }

  /** Forgets what was written, keeping the buffer (unless it grew beyond 1 MiB: then a small one). */
  public void reset() {
    pos = 0;
    if (buf.length > 1 << 20) {
      buf = new byte[4096];
    }
  }

  /** The bytes written so far (a copy of exactly that length). */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int n = s.length();
    int utf = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == 0) {
        utf += c >= 0x800 ? 2 : 1;
      }
    }
    if (utf > 0xFFFF) {
      throw new UTFDataFormatException("encoded string too long: " + utf + " bytes");
    }
    ensure(2 + utf);
    buf[pos++] = (byte) (utf >>> 8);
    buf[pos++] = (byte) utf;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80 && c != 0) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buf[pos++] = (byte) (0xE0 | (c >> 12));
        buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }
}
