package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A write-back cache of decoded {@link SessionRecord}s in front of the task's uncached session store: an event reads
 * and replaces its key's record as an object, and a record is encoded and written once per commit however many events
 * changed it (Kafka Streams' record cache held bytes, so every event decoded and encoded its whole session). Changes
 * are written just before each commit ({@link #writeChanges}, through {@link CommitHook}: same transaction as the input
 * offsets), or when a changed record is the least recently used one beyond {@code capacity}; everything is dropped when
 * the task drops its uncommitted work ({@link #discard}: the store is restored from its changelog). Before the store is
 * scanned, {@link #writeAndEmpty} writes the changes out. The store's bytes and changelog are what they were. Not
 * thread-safe (one per task).
 */
final class SessionCache {
  /** A cached record; null for a key deleted since the last write. */
  private static final class Slot {
    SessionRecord record;
    boolean changed;
  }

  private final int capacity;
  private final Map<String, Slot> slots;
  /** Keys changed since the last write (some may have been written since, by eviction). */
  private final List<String> changed = new ArrayList<>();
  private KeyValueStore<String, byte[]> store;

  SessionCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.slots = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
        if (size() <= SessionCache.this.capacity) {
          return false;
        }
        write(eldest.getKey(), eldest.getValue());
        return true;
      }
    };
  }

  /** Attaches the task's store; forgets anything cached before (a task re-initialised). */
  void init(KeyValueStore<String, byte[]> sessionStore) {
    this.store = sessionStore;
    discard();
  }

  /** The record of a key, or null. */
  SessionRecord get(String key) {
    Slot s = slots.get(key);
    if (s != null) {
      return s.record;
    }
    byte[] stored = store.get(key);
    if (stored == null) {
      return null;
    }
    SessionRecord r = SessionRecord.fromBytes(stored);
    Slot loaded = new Slot();
    loaded.record = r;
    slots.put(key, loaded);
    return r;
  }

  void put(String key, SessionRecord record) {
    change(key, record);
  }

  void delete(String key) {
    change(key, null);
  }

  private void change(String key, SessionRecord record) {
    Slot s = slots.get(key);
    if (s == null) {
      s = new Slot();
      slots.put(key, s);
    }
    s.record = record;
    if (!s.changed) {
      s.changed = true;
      changed.add(key);
    }
  }

  /** Writes every change since the last commit into the store (and so its changelog). */
  void writeChanges() {
    for (String key : changed) {
      Slot s = slots.get(key);
      if (s != null && s.changed) {
        write(key, s);
        if (s.record == null) {
          slots.remove(key);
        }
      }
    }
    changed.clear();
  }

  /** Writes the changes and empties the cache, so that the store itself can be scanned and changed. */
  void writeAndEmpty() {
    writeChanges();
    slots.clear();
  }

  /** Drops everything cached and every unwritten change. */
  void discard() {
    slots.clear();
    changed.clear();
  }

  private void write(String key, Slot s) {
    if (!s.changed) {
      return;
    }
    if (s.record == null) {
      store.delete(key);
    } else {
      store.put(key, s.record.toBytes());
    }
    s.changed = false;
  }

  int size() {
    return slots.size();
  }
}
