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
   * probability mass through the transient states until less than {@code 1e-9} remains (exact in the limit).
   */
  private Map<String, String> solveNaive() {
    Map<String, double[]> rows = new HashMap<>(); // state → [outgoing total]
    transitions.forEach((s, out) -> rows.put(s, new double[] {out.values().stream().mapToLong(Long::longValue).sum()}));
    Map<String, String> out = new HashMap<>();
    for (String source : transitions.keySet()) {
      Map<String, Double> mass = new HashMap<>(Map.of(source, 1.0));
      Map<String, Double> absorbed = new HashMap<>();
      for (int step = 0; step < 1_000 && !mass.isEmpty(); step++) {
        Map<String, Double> next = new HashMap<>();
        double left = 0;
        for (Map.Entry<String, Double> m : mass.entrySet()) {
          Map<String, Long> edges = transitions.get(m.getKey());
          double total = rows.get(m.getKey())[0];
          for (Map.Entry<String, Long> e : edges.entrySet()) {
            double p = m.getValue() * e.getValue() / total;
            if (e.getKey().equals(SUCCESS)) {
              absorbed.merge(m.getKey(), p, Double::sum);
            } else if (!e.getKey().equals(FAILURE) && transitions.containsKey(e.getKey())) {
              next.merge(e.getKey(), p, Double::sum);
              left += p;
            }
          }
        }
        mass = left < 1e-9 ? Map.of() : next;
      }
      String best = argmax(absorbed);
      if (best != null && !best.equals(source) && absorbed.get(best) >= NAIVE_MIN_ABSORPTION) {
        out.put(source, best);
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
