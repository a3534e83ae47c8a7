package org.selflearn.rewriter.online.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedder with a bounded LRU cache of recent texts: recurring misrecognitions are embedded once. Thread-safe
 * (the cache is guarded by its own lock; the embedding itself runs outside it).
 */
final class CachingEmbedder implements Embedder {
  private final Embedder delegate;
  private final Map<String, float[]> cache;

  CachingEmbedder(Embedder delegate, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.delegate = delegate;
    this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public float[] embed(String text) {
    synchronized (cache) {
      float[] v = cache.get(text);
      if (v != null) {
        return v;
      }
    }
    float[] v = delegate.embed(text);
    synchronized (cache) {
      cache.put(text, v);
    }
    return v;
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
