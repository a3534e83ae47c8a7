package org.selflearn.rewriter.offline.mining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.codec.Rejection;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.codec.EventFileReader;

/**
 * Mines a log file with the same core as the streaming job: events → turns → sessions (pending sessions in a map,
 * expired by stream time) → labelled sessions → aggregated statistics. Listeners see every mined session (used for
 * personal memories, ranker examples and rephrase metrics).
 */
public final class FileMiner {
  private static final int EXPIRY_CHECK_EVERY = 50_000;

  private final MiningSettings settings;
  private final SessionBuffer buffer;
  private final SessionMiner miner;
  private final List<Consumer<MinedSession>> listeners = new ArrayList<>();
  private final Map<String, StatValue> stats = new HashMap<>();
  private final Map<String, PendingSession> pending = new HashMap<>();
  private final MiningSummary summary = new MiningSummary();
  private long streamTime = Long.MIN_VALUE;

  public FileMiner(MiningSettings settings) {
    this.settings = settings;
    this.buffer = new SessionBuffer(settings.sessionGapMs(), settings.graceMs());
    this.miner = new SessionMiner(settings);
  }

  /** Adds a listener of mined sessions. */
  public FileMiner onSession(Consumer<MinedSession> listener) {
    listeners.add(listener);
    return this;
  }

  /** Mines one file; rejected lines go to {@code rejections} and are counted. */
  public void mine(Path logs, Consumer<Rejection> rejections) {
    EventFileReader.ReadCounts counts = EventFileReader.forEach(logs, this::accept, r -> {
      summary.reject(r);
      rejections.accept(r);
    });
    summary.events += counts.events();
  }

  /** Accepts one valid event (events must be unique). */
  public void accept(InteractionEvent e) {
    Turn turn = Turn.of(e, settings.interpretationState());
    streamTime = Math.max(streamTime, turn.timestampMs());
    String key = SessionBuffer.sessionKey(e.customerId(), e.sessionId(), turn.device());
    pending.put(key, buffer.add(pending.get(key), turn, this::close));
    if (++summary.turnsSeen % EXPIRY_CHECK_EVERY == 0) {
      expire(false);
    }
  }

  /** Closes every open session and returns the aggregated statistics. */
  public Map<String, StatValue> finish() {
    expire(true);
    summary.finish(stats);
    return stats;
  }

  public MiningSummary summary() {
    return summary;
  }

  private void expire(boolean all) {
    Iterator<PendingSession> it = pending.values().iterator();
    while (it.hasNext()) {
      PendingSession p = it.next();
      if (all || buffer.expired(p, streamTime)) {
        close(p.turns());
        it.remove();
      }
    }
  }

  private void close(List<Turn> turns) {
    MinedSession s = miner.mine(turns);
    summary.session(s);
    SessionMiner.contributions(s, (k, v) -> stats.merge(k, v, StatValue::merge));
    for (Consumer<MinedSession> l : listeners) {
      l.accept(s);
    }
  }
}
