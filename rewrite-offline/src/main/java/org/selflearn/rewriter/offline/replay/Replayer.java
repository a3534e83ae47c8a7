package org.selflearn.rewriter.offline.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.selflearn.rewriter.offline.mining.CustomerSketch;

/**
 * Runs a strategy over replayed turns on several threads, partitioned by customer so that each customer's turns keep
 * their time order; decisions come back in the turns' order.
 */
public final class Replayer {
  private final int threads;

  public Replayer(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  public List<Decision> run(List<ReplayTurn> turns, RewriteStrategy strategy, IntConsumer progress) {
    Decision[] out = new Decision[turns.size()];
    List<List<Integer>> parts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      parts.add(new ArrayList<>());
    }
    for (int i = 0; i < turns.size(); i++) {
      String customer = turns.get(i).event().customerId();
      parts.get(Math.floorMod(CustomerSketch.hash(customer), threads)).add(i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
      for (List<Integer> part : parts) {
        futures.add(pool.submit(() -> {
          for (int i : part) {
            long t0 = System.nanoTime();
            Decision d = strategy.decide(turns.get(i));
            long micros = (System.nanoTime() - t0) / 1000;
            out[i] = new Decision(d.eventId(), d.rewrite(), d.source(), d.score(), micros);
            int n = done.incrementAndGet();
            if (n % 10_000 == 0) {
              progress.accept(n);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("replay of " + strategy.name() + " failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(out);
  }
}
