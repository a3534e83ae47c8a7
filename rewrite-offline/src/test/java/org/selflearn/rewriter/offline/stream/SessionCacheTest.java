package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.offline.mining.PendingSession;
import org.selflearn.rewriter.offline.mining.Turn;

class SessionCacheTest {
  private KeyValueStore<String, byte[]> store;

  @BeforeEach
  void inMemoryStore() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("sessions"), Serdes.String(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
  }

  private static SessionRecord record(String eventId, long time) {
    Turn turn = new Turn(eventId, time, "c-1", "d-1", DeviceType.SPEAKER, "play jazz", "play jazz", "Music|Play", "",
        true, false, Feedback.NONE, 0);
    return SessionRecord.EMPTY.with(new PendingSession(List.of(turn)), SessionRecord.idHash(eventId), time);
  }

  private SessionRecord stored(String key) {
    byte[] b = store.get(key);
    return b == null ? null : SessionRecord.fromBytes(b);
  }

  @Test
  void shouldWriteEachChangedRecordOnceAtTheCommitAndDeletesAsTombstones() {
    SessionCache cache = new SessionCache(10);
    cache.init(store);
    SessionRecord a = record("e-1", 1_000);
    cache.put("k1", a);
    cache.put("k1", a.with(a.open(), 7L, 2_000));
    assertThat(cache.get("k1").seenIds()).containsExactly(SessionRecord.idHash("e-1"), 7L);
    assertThat(store.get("k1")).as("nothing written before the commit").isNull();
    cache.writeChanges();
    assertThat(stored("k1").seenIds()).containsExactly(SessionRecord.idHash("e-1"), 7L);
    cache.delete("k1");
    assertThat(cache.get("k1")).isNull();
    assertThat(store.get("k1")).as("still there until the commit").isNotNull();
    cache.writeChanges();
    assertThat(store.get("k1")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void shouldWriteAChangedRecordBeforeEvictingItAndReadItBackFromTheStore() {
    SessionCache cache = new SessionCache(2);
    cache.init(store);
    cache.put("k1", record("e-1", 1_000));
    cache.put("k2", record("e-2", 2_000));
    cache.get("k1"); // k2 is now the least recently used
    cache.put("k3", record("e-3", 3_000));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(stored("k2").seenIds()).as("evicted, so written").containsExactly(SessionRecord.idHash("e-2"));
    assertThat(store.get("k1")).isNull();
    assertThat(cache.get("k2").seenIds()).containsExactly(SessionRecord.idHash("e-2"));
    cache.writeChanges();
    assertThat(stored("k1")).isNotNull();
    assertThat(stored("k3")).isNotNull();
  }

  @Test
  void shouldForgetUnwrittenChangesOnDiscardAndEmptyBeforeAScan() {
    SessionCache cache = new SessionCache(10);
    cache.init(store);
    cache.put("k1", record("e-1", 1_000));
    cache.writeChanges();
    cache.put("k1", record("e-9", 9_000));
    cache.put("k2", record("e-2", 2_000));
    cache.discard();
    assertThat(cache.get("k1").seenIds()).as("the committed record").containsExactly(SessionRecord.idHash("e-1"));
    assertThat(cache.get("k2")).isNull();
    cache.delete("k1");
    cache.writeAndEmpty();
    assertThat(cache.size()).isZero();
    assertThat(store.approximateNumEntries()).isZero();
  }

  @Test
  void shouldRefuseANonPositiveCapacity() {
    assertThatThrownBy(() -> new SessionCache(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }
}
