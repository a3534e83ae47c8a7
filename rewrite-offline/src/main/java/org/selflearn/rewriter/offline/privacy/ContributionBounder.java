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
   * {@code preferred} contribution (e.g. the requests the customer had to rephrase), then the others, each group by
   * keyed hash. The preference reads only the customer's own contributions, so bounding stays a per-customer
   * transformation and the sensitivities are unchanged; the chains kept within a source are still chosen by hash
   * alone, whatever their values.
   */
  public <T> Bounded<T> bound(Collection<Contribution<T>> contributions, Predicate<? super T> preferred) {
    // customer → source → chain → contributions, each level ordered by keyed hash then text
    Map<String, Map<String, Map<String, List<Contribution<T>>>>> tree = new HashMap<>();
    for (Contribution<T> c : contributions) {
      tree.computeIfAbsent(c.customer(), k -> new HashMap<>()).computeIfAbsent(c.source(), k -> new HashMap<>())
          .computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
    }
    List<Contribution<T>> kept = new ArrayList<>();
    long droppedRequests = 0;
    long droppedChains = 0;
    long droppedContributions = 0;
    for (String customer : new java.util.TreeSet<>(tree.keySet())) {
      long hc = mix(key ^ Fnv1a.hash64(customer));
      Map<String, Map<String, List<Contribution<T>>>> bySource = tree.get(customer);
      List<String> sources = ranked(bySource.keySet(), hc);
      sources.sort(Comparator.comparing((String src) -> !anyPreferred(bySource.get(src), preferred))); // stable
      for (int i = 0; i < sources.size(); i++) {
        String source = sources.get(i);
        Map<String, List<Contribution<T>>> byChain = bySource.get(source);
        List<String> chains = ranked(byChain.keySet(), mix(hc ^ Fnv1a.hash64(source)));
        int keep = i < maxRequests ? Math.min(maxChainsPerRequest, chains.size()) : 0;
        droppedRequests += i < maxRequests ? 0 : 1;
        for (int j = 0; j < chains.size(); j++) {
          List<Contribution<T>> of = byChain.get(chains.get(j));
          if (j < keep) {
            kept.addAll(of);
          } else {
            droppedChains++;
            droppedContributions += of.size();
          }
        }
      }
    }
    return new Bounded<>(kept, droppedRequests, droppedChains, droppedContributions);
  }

  private static <T> boolean anyPreferred(Map<String, List<Contribution<T>>> byChain,
      Predicate<? super T> preferred) {
    for (List<Contribution<T>> chain : byChain.values()) {
      for (Contribution<T> c : chain) {
        if (preferred.test(c.value())) {
          return true;
        }
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
