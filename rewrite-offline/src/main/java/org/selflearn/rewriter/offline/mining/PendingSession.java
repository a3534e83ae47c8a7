package org.selflearn.rewriter.offline.mining;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The open session of one session key: its turns in time order. Serialisable for the streaming job's store.
 *
 * @param turns turns sorted by time
 */
public record PendingSession(List<Turn> turns) {
  public PendingSession {
    turns = List.copyOf(turns);
  }

  public long lastTimestamp() {
    return turns.get(turns.size() - 1).timestampMs();
  }

  public long firstTimestamp() {
    return turns.get(0).timestampMs();
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeInt(turns.size());
      for (Turn t : turns) {
        t.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static PendingSession fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte v = in.readByte();
      if (v != 1) {
        throw new IllegalArgumentException("unknown PendingSession format version " + v);
      }
      int n = in.readInt();
      List<Turn> turns = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        turns.add(Turn.read(in));
      }
      return new PendingSession(turns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
