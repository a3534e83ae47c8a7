package org.selflearn.rewriter.offline.stream;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a stream thread that dies of an exception: it is replaced at most {@code maxRestarts} times per run
 * (a transient failure heals), then the job shuts down (a deterministic bug must not crash-loop). The last failure is
 * kept for the exit message; every failure is logged with its stack trace.
 */
public final class ThreadRestartPolicy implements StreamsUncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadRestartPolicy.class);

  private final int maxRestarts;
  private final AtomicInteger failures = new AtomicInteger();
  private volatile Throwable last;

  public ThreadRestartPolicy(int maxRestarts) {
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("maxRestarts must be >= 0, was " + maxRestarts);
    }
    this.maxRestarts = maxRestarts;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    last = exception;
    int n = failures.incrementAndGet();
    if (n <= maxRestarts) {
      LOG.error("stream thread failed ({} of at most {} restarts), replacing it", n, maxRestarts, exception);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("stream thread failed after {} restarts; shutting the job down", maxRestarts, exception);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /** How many stream-thread failures were seen. */
  public int failures() {
    return failures.get();
  }

  /** The last failure, or null. */
  public Throwable lastFailure() {
    return last;
  }
}
