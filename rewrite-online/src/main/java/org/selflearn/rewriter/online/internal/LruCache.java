package org.selflearn.rewriter.online.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small thread-safe LRU cache (a synchronised access-ordered map) for values that depend only on the request text
 * and on the immutable global index: the request's own global entry and its global candidates. Bounded by entries.
 */
final class LruCache<K, V> {
  private final Map<K, V> map;

  LruCache(int capacity) {
    this.map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached value, computing it outside the lock when absent (null values are cached too). */
  V get(K key, Function<K, V> compute) {
    synchronized (map) {
      if (map.containsKey(key)) {
        return map.get(key);
      }
    }
    V v = compute.apply(key);
    synchronized (map) {
      map.put(key, v);
    }
    return v;
  }
}
