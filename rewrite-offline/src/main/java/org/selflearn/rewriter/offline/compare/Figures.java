package org.selflearn.rewriter.offline.compare;

import static org.selflearn.rewriter.offline.compare.Tallies.BASELINE;
import static org.selflearn.rewriter.offline.compare.Tallies.CANDIDATE;
import static org.selflearn.rewriter.offline.compare.Tallies.WIDTH;

/**
 * The figures of one group computed from its summed counts, as a fixed-size vector (so that a bootstrap keeps one
 * {@code double} per figure and resample). For each model: defect rate after, defect reduction, win/loss ratio,
 * unjudged share (neutral / triggered), and win/loss per serving source; the paired difference (candidate − baseline)
 * of the first three and of each source's win/loss. Rules as log-format.md: {@code defectRateAfter} counts a win as a
 * repaired defect and a loss on a turn that was right as a new defect; win/loss with no losses is the number of wins.
 */
final class Figures {
  static final int DEFECT_RATE_BEFORE = 0;
  /** Per model, at {@code 1 + model * PER_MODEL}: defect rate after, defect reduction, win/loss, unjudged share. */
  static final int PER_MODEL = 4;
  static final int DEFECT_RATE_AFTER = 0;
  static final int DEFECT_REDUCTION = 1;
  static final int WIN_LOSS = 2;
  static final int UNJUDGED = 3;
  /** Difference (candidate − baseline) of defect rate after, defect reduction, win/loss. */
  static final int DIFFERENCE = 1 + 2 * PER_MODEL;
  /** Per serving source s (3), at {@code SOURCE + 3 s}: baseline win/loss, candidate win/loss, difference. */
  static final int SOURCE = DIFFERENCE + 3;
  static final int SERVING_SOURCES = 3;
  static final int COUNT = SOURCE + 3 * SERVING_SOURCES;

  private Figures() {}

  static int of(int model, int what) {
    return 1 + model * PER_MODEL + what;
  }

  /** Fills {@code out[0..COUNT)} with group {@code group}'s figures from {@code sums}. */
  static void compute(long[] sums, int group, double[] out) {
    int b = group * WIDTH;
    long turns = sums[b + Tallies.TURNS];
    long defects = sums[b + Tallies.DEFECTS];
    out[DEFECT_RATE_BEFORE] = turns == 0 ? 0 : (double) defects / turns;
    for (int m = BASELINE; m <= CANDIDATE; m++) {
      long repaired = sums[b + Tallies.model(m, Tallies.REPAIRED)];
      long broken = sums[b + Tallies.model(m, Tallies.BROKEN)];
      long triggered = sums[b + Tallies.model(m, Tallies.TRIGGERED)];
      out[of(m, DEFECT_RATE_AFTER)] = turns == 0 ? 0 : (double) (defects - repaired + broken) / turns;
      out[of(m, DEFECT_REDUCTION)] = defects == 0 ? 0 : (double) (repaired - broken) / defects;
      out[of(m, WIN_LOSS)] = ratio(sums[b + Tallies.model(m, Tallies.WINS)],
          sums[b + Tallies.model(m, Tallies.LOSSES)]);
      out[of(m, UNJUDGED)] = triggered == 0 ? 0 : (double) sums[b + Tallies.model(m, Tallies.NEUTRAL)] / triggered;
    }
    for (int w = 0; w < 3; w++) {
      out[DIFFERENCE + w] = out[of(CANDIDATE, w)] - out[of(BASELINE, w)];
    }
    for (int s = 0; s < SERVING_SOURCES; s++) {
      double a = ratio(sums[b + Tallies.source(BASELINE, s, false)], sums[b + Tallies.source(BASELINE, s, true)]);
      double c = ratio(sums[b + Tallies.source(CANDIDATE, s, false)], sums[b + Tallies.source(CANDIDATE, s, true)]);
      out[SOURCE + 3 * s] = a;
      out[SOURCE + 3 * s + 1] = c;
      out[SOURCE + 3 * s + 2] = c - a;
    }
  }

  static double ratio(long wins, long losses) {
    return losses == 0 ? wins : (double) wins / losses;
  }
}
