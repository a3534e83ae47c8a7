package org.selflearn.rewriter.online.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.QueryContext;

/**
 * Runs every stage of the request path before the rewriter serves, so that the first real request meets the budget.
 * Queries are near-misses of servable requests (one letter changed): close in spelling, so retrieval finds
 * candidates and every later stage runs. On each pool thread (each holds its own ONNX predictor) a few near-misses go
 * through the whole decision — embedding, lexical and dense search, personal memory, features, ranker; then
 * {@value #JIT_ROUNDS} more go through the same decision with the vector of an indexed request in place of a fresh
 * embedding (no ONNX run), each followed by a near-miss of a stored customer's own request ranked against that
 * customer's memory, so that the JIT compiles the search, similarity, personal and feature code. Measured on the
 * bundled MiniLM model with the two cores also busy with other builds (load average about 4): the first requests of
 * a fresh JVM took 60–130 ms after one round, ~25 ms after 32, 6–15 ms after 100; at a load average of 10 they take
 * 25–55 ms, as do warm requests then. The deadline only guards against a stalled part. Normalisation and the table
 * lookup are warmed on the opening thread, and the meter classes by the caller. A failure is reported, never thrown
 * (a broken part then fails open on the request path), except a {@link VirtualMachineError}.
 */
public final class WarmUp {
  static final int FULL_ROUNDS = 4;
  static final int JIT_ROUNDS = 100;
  /**
   * Runs of the real encoder per pool thread before the full rounds: ONNX Runtime's first few dozen runs are slower
   * than its steady state, and that cost must not fall on the first customers.
   */
  static final int ENCODER_ROUNDS = 60;
  private static final long DEADLINE_NANOS = TimeUnit.MILLISECONDS.toNanos(10_000);
  private static final long STALLED_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final String CUSTOMER = "rewriter-warm-up";

  private final RewriteEngine engine;
  private final LoadedModel m;
  private final List<String> samples;
  private final List<float[]> vectors = new ArrayList<>();
  private final List<PersonalProfile> profiles;
  private final long deadline = System.nanoTime() + DEADLINE_NANOS;

  private WarmUp(RewriteEngine engine, LoadedModel m) {
    this.engine = engine;
    this.m = m;
    List<String> s = m.global().sampleServable(64);
    this.samples = s.isEmpty() ? List.of("warm up the rewriter") : s;
    this.profiles = sampleProfiles(m);
    for (String text : samples) {
      GlobalEntry e = m.global().lookup(text);
      if (e != null && e.vector().length > 0) {
        vectors.add(e.vector());
      }
    }
  }

  /** Warms {@code m} on the calling thread and on each of the pool's {@code threads}; {@code failed} gets causes. */
  public static void run(RewriteEngine engine, LoadedModel m, ExecutorService pool, int threads,
      Consumer<Throwable> failed) {
    WarmUp w;
    try {
      w = new WarmUp(engine, m);
      w.callerThread();
    } catch (RuntimeException e) {
      failed.accept(e);
      return;
    }
    CountDownLatch together = new CountDownLatch(threads);
    List<Future<?>> tasks = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      tasks.add(pool.submit(() -> {
        together.countDown();
        together.await(10, TimeUnit.SECONDS); // one task per pool thread
        w.poolThread(thread, threads);
        return null;
      }));
    }
    for (Future<?> f : tasks) {
      try {
        f.get(Math.max(0, w.deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof VirtualMachineError vme) {
          throw vme;
        }
        failed.accept(e.getCause() == null ? e : e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.accept(e);
        return;
      } catch (TimeoutException e) {
        f.cancel(true);
        failed.accept(e);
      }
    }
  }

  private void callerThread() {
    for (int i = 0; i < JIT_ROUNDS && System.nanoTime() < deadline; i++) {
      String q = nearMiss(i);
      engine.precomputed(m, org.selflearn.rewriter.online.RewriteRequest.of(q, CUSTOMER),
          RewriteEngine.normalize(q));
    }
    if (m.personal() != null) {
      m.personal().lookup(CUSTOMER, Long.MAX_VALUE);
    }
  }

  private void poolThread(int thread, int threads) {
    m.global().dense(m.embedder().embed("warm up pool thread " + thread), 1); // even when retrieval finds nothing
    for (int r = 0; r < ENCODER_ROUNDS && System.nanoTime() < deadline; r++) {
      m.embedder().embed(nearMiss(thread + r * threads) + " " + thread); // distinct texts: no cache answers them
    }
    int i = thread;
    for (int r = 0; r < FULL_ROUNDS; r++, i += threads) {
      String q = nearMiss(i);
      RewriteRequest request = RewriteRequest.of(q, CUSTOMER);
      long start = System.nanoTime();
      engine.retrieveAndRank(m, r == 0 ? request.explained() : request, q);
      if (System.nanoTime() - start > STALLED_NANOS) {
        break; // a part this slow fails open on the budget anyway; warming it further only delays opening
      }
    }
    LoadedModel cheap = new LoadedModel(m.table(), m.global(), m.personal(), m.ranker(), new IndexVectors(vectors),
        m.wordings());
    for (int r = 0; r < JIT_ROUNDS && System.nanoTime() < deadline; r++, i += threads) {
      String q = nearMiss(i);
      engine.retrieveAndRank(cheap, RewriteRequest.of(q, CUSTOMER), q);
      if (!profiles.isEmpty()) {
        personalRound(cheap, i);
      }
    }
  }

  /**
   * The ranking of a customer with a memory (stored profiles are read without their ids, so the stages are called
   * as the decision calls them): a near-miss of one of their own requests, their candidates, features and ranker.
   */
  private void personalRound(LoadedModel cheap, int i) {
    PersonalProfile p = profiles.get(i % profiles.size());
    if (p.entries().isEmpty()) {
      return;
    }
    String q = nearMiss(p.entries().get(i % p.entries().size()).text(), i);
    QueryContext ctx = engine.context(cheap, q, p, engine.retriever().lookup(m.global(), q), -1, 0L, "");
    for (Candidate c : engine.retriever().retrieve(ctx, m.global(), m.wordings())) {
      m.ranker().score(engine.features().features(ctx, c, 0, 0));
    }
  }

  private static List<PersonalProfile> sampleProfiles(LoadedModel m) {
    try {
      return m.personal() == null ? List.of() : m.personal().sampleProfiles(16);
    } catch (RuntimeException e) {
      return List.of(); // an unreadable memory fails open on the request path; the other stages still get warmed
    }
  }

  /** Stands in for the embedder once it is warm: the vector of an indexed request, so that rounds cost no ONNX run. */
  private record IndexVectors(List<float[]> vectors) implements Embedder {
    @Override
    public int dimension() {
      return vectors.isEmpty() ? 0 : vectors.get(0).length;
    }

    @Override
    public float[] embed(String text) {
      return vectors.isEmpty() ? new float[0] : vectors.get(Math.floorMod(text.hashCode(), vectors.size()));
    }

    @Override
    public String describe() {
      return "indexed vectors (warm-up)";
    }
  }

  /** The i-th near-miss: a sample with one letter changed, distinct for each i up to samples × length. */
  String nearMiss(int i) {
    return nearMiss(samples.get(i % samples.size()), i / samples.size());
  }

  private static String nearMiss(String s, int variant) {
    int pos = variant % s.length();
    char c = s.charAt(pos);
    return s.substring(0, pos) + (c == 'e' ? 'a' : 'e') + s.substring(pos + 1);
  }
}
