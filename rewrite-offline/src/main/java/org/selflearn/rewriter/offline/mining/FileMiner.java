package org.selflearn.rewriter.offline.mining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.codec.DecodeResult;
import org.selflearn.rewriter.common.codec.Rejection;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.codec.EventFileReader;

/**
 * Mines a log file with the same core as the streaming job: events → turns → sessions (pending sessions in a map,
 * expired by stream time) → labelled sessions → aggregated statistics. Listeners see every mined session (used for
 * personal memories, ranker examples and rephrase metrics). With differential privacy on
 * ({@link MiningSettings#privacy()}), the log is one publish window and the statistics are each customer's bounded
 * {@link RequestVotes} instead: nothing unbounded is aggregated.
 */
public final class FileMiner {
  private static final int EXPIRY_CHECK_EVERY = 50_000;
  private static final int BATCH = 2_000;

  private final MiningSettings settings;
  private final SessionBuffer buffer;
  private final SessionMiner miner;
  private final List<Consumer<MinedSession>> listeners = new ArrayList<>();
  private final Map<String, StatValue> stats = new HashMap<>();
  private final Map<String, PendingSession> pending = new HashMap<>();
  /** Arrival number of the latest turn of each open session: a session still receiving turns is never expired. */
  private final Map<String, Long> lastArrival = new HashMap<>();
  private final MiningSummary summary = new MiningSummary();
  /** The bounded window when differential privacy is on, else null. */
  private final RequestVotes votes;
  private long streamTime = Long.MIN_VALUE;

  public FileMiner(MiningSettings settings) {
    this.settings = settings;
    this.buffer = new SessionBuffer(settings.sessionGapMs(), settings.graceMs());
    this.miner = new SessionMiner(settings);
    this.votes = settings.privacy().enabled()
        ? new RequestVotes(settings.privacy().bounder(RequestVotes.BOUNDING_KEY)) : null;
  }

  /** Adds a listener of mined sessions. */
  public FileMiner onSession(Consumer<MinedSession> listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Mines one file; rejected lines go to {@code rejections} and are counted. Reading and JSON decoding run on a
   * second thread, handing batches of decoded lines over a bounded queue, so decoding and mining overlap.
   */
  public void mine(Path logs, Consumer<Rejection> rejections) {
    java.util.concurrent.BlockingQueue<List<Decoded>> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
    List<Decoded> end = List.of();
    RuntimeException[] failure = new RuntimeException[1];
    Thread reader = new Thread(() -> {
      try (EventFileReader r = EventFileReader.open(logs)) {
        List<Decoded> batch = new ArrayList<>(BATCH);
        DecodeResult d;
        while ((d = r.next()) != null) {
          batch.add(new Decoded(d, d.isOk() ? Turn.of(d.event(), settings.interpretationState()) : null));
          if (batch.size() == BATCH) {
            queue.put(batch);
            batch = new ArrayList<>(BATCH);
          }
        }
        queue.put(batch);
      } catch (RuntimeException e) {
        failure[0] = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          queue.put(end);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "log-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      for (List<Decoded> batch = queue.take(); batch != end; batch = queue.take()) {
        for (Decoded d : batch) {
          if (d.result().isOk()) {
            summary.events++;
            accept(d.result().event(), d.turn());
          } else {
            summary.reject(d.result().rejection());
            rejections.accept(d.result().rejection());
          }
        }
      }
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while mining " + logs, e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private record Decoded(DecodeResult result, Turn turn) {}

  /** Mines valid events already in memory, in the order given, as {@link #mine(Path, Consumer)} mines a file's. */
  public void mine(Iterable<InteractionEvent> events) {
    for (InteractionEvent e : events) {
      summary.events++;
      accept(e);
    }
  }

  /** Accepts one valid event (events must be unique). */
  public void accept(InteractionEvent e) {
    accept(e, Turn.of(e, settings.interpretationState()));
  }

  private void accept(InteractionEvent e, Turn turn) {
    streamTime = Math.max(streamTime, turn.timestampMs());
    String key = SessionBuffer.sessionKey(e.customerId(), e.sessionId(), turn.device());
    pending.put(key, buffer.add(pending.get(key), turn, this::close));
    lastArrival.put(key, ++summary.turnsSeen);
    if (summary.turnsSeen % EXPIRY_CHECK_EVERY == 0) {
      expire(false);
    }
  }

  /** Closes every open session and returns the aggregated statistics (the bounded votes with privacy on). */
  public Map<String, StatValue> finish() {
    expire(true);
    if (votes != null) {
      stats.putAll(votes.finish());
      summary.bounding(votes.report());
    }
    summary.finish(stats);
    return stats;
  }

  public MiningSummary summary() {
    return summary;
  }

  private void expire(boolean all) {
    Iterator<Map.Entry<String, PendingSession>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, PendingSession> e = it.next();
      // in a file ordered by customer rather than by time, stream time runs ahead of the customer being read:
      // a session that received a turn within the last check interval is kept open
      boolean idle = summary.turnsSeen - lastArrival.get(e.getKey()) >= EXPIRY_CHECK_EVERY;
      if (all || (idle && buffer.expired(e.getValue(), streamTime))) {
        close(e.getValue().turns());
        lastArrival.remove(e.getKey());
        it.remove();
      }
    }
  }

  private void close(List<Turn> turns) {
    MinedSession s = miner.mine(turns);
    summary.session(s);
    if (votes != null) {
      votes.accept(s);
    } else {
      SessionMiner.contributions(s, (k, v) -> stats.merge(k, v, StatValue::merge));
    }
    for (Consumer<MinedSession> l : listeners) {
      l.accept(s);
    }
  }
}
