package org.selflearn.rewriter.markov;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates transition counts between named states and builds the absorbing chains. Not thread-safe.
 *
 * <p>Smoothing: every state receives {@code smoothing} pseudo-counts towards FAILURE before normalising its row, so a
 * state seen once with a lucky success is not certain, and every state can reach an absorbing state.
 */
public final class ChainBuilder {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private double[] success = new double[16];
  private double[] failure = new double[16];
  private long[] edgeKeys = new long[64];
  private double[] edgeCounts = new double[64];
  private int edges;
  private final Map<Long, Integer> edgeIndex = new HashMap<>();

  /** The id of a state, created on first use. */
  public int state(String name) {
    Integer id = ids.get(name);
    if (id != null) {
      return id;
    }
    int n = names.size();
    ids.put(name, n);
    names.add(name);
    if (n == success.length) {
      success = Arrays.copyOf(success, n * 2);
      failure = Arrays.copyOf(failure, n * 2);
    }
    return n;
  }

  /** Number of states so far. */
  public int size() {
    return names.size();
  }

  /** Name of a state id. */
  public String name(int id) {
    return names.get(id);
  }

  /** Adds {@code count} observed transitions from one transient state to another (self-loops allowed). */
  public void addTransition(int from, int to, double count) {
    checkCount(count);
    long key = ((long) from << 32) | (to & 0xffffffffL);
    Integer idx = edgeIndex.get(key);
    if (idx == null) {
      if (edges == edgeKeys.length) {
        edgeKeys = Arrays.copyOf(edgeKeys, edges * 2);
        edgeCounts = Arrays.copyOf(edgeCounts, edges * 2);
      }
      edgeIndex.put(key, edges);
      edgeKeys[edges] = key;
      edgeCounts[edges++] = count;
    } else {
      edgeCounts[idx] += count;
    }
  }

  /** Adds observed absorptions into SUCCESS from a state. */
  public void addSuccess(int state, double count) {
    checkCount(count);
    success[state] += count;
  }

  /** Adds observed absorptions into FAILURE from a state. */
  public void addFailure(int state, double count) {
    checkCount(count);
    failure[state] += count;
  }

  private static void checkCount(double count) {
    if (!(count >= 0) || Double.isInfinite(count)) {
      throw new IllegalArgumentException("transition count must be finite and >= 0, got " + count);
    }
  }

  /**
   * Builds one chain per connected group of states (edges taken as undirected).
   *
   * @param smoothing pseudo-counts added towards FAILURE for every state, >= 0
   */
  public ChainSet build(double smoothing) {
    if (!(smoothing >= 0)) {
      throw new IllegalArgumentException("smoothing must be >= 0, got " + smoothing);
    }
    int n = names.size();
    UnionFind uf = new UnionFind(n);
    for (int e = 0; e < edges; e++) {
      uf.union((int) (edgeKeys[e] >>> 32), (int) edgeKeys[e]);
    }
    int[] groupOf = new int[n];
    int[] groupSize = new int[n];
    int groups = 0;
    int[] rootGroup = new int[n];
    Arrays.fill(rootGroup, -1);
    for (int s = 0; s < n; s++) {
      int r = uf.find(s);
      if (rootGroup[r] < 0) {
        rootGroup[r] = groups++;
      }
      groupOf[s] = rootGroup[r];
      groupSize[groupOf[s]]++;
    }
    int[][] members = new int[groups][];
    int[] fill = new int[groups];
    for (int g = 0; g < groups; g++) {
      members[g] = new int[groupSize[g]];
    }
    int[] local = new int[n];
    for (int s = 0; s < n; s++) {
      int g = groupOf[s];
      local[s] = fill[g];
      members[g][fill[g]++] = s;
    }
    double[] rowTotal = new double[n];
    for (int s = 0; s < n; s++) {
      rowTotal[s] = success[s] + failure[s] + smoothing;
    }
    for (int e = 0; e < edges; e++) {
      rowTotal[(int) (edgeKeys[e] >>> 32)] += edgeCounts[e];
    }
    // edges sorted by source so that each group's rows are contiguous
    Integer[] order = new Integer[edges];
    for (int e = 0; e < edges; e++) {
      order[e] = e;
    }
    Arrays.sort(order, (a, b) -> Long.compare(edgeKeys[a], edgeKeys[b]));
    int[] outStart = new int[n + 1];
    for (int e = 0; e < edges; e++) {
      outStart[(int) (edgeKeys[e] >>> 32) + 1]++;
    }
    for (int s = 0; s < n; s++) {
      outStart[s + 1] += outStart[s];
    }
    List<AbsorbingChain> chains = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      int[] m = members[g];
      int size = m.length;
      int[] rowPtr = new int[size + 1];
      for (int i = 0; i < size; i++) {
        rowPtr[i + 1] = rowPtr[i] + outStart[m[i] + 1] - outStart[m[i]];
      }
      int[] col = new int[rowPtr[size]];
      double[] val = new double[rowPtr[size]];
      double[] rs = new double[size];
      double[] rf = new double[size];
      for (int i = 0; i < size; i++) {
        int s = m[i];
        double total = rowTotal[s];
        int k = rowPtr[i];
        for (int p = outStart[s]; p < outStart[s + 1]; p++) {
          int e = order[p];
          col[k] = local[(int) edgeKeys[e]];
          val[k++] = total > 0 ? edgeCounts[e] / total : 0;
        }
        rs[i] = total > 0 ? success[s] / total : 0;
        rf[i] = total > 0 ? (failure[s] + smoothing) / total : 0;
      }
      chains.add(new AbsorbingChain(m, rowPtr, col, val, rs, rf, this::name));
    }
    return new ChainSet(n, chains);
  }

  /** Disjoint-set forest with path halving and union by size. */
  private static final class UnionFind {
    private final int[] parent;
    private final int[] size;

    UnionFind(int n) {
      parent = new int[n];
      size = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        size[i] = 1;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return;
      }
      if (size[ra] < size[rb]) {
        int t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
    }
  }
}
