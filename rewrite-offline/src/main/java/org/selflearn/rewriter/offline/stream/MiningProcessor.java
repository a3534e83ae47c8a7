package org.selflearn.rewriter.offline.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * (key = statistic key) and fact contributions, combined per key between two commits ({@link ContributionBuffer}), and
 * rejected events (key = the record's key, header {@value #REJECTION_HEADER} = the reason); a {@link ModelState}
 * ({@link ModelStateKeeper} in the job) keeps the customers' memories and the task's sample of ranker examples. With
 * differential privacy on, the statistic contributions are the changes of each customer's bounded votes instead
 * ({@link VoteKeeper}, store {@value VoteKeeper#STORE}), as file mode mines votes instead of statistics. A record from
 * the erasure topic (key = customer id) erases what the task holds of that customer.
 * Open sessions live in a changelogged store, one {@link SessionRecord} per session key together with the event ids
 * seen under that key (kept decoded and written once per commit by a {@link SessionCache}); a session is closed by a later event of the same key, by event time passing its gap + grace,
 * or when the task has been idle for {@code stream.idle-flush-seconds} of wall-clock time.
 *
 * <p>Event time here is the largest event timestamp the task has read, not the Kafka record timestamp, so a topic
 * filled from old logs is mined exactly like live traffic.
 */
final class MiningProcessor implements Processor<String, byte[], String, MiningOutput> {
  static final String REJECTION_HEADER = "rejection";
  static final String SESSIONS_STORE = "pending-sessions";
  /** How often (wall clock) at most sessions and remembered ids are checked for expiry. */
  private static final long EXPIRY_CHECK_MS = 1_000; // a closed session reaches the memories within ~1 s + commit
  /** Keys of combined contributions held at most between two commits (then forwarded while processing). */
  private static final int MAX_BUFFERED_KEYS = 100_000;
  /** Session records kept decoded per task (least recently used beyond: written out if changed, then dropped). */
  private static final int CACHED_SESSION_RECORDS = 20_000;

  private final MiningSettings settings;
  private final long dedupHorizonMs;
  private final long idleFlushMs;
  private final EventCodec codec = new EventCodec();
  private final SessionBuffer buffer;
  private final SessionMiner miner;
  private final StreamMetrics metrics;
  private final ExpiryQueue expiry = new ExpiryQueue();
  private final ModelState model;
  /** Each customer's bounded votes while differential privacy is on, else null (no work per session). */
  private final VoteKeeper votes;
  private final String erasureTopic;
  private final ContributionBuffer contributions = new ContributionBuffer(MAX_BUFFERED_KEYS);
  private final ModelState.Outputs outputs = (key, value) -> contributions.fact(key, value, outputTime());
  private CommitForwarder commitForwarder;
  private final SessionCache records = new SessionCache(CACHED_SESSION_RECORDS);
  private ProcessorContext<String, MiningOutput> context;
  private KeyValueStore<String, byte[]> sessions;
  private long streamTime = Long.MIN_VALUE;
  private long lastRecordWallClock;
  /** Whether an event arrived since the last idle flush (so there may be open sessions to close). */
  private boolean activeSinceIdleFlush = true;

  MiningProcessor(MiningSettings settings, long dedupHorizonMs, long idleFlushMs, StreamMetrics metrics,
      ModelState model, String erasureTopic) {
    this.settings = settings;
    this.model = model;
    this.erasureTopic = erasureTopic;
    this.dedupHorizonMs = dedupHorizonMs;
    this.idleFlushMs = idleFlushMs;
    this.buffer = new SessionBuffer(settings.sessionGapMs(), settings.graceMs());
    this.miner = new SessionMiner(settings);
    this.metrics = metrics;
    this.votes = settings.privacy().enabled() ? new VoteKeeper(settings.privacy()) : null;
  }

  @Override
  public void init(ProcessorContext<String, MiningOutput> context) {
    this.context = context;
    this.sessions = context.getStateStore(SESSIONS_STORE);
    records.init(sessions);
    model.init(context);
    if (votes != null) {
      votes.init(context);
    }
    contributions.clear();
    commitForwarder = new CommitForwarder(context);
    CommitHook hook = context.getStateStore(CommitHook.NAME);
    hook.beforeCommit(() -> {
      if (!contributions.isEmpty()) {
        commitForwarder.run(contributions.latestMs(), this::forwardContributions);
      }
      records.writeChanges();
      model.beforeCommit();
      if (votes != null) {
        votes.beforeCommit();
      }
    });
    hook.onDiscard(() -> {
      contributions.clear();
      records.discard();
      model.discard();
      if (votes != null) {
        votes.discard();
      }
    });
    this.lastRecordWallClock = Long.MIN_VALUE; // the task's clock is set from its first record or punctuation
    try (KeyValueIterator<String, byte[]> it = sessions.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        expiry.add(kv.key, SessionRecord.fromBytes(kv.value).dueAt(buffer, dedupHorizonMs));
      }
    }
    long every = idleFlushMs > 0 ? Math.max(500, Math.min(EXPIRY_CHECK_MS, idleFlushMs / 4)) : EXPIRY_CHECK_MS;
    context.schedule(Duration.ofMillis(every), PunctuationType.WALL_CLOCK_TIME, now -> {
      if (lastRecordWallClock == Long.MIN_VALUE) {
        lastRecordWallClock = now; // idle since the task started: count from here
      }
      if (idleFlushMs > 0 && now - lastRecordWallClock >= idleFlushMs && activeSinceIdleFlush) {
        closeAllOpen();
        activeSinceIdleFlush = false;
      } else if (streamTime != Long.MIN_VALUE) {
        expireDue();
      }
      forwardIfFull();
    });
  }

  @Override
  public void process(Record<String, byte[]> record) {
    lastRecordWallClock = context.currentSystemTimeMs();
    if (erasureTopic.equals(context.recordMetadata().map(m -> m.topic()).orElse(""))) {
      erase(record.key());
      return;
    }
    activeSinceIdleFlush = true;
    metrics.eventsIn.increment();
    byte[] value = record.value();
    DecodeResult d = value == null ? null : codec.decode(value, 0);
    if (d == null || !d.isOk()) {
      String reason = d == null ? "field '$': empty record value" : d.rejection().describe().replaceFirst(
          "^line 0: ", "");
      RecordHeaders headers = new RecordHeaders(record.headers().toArray());
      headers.add(REJECTION_HEADER, reason.getBytes(StandardCharsets.UTF_8));
      context.forward(new Record<>(record.key(), MiningOutput.deadLetter(value == null ? new byte[0] : value),
          record.timestamp(), headers));
      metrics.rejected.increment();
      return;
    }
    InteractionEvent e = d.event();
    Turn turn = Turn.of(e, settings.interpretationState());
    String key = SessionBuffer.sessionKey(e.customerId(), e.sessionId(), turn.device());
    SessionRecord stored = records.get(key);
    SessionRecord current = stored == null ? SessionRecord.EMPTY : stored;
    long id = SessionRecord.idHash(e.eventId());
    if (current.seen(id)) {
      metrics.duplicates.increment();
      return;
    }
    streamTime = Math.max(streamTime, turn.timestampMs());
    List<List<Turn>> closed = new ArrayList<>(1);
    PendingSession next = buffer.add(current.open(), turn, closed::add);
    SessionRecord updated = current.forgetBefore(streamTime - dedupHorizonMs).with(next, id, turn.timestampMs());
    records.put(key, updated);
    if (stored == null) {
      expiry.add(key, updated.dueAt(buffer, dedupHorizonMs));
    }
    closed.forEach(this::emit);
    forwardIfFull();
  }

  /** Forwards the combined contributions early when the buffer reached its limit (allowed: processing). */
  private void forwardIfFull() {
    if (contributions.full()) {
      forwardContributions();
    }
  }

  private void forwardContributions() {
    long ts = contributions.latestMs();
    contributions.drain((k, v) -> context.forward(new Record<>(k, v, ts)));
  }

  /**
   * Closes the sessions that event time has passed and forgets the ids that left the de-duplication horizon, reading
   * only the keys the expiry queue says are due; a key with nothing left is deleted.
   */
  private void expireDue() {
    String key;
    while ((key = expiry.pollDue(streamTime)) != null) {
      SessionRecord r = records.get(key);
      if (r == null) {
        continue;
      }
      SessionRecord next = r.forgetBefore(streamTime - dedupHorizonMs);
      if (next.open() != null && buffer.expired(next.open(), streamTime)) {
        emit(next.open().turns());
        next = next.withOpen(null);
      }
      store(key, r, next);
      expiry.add(key, next.dueAt(buffer, dedupHorizonMs));
    }
  }

  /**
   * Idle flush: closes every open session (the task has seen no event for {@code stream.idle-flush-seconds}, so the
   * end of a stream is mined without waiting for newer events). Works without event time, as after a restart.
   */
  private void closeAllOpen() {
    records.writeAndEmpty();
    List<KeyValue<String, SessionRecord>> changed = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = sessions.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        SessionRecord r = SessionRecord.fromBytes(kv.value);
        if (r.open() != null) {
          emit(r.open().turns());
          changed.add(KeyValue.pair(kv.key, r));
        }
      }
    }
    changed.forEach(kv -> store(kv.key, kv.value, kv.value.withOpen(null)));
  }

  private void store(String key, SessionRecord before, SessionRecord after) {
    if (after.isEmpty()) {
      records.delete(key);
    } else if (after != before) {
      records.put(key, after);
    }
  }

  /**
   * Erases a customer (never logged): memory, sampled examples, open sessions, and with privacy on their bounded votes
   * (retracted from the statistics); tombstones to the topics.
   */
  private void erase(String customer) {
    if (customer == null || customer.isEmpty()) {
      metrics.erasuresWithoutKey.increment();
      return;
    }
    model.erase(customer);
    if (votes != null) {
      long ts = outputTime();
      votes.erase(customer, (k, v) -> contributions.stat(k, v, ts));
    }
    records.writeAndEmpty();
    List<String> open = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = sessions.prefixScan(customer + "\u0000", new StringSerializer())) {
      it.forEachRemaining(kv -> open.add(kv.key));
    }
    open.forEach(sessions::delete);
    metrics.erasures.increment();
  }

  private long outputTime() {
    return streamTime == Long.MIN_VALUE ? context.currentSystemTimeMs() : streamTime;
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
    if (votes != null) {
      // bounded votes instead of statistics, as file mode; a session of a closed privacy window is not counted
      if (!votes.accept(s, (k, v) -> contributions.stat(k, v, ts))) {
        metrics.lateForPrivacyWindow.increment();
      }
    } else {
      SessionMiner.contributions(s, (k, v) -> contributions.stat(k, v, ts));
    }
    model.accept(s, outputs);
  }
}
