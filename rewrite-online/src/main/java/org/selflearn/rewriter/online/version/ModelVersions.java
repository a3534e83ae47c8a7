package org.selflearn.rewriter.online.version;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Holds the current {@link ModelVersion} and swaps it without pausing readers. {@link #acquire} is lock-free;
 * {@link #refresh} and {@link #close} run one at a time under one lock, so two refreshes can never open the same new
 * version twice and a refresh racing with close cannot install a version nobody will close.
 */
public final class ModelVersions implements AutoCloseable {
  private final AtomicReference<ModelVersion> current = new AtomicReference<>();
  private final AtomicInteger open = new AtomicInteger();
  private final Object lock = new Object();
  private volatile boolean closed; // written under lock

  /** Manages {@code first}, taking over the reference it was created with. */
  public ModelVersions(ModelVersion first) {
    track(first);
    current.set(first);
  }

  /**
   * The current version with one more reference, or null once closed. Release it with
   * {@link ModelVersion#release} in a {@code finally}.
   */
  public ModelVersion acquire() {
    for (;;) {
      ModelVersion v = current.get();
      if (v == null) {
        return null;
      }
      if (v.tryAcquire()) {
        return v;
      }
      if (current.get() == v) { // a closed version can only be current if someone released it once too often
        throw new IllegalStateException("the current model version was closed while still current");
      }
    }
  }

  /**
   * Single-flight refresh: under the lock, {@code next} derives a new version from the current one (which stays
   * alive meanwhile), or returns null when nothing changed. The new version is installed and the previous one
   * released; it closes when its last request is done. Returns whether a new version was installed (false after
   * close, in which case the new version is released at once).
   */
  public boolean refresh(UnaryOperator<ModelVersion> next) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      ModelVersion previous = current.get();
      ModelVersion fresh = next.apply(previous);
      if (fresh == null || fresh == previous) {
        return false;
      }
      track(fresh);
      current.set(fresh);
      previous.release();
      return true;
    }
  }

  /** Versions not yet closed: the current one plus old ones that requests still hold. */
  public int openVersions() {
    return open.get();
  }

  public boolean isClosed() {
    return closed;
  }

  /** No version can be acquired from now on; the current one closes when its last request is done. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      ModelVersion last = current.getAndSet(null);
      last.release();
    }
  }

  private void track(ModelVersion v) {
    open.incrementAndGet();
    v.onClosed(open::decrementAndGet);
  }
}
