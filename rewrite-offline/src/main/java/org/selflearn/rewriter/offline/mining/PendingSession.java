package org.selflearn.rewriter.offline.mining;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The open session of one session key: its turns in time order. Serialisable ({@link #write}) for the streaming job's store.
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

  /** Writes the versioned binary form (for records that embed a session). */
  public void write(DataOutput out) throws IOException {
    out.writeByte(1);
    out.writeInt(turns.size());
    for (Turn t : turns) {
      t.write(out);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static PendingSession read(DataInput in) throws IOException {
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
  }
}
