package org.selflearn.rewriter.offline.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.selflearn.rewriter.common.codec.DecodeResult;
import org.selflearn.rewriter.common.codec.EventCodec;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.PendingSession;
import org.selflearn.rewriter.offline.mining.SessionBuffer;
import org.selflearn.rewriter.offline.mining.SessionMiner;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * Validates, de-duplicates and sessionizes events with the file runner's core, forwarding statistic contributions
 * (key = statistic key, value = {@code StatValue} bytes) and rejected events (key = {@link #DEAD_LETTER_PREFIX} +
 * record key, header {@value #REJECTION_HEADER} = the reason). Open sessions live in a changelogged store and are
 * closed by a later event of the same key, by stream time passing their gap + grace, or when the task has been idle
 * for {@code stream.idle-flush-seconds} of wall-clock time.
 */
final class MiningProcessor implements Processor<String, String, String, byte[]> {
  static final String DEAD_LETTER_PREFIX = "\u0000dlq:";
  static final String REJECTION_HEADER = "rejection";
  static final String SESSIONS_STORE = "pending-sessions";
  static final String SEEN_STORE = "seen-event-ids";

  private final MiningSettings settings;
  private final long dedupHorizonMs;
  private final long idleFlushMs;
  private final EventCodec codec = new EventCodec();
  private final SessionBuffer buffer;
  private final SessionMiner miner;
  private final StreamMetrics metrics;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> sessions;
  private KeyValueStore<String, Long> seen;
  private long streamTime = Long.MIN_VALUE;
  private long lastRecordWallClock;

  MiningProcessor(MiningSettings settings, long dedupHorizonMs, long idleFlushMs, StreamMetrics metrics) {
    this.settings = settings;
    this.dedupHorizonMs = dedupHorizonMs;
    this.idleFlushMs = idleFlushMs;
    this.buffer = new SessionBuffer(settings.sessionGapMs(), settings.graceMs());
    this.miner = new SessionMiner(settings);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.sessions = context.getStateStore(SESSIONS_STORE);
    this.seen = context.getStateStore(SEEN_STORE);
    this.lastRecordWallClock = System.currentTimeMillis();
    context.schedule(Duration.ofSeconds(10), PunctuationType.STREAM_TIME, this::expireByStreamTime);
    if (idleFlushMs > 0) {
      context.schedule(Duration.ofMillis(Math.max(500, idleFlushMs / 4)), PunctuationType.WALL_CLOCK_TIME,
          now -> {
            if (now - lastRecordWallClock >= idleFlushMs) {
              closeAll(s -> true);
            }
          });
    }
  }

  @Override
  public void process(Record<String, String> record) {
    lastRecordWallClock = System.currentTimeMillis();
    metrics.eventsIn.increment();
    String value = record.value();
    DecodeResult d = value == null ? null : codec.decode(value, 0);
    if (d == null || !d.isOk()) {
      String reason = d == null ? "field '$': empty record value" : d.rejection().describe().replaceFirst(
          "^line 0: ", "");
      RecordHeaders headers = new RecordHeaders(record.headers().toArray());
      headers.add(REJECTION_HEADER, reason.getBytes(StandardCharsets.UTF_8));
      context.forward(new Record<>(DEAD_LETTER_PREFIX + (record.key() == null ? "" : record.key()),
          value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8), record.timestamp(), headers));
      metrics.rejected.increment();
      return;
    }
    InteractionEvent e = d.event();
    long ts = e.timestamp().toEpochMilli();
    if (seen.get(e.eventId()) != null) {
      metrics.duplicates.increment();
      return;
    }
    seen.put(e.eventId(), ts);
    Turn turn = Turn.of(e, settings.interpretationState());
    streamTime = Math.max(streamTime, ts);
    String key = SessionBuffer.sessionKey(e.customerId(), e.sessionId(), turn.device());
    byte[] pending = sessions.get(key);
    List<List<Turn>> closed = new ArrayList<>(1);
    PendingSession next = buffer.add(pending == null ? null : PendingSession.fromBytes(pending), turn, closed::add);
    sessions.put(key, next.toBytes());
    closed.forEach(this::emit);
  }

  private void expireByStreamTime(long ignoredTimestamp) {
    if (streamTime != Long.MIN_VALUE) {
      closeAll(p -> buffer.expired(p, streamTime));
      List<String> old = new ArrayList<>();
      try (KeyValueIterator<String, Long> it = seen.all()) {
        while (it.hasNext()) {
          KeyValue<String, Long> kv = it.next();
          if (kv.value < streamTime - dedupHorizonMs) {
            old.add(kv.key);
          }
        }
      }
      old.forEach(seen::delete);
    }
  }

  private void closeAll(java.util.function.Predicate<PendingSession> which) {
    List<String> done = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = sessions.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        PendingSession p = PendingSession.fromBytes(kv.value);
        if (which.test(p)) {
          emit(p.turns());
          done.add(kv.key);
        }
      }
    }
    done.forEach(sessions::delete);
  }

  private void emit(List<Turn> turns) {
    MinedSession s = miner.mine(turns);
    metrics.sessions.increment();
    for (int[] c : s.chains()) {
      if (c[1] > c[0]) {
        metrics.chains.increment();
      }
    }
    long ts = turns.get(turns.size() - 1).timestampMs();
    SessionMiner.contributions(s, (k, v) -> context.forward(new Record<>(k, v.toBytes(), ts)));
  }
}
