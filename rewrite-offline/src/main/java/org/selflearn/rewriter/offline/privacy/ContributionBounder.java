package org.selflearn.rewriter.offline.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.selflearn.rewriter.common.text.Fnv1a;

/**
 * Bounded contribution, the step that makes a sensitivity true instead of assumed: of one publish window's
 * contributions, each customer keeps at most {@code maxRequests} distinct source requests, and for each of those at
 * most {@code maxChainsPerRequest} distinct chains. Which ones are kept is decided by a keyed hash of (customer,
 * request) and (customer, request, chain) — the smallest hashes win, ties by text; optionally the requests a
 * predicate on the customer's own contributions prefers come first — so the result depends neither on arrival order
 * nor on how the input was split, and one customer's choice never depends on another customer's data
 * (the bounding is a per-customer transformation, as DP with user-level contribution bounds requires: Wilson et al.,
 * "Differentially Private SQL with Bounded User Contribution", PoPETs 2020). Pure and immutable.
 */
public final class ContributionBounder {
  /**
   * One contribution: something a customer's chain from a source request adds to the statistics.
   *
   * @param customer the customer
   * @param source the source request the chain starts from (a partition of the global statistics)
   * @param chain identifies the chain within the customer's window (several contributions may share one)
   * @param value what the chain contributes (opaque here)
   * @param <T> the value type
   */
  public record Contribution<T>(String customer, String source, String chain, T value) {}

  /**
   * What bounding kept and what it dropped.
   *
   * @param kept the kept contributions, grouped by customer, then source, then chain; which are kept and the order of
   *     the groups depend only on the input set, the order within one chain is the input order
   * @param droppedRequests (customer, source) pairs dropped because the customer had more than the cap
   * @param droppedChains chains dropped (those of dropped requests included)
   * @param droppedContributions contributions dropped
   * @param <T> the value type
   */
  public record Bounded<T>(List<Contribution<T>> kept, long droppedRequests, long droppedChains,
      long droppedContributions) {
    /** Kept chains per source request: each customer adds at most {@code maxChainsPerRequest} to at most M keys. */
    public Map<String, Long> chainsBySource() {
      Map<String, Long> out = new TreeMap<>();
      String lastCustomer = null;
      String lastSource = null;
      String lastChain = null;
      for (Contribution<T> c : kept) {
        if (!(c.customer().equals(lastCustomer) && c.source().equals(lastSource) && c.chain().equals(lastChain))) {
          out.merge(c.source(), 1L, Long::sum);
        }
        lastCustomer = c.customer();
        lastSource = c.source();
        lastChain = c.chain();
      }
      return out;
    }

    /** Distinct customers per source request: each customer adds at most 1 to at most M keys. */
    public Map<String, Long> customersBySource() {
      Map<String, Long> out = new TreeMap<>();
      String lastCustomer = null;
      String lastSource = null;
      for (Contribution<T> c : kept) {
        if (!(c.customer().equals(lastCustomer) && c.source().equals(lastSource))) {
          out.merge(c.source(), 1L, Long::sum);
        }
        lastCustomer = c.customer();
        lastSource = c.source();
      }
      return out;
    }
  }

  private final int maxChainsPerRequest;
  private final int maxRequests;
  private final long key;

  /**
   * @param maxChainsPerRequest L: chains kept per (customer, source request), at least 1
   * @param maxRequests M: distinct source requests kept per customer and window, at least 1
   * @param key the hash key (e.g. per deployment); any value bounds correctly, it only decides which are kept
   */
  public ContributionBounder(int maxChainsPerRequest, int maxRequests, long key) {
    if (maxChainsPerRequest < 1) {
      throw new IllegalArgumentException("maxChainsPerRequest (L) must be at least 1, got " + maxChainsPerRequest);
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests (M) must be at least 1, got " + maxRequests);
    }
    this.maxChainsPerRequest = maxChainsPerRequest;
    this.maxRequests = maxRequests;
    this.key = key;
  }

  /** Counts of chains per source request after bounding: at most M keys per customer, at most L each. */
  public Sensitivity chainsBySource() {
    return new Sensitivity(maxRequests, maxChainsPerRequest);
  }

  /** Counts of distinct customers per source request after bounding: at most M keys per customer, 1 each. */
  public Sensitivity customersBySource() {
    return new Sensitivity(maxRequests, 1);
  }

  /** Bounds one publish window's contributions, every source request ranked by keyed hash alone. */
  public <T> Bounded<T> bound(Collection<Contribution<T>> contributions) {
    return bound(contributions, v -> false);
  }

  /**
   * Bounds one publish window's contributions, keeping first, for each customer, the source requests that have a
   * {@code preferred} contribution (e.g. the requests the customer rephrased into success), then the others, each group by
   * keyed hash. The preference reads only the customer's own contributions, so bounding stays a per-customer
   * transformation and the sensitivities are unchanged; the chains kept within a source are still chosen by hash
   * alone, whatever their values.
   */
  public <T> Bounded<T> bound(Collection<Contribution<T>> contributions, Predicate<? super T> preferred) {
    List<Contribution<T>> kept = new ArrayList<>();
    long[] dropped = new long[3]; // requests, chains, contributions
    forEachRankedChain(contributions, preferred, (rank, chainRank, chain) -> {
      boolean keep = rank < maxRequests && chainRank < maxChainsPerRequest;
      dropped[0] += rank >= maxRequests && chainRank == 0 ? 1 : 0;
      if (keep) {
        kept.addAll(chain);
      } else {
        dropped[1]++;
        dropped[2] += chain.size();
      }
    });
    return new Bounded<>(kept, dropped[0], dropped[1], dropped[2]);
  }

  /**
   * What {@link #bound(Collection, Predicate)} can still keep of these contributions when more are added later: per
   * customer and source request, the chains ranked first (at most L) and, when none of those is preferred, the first
   * preferred chain (so that the source keeps its preference). For any further contributions {@code y},
   * {@code bound(prune(x) ∪ y)} keeps exactly what {@code bound(x ∪ y)} keeps: a customer's window can be held pruned,
   * at most L + 1 chains per distinct request, however often they repeat it (the streaming job's per-customer state).
   * The requests themselves cannot be pruned: any of them may be preferred later and move into the first M.
   */
  public <T> List<Contribution<T>> prune(Collection<Contribution<T>> contributions, Predicate<? super T> preferred) {
    List<Contribution<T>> out = new ArrayList<>();
    boolean[] preferredKept = new boolean[1];
    forEachRankedChain(contributions, preferred, (rank, chainRank, chain) -> {
      if (chainRank == 0) {
        preferredKept[0] = false;
      }
      boolean isPreferred = anyPreferred(chain, preferred);
      if (chainRank < maxChainsPerRequest || (isPreferred && !preferredKept[0])) {
        out.addAll(chain);
        preferredKept[0] |= isPreferred;
      }
    });
    return out;
  }

  /** Sees one chain's contributions with the rank of its source within the customer and its rank within the source. */
  private interface RankedChain<T> {
    void accept(int sourceRank, int chainRank, List<Contribution<T>> chain);
  }

  /**
   * The bounding rule's order, in one place: customers by id; each customer's sources with a {@code preferred}
   * contribution first, then the others, each group by keyed hash of (customer, source); each source's chains by keyed
   * hash of (customer, source, chain). Ties by text.
   */
  private <T> void forEachRankedChain(Collection<Contribution<T>> contributions, Predicate<? super T> preferred,
      RankedChain<T> out) {
    // customer → source → chain → contributions
    Map<String, Map<String, Map<String, List<Contribution<T>>>>> tree = new HashMap<>();
    for (Contribution<T> c : contributions) {
      tree.computeIfAbsent(c.customer(), k -> new HashMap<>()).computeIfAbsent(c.source(), k -> new HashMap<>())
          .computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
    }
    for (String customer : new java.util.TreeSet<>(tree.keySet())) {
      long hc = mix(key ^ Fnv1a.hash64(customer));
      Map<String, Map<String, List<Contribution<T>>>> bySource = tree.get(customer);
      List<String> sources = ranked(bySource.keySet(), hc);
      sources.sort(Comparator.comparing((String src) -> !anyPreferred(bySource.get(src), preferred))); // stable
      for (int i = 0; i < sources.size(); i++) {
        Map<String, List<Contribution<T>>> byChain = bySource.get(sources.get(i));
        List<String> chains = ranked(byChain.keySet(), mix(hc ^ Fnv1a.hash64(sources.get(i))));
        for (int j = 0; j < chains.size(); j++) {
          out.accept(i, j, byChain.get(chains.get(j)));
        }
      }
    }
  }

  private static <T> boolean anyPreferred(List<Contribution<T>> chain, Predicate<? super T> preferred) {
    for (Contribution<T> c : chain) {
      if (preferred.test(c.value())) {
        return true;
      }
    }
    return false;
  }

  private static <T> boolean anyPreferred(Map<String, List<Contribution<T>>> byChain,
      Predicate<? super T> preferred) {
    for (List<Contribution<T>> chain : byChain.values()) {
      if (anyPreferred(chain, preferred)) {
        return true;
      }
    }
    return false;
  }

  /** The names ordered by keyed hash (unsigned), ties by text. */
  private static List<String> ranked(Collection<String> names, long seed) {
    List<String> out = new ArrayList<>(names);
    out.sort(Comparator.<String>comparingLong(n -> mix(seed ^ Fnv1a.hash64(n)) ^ Long.MIN_VALUE)
        .thenComparing(Comparator.naturalOrder()));
    return out;
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014): spreads a 64-bit value over all bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
