package org.selflearn.rewriter.online.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.selflearn.rewriter.online.RewriteRequest;

/**
 * Runs every stage of the request path before the rewriter serves, so that the first real request meets the budget:
 * normalisation and the table lookup on the opening thread, then on every pool thread (each holds its own ONNX
 * predictor) a few near-misses of servable requests through retrieval, embedding, dense search, features and the
 * ranker, plus an embedding and a dense search of its own in case retrieval found nothing (an empty index). The
 * near-misses are servable requests with their last letter changed: close in spelling, so that the lexical stage
 * finds candidates and the embedder really runs. Bounded by a deadline; a failure is reported, never thrown (a
 * broken part fails open on the request path as it would without warm-up), except a {@link VirtualMachineError}.
 */
public final class WarmUp {
  /** Near-misses each pool thread runs. */
  static final int ROUNDS = 8;
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private WarmUp() {}

  /** Warms {@code m} on the calling thread and on each of the pool's {@code threads}; {@code failed} gets causes. */
  public static void run(RewriteEngine engine, LoadedModel m, ExecutorService pool, int threads,
      Consumer<Throwable> failed) {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    List<String> samples = samples(m, threads * ROUNDS);
    try {
      for (String s : samples.subList(0, Math.min(ROUNDS, samples.size()))) {
        engine.precomputed(m, s, RewriteEngine.normalize(s));
      }
      if (m.personal() != null) {
        m.personal().get("rewriter-warm-up");
      }
    } catch (RuntimeException e) {
      failed.accept(e);
    }
    CountDownLatch together = new CountDownLatch(threads);
    List<Future<?>> tasks = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      tasks.add(pool.submit(() -> {
        together.countDown();
        together.await(10, TimeUnit.SECONDS); // one task per pool thread
        onePoolThread(engine, m, samples, thread, deadline);
        return null;
      }));
    }
    for (Future<?> f : tasks) {
      try {
        f.get(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(10), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof VirtualMachineError vme) {
          throw vme;
        }
        failed.accept(e.getCause() == null ? e : e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.accept(e);
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        f.cancel(true);
        failed.accept(e);
      }
    }
  }

  private static void onePoolThread(RewriteEngine engine, LoadedModel m, List<String> samples, int thread,
      long deadline) {
    float[] v = m.embedder().embed("warm up pool thread " + thread);
    m.global().dense(v, 1);
    for (int r = 0; r < ROUNDS && System.nanoTime() < deadline; r++) {
      String q = samples.get((thread * ROUNDS + r) % samples.size());
      RewriteRequest request = RewriteRequest.of(q, "rewriter-warm-up");
      engine.retrieveAndRank(m, r == 0 ? request.explained() : request, q);
    }
  }

  /** Near-misses of servable requests (normalised), or a fixed text when the index has none. */
  static List<String> samples(LoadedModel m, int n) {
    List<String> out = new ArrayList<>();
    for (String s : m.global().sampleServable(n)) {
      if (s.length() > 3) {
        char last = s.charAt(s.length() - 1);
        out.add(s.substring(0, s.length() - 1) + (last == 'e' ? 'a' : 'e'));
      }
    }
    if (out.isEmpty()) {
      out.add("warm up the rewriter");
    }
    return out;
  }
}
