package org.selflearn.rewriter.serve;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body whole, before the request takes a concurrency permit: at most {@code serve.max-body-bytes}
 * (400 past it), within {@code serve.body-timeout-ms} of the headers and, after its first second, no slower than
 * {@code serve.min-body-bytes-per-second} (408 otherwise). Jetty's idle timeout restarts with every byte; these
 * limits do not, so a client sending one byte every few seconds is cut off in about a second instead of holding a
 * connection (and, before, a permit) for as long as it likes. Waiting is on Jetty's demand callback, so the
 * (virtual) thread sleeps between chunks; it wakes no later than the moment the minimum rate would be broken.
 */
final class BodyReader {
  /** The first second of a body is not held to the minimum rate (a TCP round trip or two, a busy client). */
  static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int maxBytes;
  private final long timeoutNanos;
  private final long minBytesPerSecond;

  BodyReader(int maxBytes, int timeoutMillis, int minBytesPerSecond) {
    this.maxBytes = maxBytes;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.minBytesPerSecond = minBytesPerSecond;
  }

  /** The whole body; throws {@link BadRequestException} (400 or 408, field {@code body}) when it cannot be had. */
  byte[] read(Request request) {
    long declared = request.getLength();
    if (declared > maxBytes) {
      throw tooLong();
    }
    long start = System.nanoTime();
    byte[] buf = new byte[(int) Math.min(declared > 0 ? declared : 1_024, maxBytes)];
    int size = 0;
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        awaitData(request, start, size);
        continue;
      }
      try {
        if (Content.Chunk.isFailure(chunk)) {
          throw new BadRequestException("body", "the body could not be read: "
              + chunk.getFailure().getClass().getSimpleName());
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        if (size + (long) n > maxBytes) {
          throw tooLong();
        }
        if (size + n > buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, Math.max(size + (long) n, buf.length * 2L)));
        }
        b.get(buf, size, n);
        size += n;
        if (chunk.isLast()) {
          return size == buf.length ? buf : Arrays.copyOf(buf, size);
        }
      } finally {
        chunk.release();
      }
    }
  }

  /** Blocks until Jetty has more of the body, or throws 408 when the deadline or the minimum rate passes first. */
  private void awaitData(Request request, long start, int received) {
    long deadline = start + timeoutNanos;
    if (minBytesPerSecond > 0) {
      // the moment `received` bytes stop being enough: received / elapsed < minimum rate
      long slowAt = start + Math.max(GRACE_NANOS, (long) (received * 1e9 / minBytesPerSecond));
      deadline = Math.min(deadline, slowAt);
    }
    CompletableFuture<Void> more = new CompletableFuture<>();
    request.demand(() -> more.complete(null));
    long wait = deadline - System.nanoTime();
    try {
      more.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      boolean timedOut = System.nanoTime() - start >= timeoutNanos;
      throw new BadRequestException(408, "body-timeout", "body", timedOut
          ? "the body did not arrive within " + timeoutNanos / 1_000_000 + " ms (serve.body-timeout-ms)"
          : "the body arrived slower than " + minBytesPerSecond + " bytes/s (serve.min-body-bytes-per-second)");
    } catch (ExecutionException e) {
      throw new BadRequestException("body", "the body could not be read");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadRequestException(503, "not-ready", "body", "shutting down");
    }
  }

  private BadRequestException tooLong() {
    return new BadRequestException("body", "the body is longer than " + maxBytes + " bytes (serve.max-body-bytes)");
  }
}
