package org.selflearn.rewriter.offline.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.selflearn.rewriter.markov.ChainBuilder;
import org.selflearn.rewriter.markov.ChainSet;
import org.selflearn.rewriter.markov.ChainSolver;

/**
 * Solve time for many groups of realistic size (a failing request, 1–4 rephrases, most ending in SUCCESS, a few
 * cycles and self-loops), and for one large group.
 */
final class SolveBenchmark {
  private SolveBenchmark() {}

  static void run(int[] groupCounts, int largeGroup) {
    for (int groups : groupCounts) {
      SplittableRandom rng = new SplittableRandom(groups);
      ChainBuilder b = new ChainBuilder();
      long t0 = System.nanoTime();
      for (int g = 0; g < groups; g++) {
        int size = 2 + rng.nextInt(5);
        int base = b.size();
        for (int i = 0; i < size; i++) {
          int s = b.state("g" + g + "s" + i);
          b.addSuccess(s, i == 0 ? rng.nextInt(3) : 5 + rng.nextInt(50));
          b.addFailure(s, rng.nextInt(5));
        }
        for (int i = 1; i < size; i++) {
          b.addTransition(base, base + i, 1 + rng.nextInt(20));
          if (rng.nextDouble() < 0.2) {
            b.addTransition(base + i, base + rng.nextInt(size), 1 + rng.nextInt(3));
          }
        }
      }
      ChainSet set = b.build(0.5);
      long t1 = System.nanoTime();
      new ChainSolver(300, 1e-10, 10_000).successProbabilities(set);
      long t2 = System.nanoTime();
      System.out.printf(Locale.ROOT, "solve: %,d groups measured (%,d states, largest %d): build %.2f s, solve %.2f s"
          + " (%.2f µs/group)%n", set.chains().size(), set.states(), set.largestGroup(), (t1 - t0) / 1e9,
          (t2 - t1) / 1e9, (t2 - t1) / 1e3 / set.chains().size());
    }
    SplittableRandom rng = new SplittableRandom(1);
    ChainBuilder b = new ChainBuilder();
    for (int i = 0; i < largeGroup; i++) {
      int s = b.state("s" + i);
      b.addSuccess(s, rng.nextInt(10));
      b.addFailure(s, rng.nextInt(10));
      for (int k = 0; k < 4; k++) {
        b.addTransition(s, rng.nextInt(largeGroup), 1 + rng.nextInt(10));
      }
    }
    ChainSet set = b.build(0.5);
    long t0 = System.nanoTime();
    new ChainSolver(300, 1e-10, 100_000).successProbabilities(set);
    System.out.printf(Locale.ROOT, "solve: largest single group %,d states (%d groups): %.3f s (Gauss-Seidel)%n",
        set.largestGroup(), set.chains().size(), (System.nanoTime() - t0) / 1e9);
  }
}
