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
 * (key = statistic key) and rejected events (key = the record's key, header {@value #REJECTION_HEADER} = the reason).
 * Open sessions live in a changelogged store, one {@link SessionRecord} per session key together with the event ids
 * seen under that key; a session is closed by a later event of the same key, by event time passing its gap + grace,
 * or when the task has been idle for {@code stream.idle-flush-seconds} of wall-clock time.
 *
 * <p>Event time here is the largest event timestamp the task has read, not the Kafka record timestamp, so a topic
 * filled from old logs is mined exactly like live traffic.
 */
final class MiningProcessor implements Processor<String, String, String, MiningOutput> {
  static final String REJECTION_HEADER = "rejection";
  static final String SESSIONS_STORE = "pending-sessions";
  /** How often (wall clock) at most sessions and remembered ids are checked for expiry. */
  private static final long EXPIRY_CHECK_MS = 10_000;

  private final MiningSettings settings;
  private final long dedupHorizonMs;
  private final long idleFlushMs;
  private final EventCodec codec = new EventCodec();
  private final SessionBuffer buffer;
  private final SessionMiner miner;
  private final StreamMetrics metrics;
  private ProcessorContext<String, MiningOutput> context;
  private KeyValueStore<String, byte[]> sessions;
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
  public void init(ProcessorContext<String, MiningOutput> context) {
    this.context = context;
    this.sessions = context.getStateStore(SESSIONS_STORE);
    this.lastRecordWallClock = System.currentTimeMillis();
    long every = idleFlushMs > 0 ? Math.max(500, Math.min(EXPIRY_CHECK_MS, idleFlushMs / 4)) : EXPIRY_CHECK_MS;
    context.schedule(Duration.ofMillis(every), PunctuationType.WALL_CLOCK_TIME, now -> {
      boolean idle = idleFlushMs > 0 && now - lastRecordWallClock >= idleFlushMs;
      if (idle || streamTime != Long.MIN_VALUE) {
        expire(idle);
      }
    });
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
      context.forward(new Record<>(record.key(), MiningOutput.deadLetter(
          value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8)), record.timestamp(), headers));
      metrics.rejected.increment();
      return;
    }
    InteractionEvent e = d.event();
    Turn turn = Turn.of(e, settings.interpretationState());
    String key = SessionBuffer.sessionKey(e.customerId(), e.sessionId(), turn.device());
    byte[] stored = sessions.get(key);
    SessionRecord current = stored == null ? SessionRecord.EMPTY : SessionRecord.fromBytes(stored);
    long id = SessionRecord.idHash(e.eventId());
    if (current.seen(id)) {
      metrics.duplicates.increment();
      return;
    }
    streamTime = Math.max(streamTime, turn.timestampMs());
    List<List<Turn>> closed = new ArrayList<>(1);
    PendingSession next = buffer.add(current.open(), turn, closed::add);
    sessions.put(key, current.forgetBefore(streamTime - dedupHorizonMs).with(next, id, turn.timestampMs())
        .toBytes());
    closed.forEach(this::emit);
  }

  /**
   * Closes the sessions that event time has passed (all open sessions when {@code all}) and forgets the ids that
   * left the de-duplication horizon; a key with nothing left is deleted. Event time is unknown after a restart until
   * the first event: then only an idle flush closes sessions, and no id is forgotten.
   */
  private void expire(boolean all) {
    boolean timeKnown = streamTime != Long.MIN_VALUE;
    List<KeyValue<String, SessionRecord>> changed = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = sessions.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        SessionRecord r = SessionRecord.fromBytes(kv.value);
        SessionRecord next = timeKnown ? r.forgetBefore(streamTime - dedupHorizonMs) : r;
        if (r.open() != null && (all || (timeKnown && buffer.expired(r.open(), streamTime)))) {
          emit(r.open().turns());
          next = next.withOpen(null);
        }
        if (next != r) {
          changed.add(KeyValue.pair(kv.key, next));
        }
      }
    }
    for (KeyValue<String, SessionRecord> kv : changed) {
      if (kv.value.isEmpty()) {
        sessions.delete(kv.key);
      } else {
        sessions.put(kv.key, kv.value.toBytes());
      }
    }
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
    SessionMiner.contributions(s, (k, v) -> context.forward(new Record<>(k, MiningOutput.of(v), ts)));
  }
}
