package org.selflearn.rewriter.online.version;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closeable shared by several model versions, closed when the last of them releases it. Created with one
 * reference; {@link #retain} adds one for each further version, {@link #release} drops one. A borrowed resource
 * (one the embedding service passed in and still owns) is counted the same way but never closed here.
 *
 * @param <T> the resource
 */
public final class SharedResource<T extends AutoCloseable> {
  private final T value;
  private final boolean owned;
  private final AtomicInteger refs = new AtomicInteger(1);

  private SharedResource(T value, boolean owned) {
    if (value == null) {
      throw new IllegalArgumentException("a shared resource cannot be null");
    }
    this.value = value;
    this.owned = owned;
  }

  /** A resource closed when its last user releases it. */
  public static <T extends AutoCloseable> SharedResource<T> owned(T value) {
    return new SharedResource<>(value, true);
  }

  /** A resource its creator closes: counted, never closed here. */
  public static <T extends AutoCloseable> SharedResource<T> borrowed(T value) {
    return new SharedResource<>(value, false);
  }

  public T get() {
    return value;
  }

  /** One more user; fails if the resource was already closed. */
  public SharedResource<T> retain() {
    for (;;) {
      int n = refs.get();
      if (n <= 0) {
        throw new IllegalStateException("shared resource already closed: " + value.getClass().getSimpleName());
      }
      if (refs.compareAndSet(n, n + 1)) {
        return this;
      }
    }
  }

  /**
   * One user less; the last one closes an owned resource.
   *
   * @throws Exception what closing threw
   */
  public void release() throws Exception {
    int n = refs.decrementAndGet();
    if (n == 0 && owned) {
      value.close();
    } else if (n < 0) {
      refs.incrementAndGet();
      throw new IllegalStateException("shared resource released more often than retained");
    }
  }

  /** Current number of users (0: closed). */
  public int refCount() {
    return Math.max(0, refs.get());
  }
}
