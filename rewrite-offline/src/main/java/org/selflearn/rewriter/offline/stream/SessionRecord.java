package org.selflearn.rewriter.offline.stream;

import java.util.Arrays;
import org.selflearn.rewriter.common.codec.VersionedBinary;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.PendingSession;
import org.selflearn.rewriter.offline.mining.SessionBuffer;

/**
 * What the streaming job keeps per session key: the open session (if any) and the event ids it has seen under this
 * key within the de-duplication horizon, as 64-bit hashes with their event times. A redelivered event has the same
 * customer, session and device as the original, so it lands on the same key; keeping the ids here rather than in a
 * store of their own saves a read, a write and a changelog record per event. Immutable.
 *
 * @param open the open session, or null
 * @param seenIds hashes of the event ids seen, in arrival order
 * @param seenTimes event time of each seen id (ms)
 */
record SessionRecord(PendingSession open, long[] seenIds, long[] seenTimes) {
  private static final byte FORMAT_VERSION = 2;
  static final SessionRecord EMPTY = new SessionRecord(null, new long[0], new long[0]);

  /** The hash an event id is remembered by. */
  static long idHash(String eventId) {
    return CustomerSketch.hash(eventId);
  }

  boolean seen(long idHash) {
    for (long h : seenIds) {
      if (h == idHash) {
        return true;
      }
    }
    return false;
  }

  /** This record with another open session (or none) and one more seen id. */
  SessionRecord with(PendingSession next, long idHash, long eventTimeMs) {
    long[] ids = Arrays.copyOf(seenIds, seenIds.length + 1);
    long[] times = Arrays.copyOf(seenTimes, seenTimes.length + 1);
    ids[seenIds.length] = idHash;
    times[seenTimes.length] = eventTimeMs;
    return new SessionRecord(next, ids, times);
  }

  /** This record with another open session (or none). */
  SessionRecord withOpen(PendingSession next) {
    return new SessionRecord(next, seenIds, seenTimes);
  }

  /** This record without the ids whose event time is before {@code floorMs}; {@code this} when none is. */
  SessionRecord forgetBefore(long floorMs) {
    int keep = 0;
    for (long t : seenTimes) {
      keep += t >= floorMs ? 1 : 0;
    }
    if (keep == seenTimes.length) {
      return this;
    }
    long[] ids = new long[keep];
    long[] times = new long[keep];
    for (int i = 0, k = 0; i < seenTimes.length; i++) {
      if (seenTimes[i] >= floorMs) {
        ids[k] = seenIds[i];
        times[k++] = seenTimes[i];
      }
    }
    return new SessionRecord(open, ids, times);
  }

  /**
   * The first event time at which this record needs attention: its open session expires, or its oldest id leaves the
   * horizon. {@link Long#MAX_VALUE} for an empty record.
   */
  long dueAt(SessionBuffer buffer, long horizonMs) {
    long due = open == null ? Long.MAX_VALUE : buffer.closesAt(open);
    for (long t : seenTimes) {
      due = Math.min(due, t + horizonMs + 1);
    }
    return due;
  }

  /** Whether nothing is left to keep. */
  boolean isEmpty() {
    return open == null && seenIds.length == 0;
  }

  byte[] toBytes() {
    return VersionedBinary.write(FORMAT_VERSION, 256, out -> {
      out.writeBoolean(open != null);
      if (open != null) {
        open.write(out);
      }
      out.writeInt(seenIds.length);
      for (int i = 0; i < seenIds.length; i++) {
        out.writeLong(seenIds[i]);
        out.writeLong(seenTimes[i]);
      }
    });
  }

  static SessionRecord fromBytes(byte[] data) {
    return VersionedBinary.read(data, FORMAT_VERSION, "session record", in -> {
      PendingSession open = in.readBoolean() ? PendingSession.read(in) : null;
      int n = in.readInt();
      long[] ids = new long[n];
      long[] times = new long[n];
      for (int i = 0; i < n; i++) {
        ids[i] = in.readLong();
        times[i] = in.readLong();
      }
      return new SessionRecord(open, ids, times);
    });
  }
}
