package org.selflearn.rewriter.online.table;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary encoding of table values: version byte (1), then confidence, sourceSuccess, targetSuccess as doubles,
 * support and customers as longs, then the UTF-8 target. Older versions must stay readable (golden-file test).
 */
public final class TableEntryCodec {
  public static final byte VERSION = 1;

  private TableEntryCodec() {}

  public static byte[] encode(TableEntry e) {
    byte[] target = e.target().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 3 * 8 + 2 * 8 + target.length);
    b.put(VERSION).putDouble(e.confidence()).putDouble(e.sourceSuccess()).putDouble(e.targetSuccess())
        .putLong(e.support()).putLong(e.customers()).put(target);
    return b.array();
  }

  /** Decodes a value; an unknown version is an error naming it. */
  public static TableEntry decode(byte[] value) {
    if (value.length < 41) {
      throw new IllegalArgumentException("table value too short: " + value.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(value);
    byte v = b.get();
    if (v != VERSION) {
      throw new IllegalArgumentException("unknown table value format version " + v + ", this reader knows " + VERSION);
    }
    double confidence = b.getDouble();
    double sourceSuccess = b.getDouble();
    double targetSuccess = b.getDouble();
    long support = b.getLong();
    long customers = b.getLong();
    String target = new String(value, b.position(), b.remaining(), StandardCharsets.UTF_8);
    return new TableEntry(target, confidence, support, customers, sourceSuccess, targetSuccess);
  }
}
