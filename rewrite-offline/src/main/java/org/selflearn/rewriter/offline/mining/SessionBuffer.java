package org.selflearn.rewriter.offline.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Session cutting by inactivity gap, as pure functions over a {@link PendingSession}, so that the file runner (which
 * keeps pending sessions in a map) and the streaming job (which keeps them in a RocksDB store) share it.
 *
 * <p>A turn joins the open session of its key when it starts within the gap of the session's last turn (or lies inside
 * the session: out-of-order arrival); a turn that starts later than the gap closes the open session first. A session
 * is also closed when stream time has passed its last turn by gap + grace ({@link #expired}).
 */
public final class SessionBuffer {
  private final long gapMs;
  private final long graceMs;

  public SessionBuffer(long gapMs, long graceMs) {
    this.gapMs = gapMs;
    this.graceMs = graceMs;
  }

  /** The key sessions are cut by: the customer and their session id when known, else their device. */
  public static String sessionKey(String customerId, String sessionId, String device) {
    return customerId + "\u0000" + (sessionId != null ? "s:" + sessionId : "d:" + device);
  }

  /**
   * Adds a turn.
   *
   * @param pending the open session of the key, or null
   * @param turn the new turn
   * @param closed receives a session that the turn closes
   * @return the new open session
   */
  public PendingSession add(PendingSession pending, Turn turn, Consumer<List<Turn>> closed) {
    if (pending == null) {
      return new PendingSession(List.of(turn));
    }
    if (turn.timestampMs() > pending.lastTimestamp() + gapMs) {
      closed.accept(pending.turns());
      return new PendingSession(List.of(turn));
    }
    if (turn.timestampMs() < pending.firstTimestamp() - gapMs) {
      closed.accept(List.of(turn)); // far too late for this session: a session of its own
      return pending;
    }
    List<Turn> turns = new ArrayList<>(pending.turns().size() + 1);
    turns.addAll(pending.turns());
    int at = turns.size();
    while (at > 0 && compare(turns.get(at - 1), turn) > 0) {
      at--;
    }
    turns.add(at, turn);
    return new PendingSession(turns);
  }

  /** Whether stream time has passed the session by gap + grace, so no more turn can join it. */
  public boolean expired(PendingSession pending, long streamTimeMs) {
    return closesAt(pending) <= streamTimeMs;
  }

  /** The first stream time at which the session is {@link #expired}. */
  public long closesAt(PendingSession pending) {
    return pending.lastTimestamp() + gapMs + graceMs + 1;
  }

  private static int compare(Turn a, Turn b) {
    int c = Long.compare(a.timestampMs(), b.timestampMs());
    return c != 0 ? c : a.eventId().compareTo(b.eventId());
  }
}
