package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.text.Fnv1a;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;
import org.selflearn.rewriter.online.index.TabSeparatedMap;

/**
 * Collects, from the training sessions, the simple methods the dev world's README defines, each with its own chain
 * rule (not ours), and writes them to {@code baselines/}:
 * <ul>
 *   <li><b>pair counting</b>: the most frequent successful next turn after a defect, kept when it was seen at least
 *       {@value #PAIR_MIN_COUNT} times from at least {@value #PAIR_MIN_CUSTOMERS} customers;
 *   <li><b>naive absorbing chain</b>: chains are runs of turns of a session in which every turn but the last showed a
 *       defect of its own and the next turn followed within the rephrase window; states are the heard requests,
 *       absorbing states SUCCESS and FAILURE; each source is rewritten into the state with the highest probability of
 *       absorbing into SUCCESS there, when that probability is at least {@value #NAIVE_MIN_ABSORPTION};
 *   <li><b>naive chain + two rules</b>: a customer's own chains override it (at least {@value #OWN_MIN_CHAINS} of their
 *       chains from the request ended in the same successful request, and that is at least {@value #OWN_MIN_SHARE} of
 *       their chains from it that ended in a success), and a global rewrite is kept only where its target is the final
 *       success of at least {@value #DOMINANCE} of the distinct customers whose chains from the source ended in a
 *       success.
 * </ul>
 * Customer ids are stored hashed. Not thread-safe; sessions arrive one at a time from the miner.
 */
public final class LogBaselines implements Consumer<MinedSession> {
  static final int PAIR_MIN_COUNT = 3;
  static final int PAIR_MIN_CUSTOMERS = 2;
  static final double NAIVE_MIN_ABSORPTION = 0.3;
  static final int OWN_MIN_CHAINS = 3;
  static final double OWN_MIN_SHARE = 0.6;
  static final double DOMINANCE = 0.7;
  static final String PAIR_FILE = "pair-counting.tsv";
  static final String PAIR_HEADER = "#rewriter-pair-counting\t2";
  static final String NAIVE_FILE = "naive-chain.tsv";
  static final String NAIVE_HEADER = "#rewriter-naive-chain\t1";
  static final String DOMINANT_FILE = "naive-chain-dominant.tsv";
  static final String OWN_FILE = "naive-chain-own.tsv";
  static final String OWN_HEADER = "#rewriter-naive-chain-own\t1";
  private static final String SUCCESS = "\u0000S";
  private static final String FAILURE = "\u0000F";

  private final long windowMs;
  /** from → (to or SUCCESS/FAILURE) → count: the naive chain's transitions. */
  private final Map<String, Map<String, Long>> transitions = new HashMap<>();
  /** source → final successful request → customers whose chains from the source ended there. */
  private final Map<String, Map<String, Set<Long>>> finals = new HashMap<>();
  /** customer hash + source → final successful request → chains. */
  private final Map<String, Map<String, Integer>> own = new HashMap<>();
  /** defect → next successful turn → [count, customers...]. */
  private final Map<String, Map<String, Long>> nextCounts = new HashMap<>();
  private final Map<String, Map<String, Set<Long>>> nextCustomers = new HashMap<>();

  /** Whether {@code dir} holds the baselines this class writes (a model published from a stream has none). */
  public static boolean collectedIn(Path dir) {
    return java.nio.file.Files.isRegularFile(dir.resolve(NAIVE_FILE));
  }

  public LogBaselines(long rephraseWindowMs) {
    this.windowMs = rephraseWindowMs;
  }

  @Override
  public void accept(MinedSession s) {
    List<Turn> t = s.turns();
    int start = 0;
    for (int i = 0; i < t.size(); i++) {
      boolean continues = i + 1 < t.size() && t.get(i).ownDefect()
          && t.get(i + 1).timestampMs() - t.get(i).timestampMs() <= windowMs;
      if (i + 1 < t.size() && t.get(i).ownDefect() && !t.get(i + 1).ownDefect()
          && t.get(i + 1).timestampMs() - t.get(i).timestampMs() <= windowMs) {
        count(t.get(i).heard(), t.get(i + 1).heard(), customer(t.get(i)));
      }
      if (!continues) {
        chain(t.subList(start, i + 1));
        start = i + 1;
      }
    }
  }

  private void chain(List<Turn> c) {
    for (int i = 0; i + 1 < c.size(); i++) {
      transitions.computeIfAbsent(c.get(i).heard(), k -> new HashMap<>()).merge(c.get(i + 1).heard(), 1L, Long::sum);
    }
    Turn last = c.get(c.size() - 1);
    boolean ok = !last.ownDefect();
    transitions.computeIfAbsent(last.heard(), k -> new HashMap<>()).merge(ok ? SUCCESS : FAILURE, 1L, Long::sum);
    if (!ok) {
      return;
    }
    long who = customer(last);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i + 1 < c.size(); i++) {
      String source = c.get(i).heard();
      if (source.equals(last.heard()) || !seen.add(source)) {
        continue;
      }
      finals.computeIfAbsent(source, k -> new HashMap<>()).computeIfAbsent(last.heard(), k -> new HashSet<>())
          .add(who);
      own.computeIfAbsent(ownKey(who, source), k -> new HashMap<>()).merge(last.heard(), 1, Integer::sum);
    }
  }

  private void count(String defect, String next, long who) {
    if (defect.equals(next)) {
      return;
    }
    nextCounts.computeIfAbsent(defect, k -> new HashMap<>()).merge(next, 1L, Long::sum);
    nextCustomers.computeIfAbsent(defect, k -> new HashMap<>()).computeIfAbsent(next, k -> new HashSet<>()).add(who);
  }

  private static long customer(Turn t) {
    return Fnv1a.hash64(t.customerId());
  }

  static String ownKey(long customerHash, String source) {
    return String.format(Locale.ROOT, "%016x", customerHash) + " " + source;
  }

  /** Solves the naive chain and writes every baseline into {@code dir}. */
  public void write(Path dir) {
    Map<String, String> pairs = new HashMap<>();
    nextCounts.forEach((defect, nexts) -> {
      String best = argmax(nexts);
      if (nexts.get(best) >= PAIR_MIN_COUNT && nextCustomers.get(defect).get(best).size() >= PAIR_MIN_CUSTOMERS) {
        pairs.put(defect, best);
      }
    });
    TabSeparatedMap.write(dir.resolve(PAIR_FILE), PAIR_HEADER, pairs);
    Map<String, String> naive = solveNaive();
    TabSeparatedMap.write(dir.resolve(NAIVE_FILE), NAIVE_HEADER, naive);
    Map<String, String> dominant = new HashMap<>();
    naive.forEach((source, target) -> {
      Map<String, Set<Long>> f = finals.getOrDefault(source, Map.of());
      Set<Long> all = new HashSet<>();
      f.values().forEach(all::addAll);
      if (!all.isEmpty() && f.getOrDefault(target, Set.of()).size() >= DOMINANCE * all.size()) {
        dominant.put(source, target);
      }
    });
    TabSeparatedMap.write(dir.resolve(DOMINANT_FILE), NAIVE_HEADER, dominant);
    Map<String, String> ownRewrites = new HashMap<>();
    own.forEach((key, ends) -> {
      int total = ends.values().stream().mapToInt(Integer::intValue).sum();
      String best = argmax(ends);
      int bestCount = ends.get(best);
      if (bestCount >= OWN_MIN_CHAINS && bestCount >= OWN_MIN_SHARE * total) {
        ownRewrites.put(key, best);
      }
    });
    TabSeparatedMap.write(dir.resolve(OWN_FILE), OWN_HEADER, ownRewrites);
  }

  /**
   * For every source, the probability of absorbing into SUCCESS at each state, by propagating the source's
   * probability mass through the transient states until less than {@code 1e-9} remains (exact in the limit). A
   * state's return to itself is summed in closed form (mass m arriving at a state that stays with probability q
   * leaves it, in all, as m / (1 − q) times its other edges): customers who repeat a misheard request would otherwise
   * keep mass circling for hundreds of steps. States are numbered and edges kept in arrays (CSR), so a large log's
   * chain is solved in seconds rather than minutes.
   */
  private Map<String, String> solveNaive() {
    List<String> names = new ArrayList<>(transitions.keySet());
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.put(names.get(i), i);
    }
    int n = names.size();
    int[] start = new int[n + 1];
    double[] success = new double[n];
    List<int[]> edgeTo = new ArrayList<>(n);
    List<double[]> edgeP = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Long> out = transitions.get(names.get(i));
      double total = out.values().stream().mapToLong(Long::longValue).sum();
      double leaves = total - out.getOrDefault(names.get(i), 0L);
      List<Integer> to = new ArrayList<>();
      List<Double> pr = new ArrayList<>();
      if (leaves > 0) {
        for (Map.Entry<String, Long> e : out.entrySet()) {
          Integer j = ids.get(e.getKey());
          if (e.getKey().equals(SUCCESS)) {
            success[i] = e.getValue() / leaves;
          } else if (j != null && j != i) {
            to.add(j);
            pr.add(e.getValue() / leaves);
          }
        }
      }
      edgeTo.add(to.stream().mapToInt(Integer::intValue).toArray());
      edgeP.add(pr.stream().mapToDouble(Double::doubleValue).toArray());
      start[i + 1] = start[i] + to.size();
    }
    int[] to = new int[start[n]];
    double[] prob = new double[start[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(edgeTo.get(i), 0, to, start[i], edgeTo.get(i).length);
      System.arraycopy(edgeP.get(i), 0, prob, start[i], edgeP.get(i).length);
    }
    return propagate(names, start, to, prob, success);
  }

  /** The naive chain's choice per source, from the chain in arrays ({@link #solveNaive}). */
  private static Map<String, String> propagate(List<String> names, int[] start, int[] to, double[] prob,
      double[] success) {
    int n = names.size();
    double[] mass = new double[n];
    double[] next = new double[n];
    double[] absorbed = new double[n];
    int[] current = new int[n];
    int[] following = new int[n];
    int[] absorbedAt = new int[n];
    boolean[] marked = new boolean[n];
    boolean[] absorbing = new boolean[n];
    Map<String, String> out = new HashMap<>();
    for (int source = 0; source < n; source++) {
      int size = 1;
      current[0] = source;
      mass[source] = 1.0;
      int absorbedSize = 0;
      for (int step = 0; step < 1_000 && size > 0; step++) {
        int nextSize = 0;
        double left = 0;
        for (int k = 0; k < size; k++) {
          int i = current[k];
          double m = mass[i];
          mass[i] = 0;
          if (success[i] > 0) {
            if (!absorbing[i]) {
              absorbing[i] = true;
              absorbedAt[absorbedSize++] = i;
            }
            absorbed[i] += m * success[i];
          }
          for (int e = start[i]; e < start[i + 1]; e++) {
            int j = to[e];
            double p = m * prob[e];
            if (!marked[j]) {
              marked[j] = true;
              following[nextSize++] = j;
            }
            next[j] += p;
            left += p;
          }
        }
        double[] swapMass = mass;
        mass = next;
        next = swapMass;
        int[] swapStates = current;
        current = following;
        following = swapStates;
        size = nextSize;
        for (int k = 0; k < size; k++) {
          marked[current[k]] = false;
        }
        if (left < 1e-9) {
          for (int k = 0; k < size; k++) {
            mass[current[k]] = 0;
          }
          size = 0;
        }
      }
      for (int k = 0; k < size; k++) {
        mass[current[k]] = 0; // the step cap ended it: clear what is left
      }
      int best = -1;
      for (int k = 0; k < absorbedSize; k++) {
        int i = absorbedAt[k];
        if (best < 0 || absorbed[i] > absorbed[best]
            || (absorbed[i] == absorbed[best] && names.get(i).compareTo(names.get(best)) < 0)) {
          best = i;
        }
      }
      if (best >= 0 && best != source && absorbed[best] >= NAIVE_MIN_ABSORPTION) {
        out.put(names.get(source), names.get(best));
      }
      for (int k = 0; k < absorbedSize; k++) {
        absorbed[absorbedAt[k]] = 0;
        absorbing[absorbedAt[k]] = false;
      }
    }
    return out;
  }

  /** The key with the largest value (ties: the first in text order), or null for an empty map. */
  static <N extends Number> String argmax(Map<String, N> values) {
    String best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, N> e : values.entrySet()) {
      double v = e.getValue().doubleValue();
      if (v > bestValue || (v == bestValue && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestValue = v;
      }
    }
    return best;
  }

  /** Loads a written baseline map. */
  static Map<String, String> read(Path dir, String file, String header) {
    return TabSeparatedMap.read(dir.resolve(file), header);
  }

  static List<String> files() {
    return new ArrayList<>(List.of(PAIR_FILE, NAIVE_FILE, DOMINANT_FILE, OWN_FILE));
  }
}
