package org.selflearn.rewriter.offline.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a long-running command cleanly on SIGTERM/Ctrl-C: the shutdown hook {@link #requestAndAwaitClose asks}
 * and then waits until the command has {@link #closed closed} its resources, because the JVM halts as soon as its
 * hooks return.
 */
final class StopSignal {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  /** Waits up to {@code timeout} for a stop request; true when one came. */
  boolean awaitRequest(Duration timeout) throws InterruptedException {
    return stop.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean requested() {
    return stop.getCount() == 0;
  }

  /** Called by the command once everything is closed. */
  void closed() {
    closed.countDown();
  }

  /** For the shutdown hook: requests the stop and waits until the command has closed (at most {@code timeout}). */
  boolean requestAndAwaitClose(Duration timeout) {
    stop.countDown();
    try {
      return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
