package org.selflearn.rewriter.offline.compare;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.selflearn.rewriter.offline.replay.Decision;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * Per-customer counts of two models' outcomes on the same turns, per group of {@link Slices}, kept sparse (only the
 * non-zero counts of each customer) in primitive arrays so that a bootstrap resample is a weighted sum.
 *
 * <p>Layout of one group's {@link #WIDTH} counts: turns, defects before, then for each model ({@link #BASELINE},
 * {@link #CANDIDATE}) triggered, wins, losses, neutral, repaired defects, broken turns, and wins and losses per source
 * ({@link #SOURCES}). A win repairs the turn when it was a defect; a loss breaks it when it was right (as
 * {@code replay.ScoreCard} counts them).
 */
public final class Tallies {
  static final int TURNS = 0;
  static final int DEFECTS = 1;
  static final int TRIGGERED = 0;
  static final int WINS = 1;
  static final int LOSSES = 2;
  static final int NEUTRAL = 3;
  static final int REPAIRED = 4;
  static final int BROKEN = 5;
  /** Sources with their own wins and losses; a source outside these counts as OTHER. */
  public static final List<String> SOURCES = List.of("PRECOMPUTED", "PERSONAL", "GLOBAL", "OTHER");
  static final int PER_MODEL = 6 + 2 * SOURCES.size();
  static final int BASELINE = 0;
  static final int CANDIDATE = 1;
  /** Counts per group. */
  static final int WIDTH = 2 + 2 * PER_MODEL;

  private final int groups;
  private final int[][] index; // customer -> positions in a groups*WIDTH array
  private final long[][] value; // customer -> counts at those positions
  private final long[] total;

  private Tallies(int groups, int[][] index, long[][] value) {
    this.groups = groups;
    this.index = index;
    this.value = value;
    this.total = new long[groups * WIDTH];
    for (int c = 0; c < index.length; c++) {
      add(c, 1, total);
    }
  }

  /** Position of a model's count {@code what} (TRIGGERED…BROKEN) in one group's counts. */
  static int model(int model, int what) {
    return 2 + model * PER_MODEL + what;
  }

  /** Position of a model's wins ({@code loss} false) or losses at source {@code s}. */
  static int source(int model, int s, boolean loss) {
    return 2 + model * PER_MODEL + 6 + 2 * s + (loss ? 1 : 0);
  }

  /**
   * Scores both models' decisions on every turn with {@code scorer} (e.g. {@code Outcome::of}) and sums per customer.
   */
  public static Tallies of(List<ReplayTurn> turns, List<Decision> baseline, List<Decision> candidate, Slices slices,
      BiFunction<ReplayTurn, String, Outcome> scorer) {
    if (baseline.size() != turns.size() || candidate.size() != turns.size()) {
      throw new IllegalArgumentException("decisions (" + baseline.size() + ", " + candidate.size()
          + ") do not match the turns (" + turns.size() + ")");
    }
    Map<String, Integer> customers = new HashMap<>();
    int[] customerOf = new int[turns.size()];
    for (int i = 0; i < turns.size(); i++) {
      customerOf[i] = customers.computeIfAbsent(turns.get(i).event().customerId(), k -> customers.size());
    }
    int n = customers.size();
    int[] count = new int[n + 1]; // turns of each customer, as offsets into byCustomer
    for (int c : customerOf) {
      count[c + 1]++;
    }
    for (int c = 0; c < n; c++) {
      count[c + 1] += count[c];
    }
    int[] byCustomer = new int[turns.size()];
    int[] next = Arrays.copyOf(count, n);
    for (int i = 0; i < turns.size(); i++) {
      byCustomer[next[customerOf[i]]++] = i;
    }
    long[] scratch = new long[slices.groups() * WIDTH];
    int[][] index = new int[n][];
    long[][] value = new long[n][];
    for (int c = 0; c < n; c++) {
      for (int k = count[c]; k < count[c + 1]; k++) {
        int t = byCustomer[k];
        ReplayTurn turn = turns.get(t);
        int[] g = slices.groupsOf(t);
        Outcome a = scorer.apply(turn, baseline.get(t).rewrite());
        Outcome b = scorer.apply(turn, candidate.get(t).rewrite());
        for (int group : g) {
          int base = group * WIDTH;
          scratch[base + TURNS]++;
          scratch[base + DEFECTS] += turn.defect() ? 1 : 0;
          count(scratch, base, BASELINE, a, turn.defect(), baseline.get(t).source());
          count(scratch, base, CANDIDATE, b, turn.defect(), candidate.get(t).source());
        }
      }
      int nonZero = 0;
      for (long v : scratch) {
        nonZero += v == 0 ? 0 : 1;
      }
      index[c] = new int[nonZero];
      value[c] = new long[nonZero];
      for (int p = 0, j = 0; p < scratch.length; p++) {
        if (scratch[p] != 0) {
          index[c][j] = p;
          value[c][j++] = scratch[p];
          scratch[p] = 0;
        }
      }
    }
    return new Tallies(slices.groups(), index, value);
  }

  private static void count(long[] s, int base, int m, Outcome o, boolean defect, String source) {
    if (o == Outcome.NONE) {
      return;
    }
    s[base + model(m, TRIGGERED)]++;
    int src = source == null ? -1 : SOURCES.indexOf(source);
    src = src < 0 ? SOURCES.size() - 1 : src;
    switch (o) {
      case WIN -> {
        s[base + model(m, WINS)]++;
        s[base + model(m, REPAIRED)] += defect ? 1 : 0;
        s[base + source(m, src, false)]++;
      }
      case LOSS -> {
        s[base + model(m, LOSSES)]++;
        s[base + model(m, BROKEN)] += defect ? 0 : 1;
        s[base + source(m, src, true)]++;
      }
      default -> s[base + model(m, NEUTRAL)]++;
    }
  }

  /** Adds customer {@code c}'s counts, {@code weight} times, into {@code sums} (groups × WIDTH). */
  void add(int c, long weight, long[] sums) {
    int[] idx = index[c];
    long[] val = value[c];
    for (int j = 0; j < idx.length; j++) {
      sums[idx[j]] += weight * val[j];
    }
  }

  public int customers() {
    return index.length;
  }

  public int groups() {
    return groups;
  }

  /** The counts over every customer (groups × WIDTH); do not modify. */
  long[] total() {
    return total;
  }
}
