package org.selflearn.rewriter.offline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.offline.privacy.ContributionBounder.Bounded;
import org.selflearn.rewriter.offline.privacy.ContributionBounder.Contribution;

class ContributionBounderTest {
  private static final int L = 3;
  private static final int M = 5;
  private final ContributionBounder bounder = new ContributionBounder(L, M, 0x5eedL);

  /** 400 customers, each a few chains from a few of 60 requests; each chain contributes to 1–3 targets. */
  private static List<Contribution<String>> world(long seed) {
    Random r = new Random(seed);
    List<Contribution<String>> out = new ArrayList<>();
    for (int c = 0; c < 400; c++) {
      int chains = 1 + r.nextInt(12);
      for (int k = 0; k < chains; k++) {
        String source = "request " + r.nextInt(60);
        int targets = 1 + r.nextInt(3);
        for (int t = 0; t < targets; t++) {
          out.add(new Contribution<>("c-" + c, source, "chain " + k, "target " + r.nextInt(60)));
        }
      }
    }
    return out;
  }

  /** One customer with 10,000 events: chains from all 60 requests, one of them said 5,000 times. */
  private static List<Contribution<String>> heavyCustomer() {
    List<Contribution<String>> out = new ArrayList<>();
    for (int e = 0; e < 10_000; e++) {
      String source = e < 5_000 ? "request 7" : "request " + (e % 60);
      out.add(new Contribution<>("c-heavy", source, "chain " + e, "target " + (e % 13)));
    }
    return out;
  }

  @Test
  void oneCustomerWithTenThousandEventsChangesEachReleasedCountByAtMostItsBound() {
    List<Contribution<String>> base = world(1);
    List<Contribution<String>> withHeavy = new ArrayList<>(base);
    withHeavy.addAll(heavyCustomer());
    Bounded<String> a = bounder.bound(base);
    Bounded<String> b = bounder.bound(withHeavy);

    assertWithinBound(a.chainsBySource(), b.chainsBySource(), bounder.chainsBySource());
    assertWithinBound(a.customersBySource(), b.customersBySource(), bounder.customersBySource());

    // the released counts, with the noise of each key coupled between the two runs: a key both runs have moves by at
    // most the bound (a key only the new customer has is partition selection's business: δ)
    NoisyCounts counts = new NoisyCounts(1.0, bounder.chainsBySource(), NoiseSampler.secure());
    SortedMap<String, Long> ra = counts.release(a.chainsBySource(), k -> keyNoise(counts.noise(), k));
    SortedMap<String, Long> rb = counts.release(b.chainsBySource(), k -> keyNoise(counts.noise(), k));
    rb.keySet().retainAll(ra.keySet());
    assertWithinBound(ra, rb, bounder.chainsBySource());
    PartitionSelection selection = new PartitionSelection(1.0, 1e-6, bounder.customersBySource(),
        NoiseSampler.secure());
    SortedMap<String, Long> sa = selection.select(a.customersBySource(), k -> keyNoise(selection.noise(), k));
    SortedMap<String, Long> sb = selection.select(b.customersBySource(), k -> keyNoise(selection.noise(), k));
    for (String k : sa.keySet()) {
      if (sb.containsKey(k)) {
        assertThat(Math.abs(sb.get(k) - sa.get(k))).as(k).isLessThanOrEqualTo(1);
      }
    }
  }

  /** The same key gets the same noise in both runs: a draw from a sampler seeded by the key. */
  private static long keyNoise(DiscreteLaplace noise, String key) {
    return new NoiseSampler(new SplittableRandom(key.hashCode())).discreteLaplace(noise);
  }

  private static void assertWithinBound(Map<String, Long> a, Map<String, Long> b, Sensitivity bound) {
    Set<String> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    long l1 = 0;
    int changed = 0;
    for (String k : keys) {
      long d = Math.abs(b.getOrDefault(k, 0L) - a.getOrDefault(k, 0L));
      assertThat(d).as("change of %s", k).isLessThanOrEqualTo(bound.maxPerKey());
      l1 += d;
      changed += d > 0 ? 1 : 0;
    }
    assertThat(changed).as("keys changed").isLessThanOrEqualTo(bound.maxKeys());
    assertThat(l1).as("L1 change").isLessThanOrEqualTo(bound.l1()).isPositive();
  }

  @Test
  void keepsTheSameContributionsWhateverTheOrderOrTheSplit() {
    List<Contribution<String>> all = world(2);
    all.addAll(heavyCustomer());
    Bounded<String> once = bounder.bound(all);
    List<Contribution<String>> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(9));
    Bounded<String> again = bounder.bound(shuffled);
    assertThat(canonical(again.kept())).as("the kept set").isEqualTo(canonical(once.kept()));
    assertThat(List.of(again.droppedRequests(), again.droppedChains(), again.droppedContributions()))
        .isEqualTo(List.of(once.droppedRequests(), once.droppedChains(), once.droppedContributions()));
    // a per-customer transformation: bounding the heavy customer alone keeps what bounding everyone kept of them
    List<Contribution<String>> heavyKept = once.kept().stream().filter(c -> c.customer().equals("c-heavy")).toList();
    assertThat(canonical(bounder.bound(heavyCustomer()).kept())).isEqualTo(canonical(heavyKept));
    assertThat(heavyKept.stream().map(Contribution::source).distinct().count()).isEqualTo(M);
  }

  /** The kept set as one string per contribution, sorted (a short digest, so a failure does not print the world). */
  private static String canonical(List<Contribution<String>> kept) {
    List<String> lines = new ArrayList<>(kept.stream().map(Contribution::toString).toList());
    Collections.sort(lines);
    return lines.size() + " contributions, digest " + Integer.toHexString(lines.hashCode());
  }

  @Test
  void reportsWhatItDropped() {
    List<Contribution<String>> in = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      for (int c = 0; c < 4; c++) {
        in.add(new Contribution<>("c", "r" + s, "k" + c, "a"));
        in.add(new Contribution<>("c", "r" + s, "k" + c, "b")); // two contributions of one chain go together
      }
    }
    Bounded<String> b = new ContributionBounder(2, 2, 1).bound(in);
    assertThat(b.kept()).hasSize(2 * 2 * 2);
    assertThat(b.droppedRequests()).isEqualTo(1);
    assertThat(b.droppedChains()).isEqualTo(4 + 2 + 2);
    assertThat(b.droppedContributions()).isEqualTo(2 * (4 + 2 + 2));
    assertThat(b.chainsBySource().values()).containsOnly(2L);
    assertThat(b.customersBySource().values()).containsOnly(1L);
  }

  @Test
  void preferredRequestsAreKeptFirstAndTheirChainsStillByHash() {
    List<Contribution<String>> in = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      in.add(new Contribution<>("c", "works " + s, "k" + s, "ok"));
    }
    for (int k = 0; k < 6; k++) {
      in.add(new Contribution<>("c", "misheard", "m" + k, k == 0 ? "rephrased" : "ok"));
    }
    Bounded<String> plain = new ContributionBounder(2, 1, 5).bound(in);
    Bounded<String> preferring = new ContributionBounder(2, 1, 5).bound(in, "rephrased"::equals);
    assertThat(preferring.kept()).extracting(Contribution::source).containsOnly("misheard").hasSize(2);
    assertThat(plain.kept()).extracting(Contribution::source).doesNotContain("misheard");
    // the preference picks requests, never chains: the chains kept of "misheard" are those its hash ranks first
    List<Contribution<String>> alone = in.stream().filter(c -> c.source().equals("misheard")).toList();
    assertThat(preferring.kept()).isEqualTo(new ContributionBounder(2, 1, 5).bound(alone).kept());
  }

  @Test
  void rejectsBoundsBelowOne() {
    assertThatThrownBy(() -> new ContributionBounder(0, 5, 1)).hasMessageContaining("maxChainsPerRequest (L)");
    assertThatThrownBy(() -> new ContributionBounder(3, 0, 1)).hasMessageContaining("maxRequests (M)");
  }

  @Test
  void aPrunedWindowGrownByMoreContributionsKeepsWhatTheWholeWindowKeeps() {
    List<Contribution<String>> all = world(4);
    all.addAll(heavyCustomer());
    Collections.shuffle(all, new Random(5));
    java.util.function.Predicate<String> preferred = v -> v.endsWith("7"); // some chains of some sources
    List<Contribution<String>> held = new ArrayList<>();
    int step = 997;
    for (int from = 0; from < all.size(); from += step) {
      held.addAll(all.subList(from, Math.min(all.size(), from + step)));
      held = bounder.prune(held, preferred);
      List<Contribution<String>> seen = all.subList(0, Math.min(all.size(), from + step));
      assertThat(bounder.bound(held, preferred).kept()).as("after %d contributions", seen.size())
          .isEqualTo(bounder.bound(seen, preferred).kept());
    }
    assertThat(held.size()).as("pruning dropped something").isLessThan(all.size());
  }

  @Test
  void pruningKeepsAPreferredChainBeyondTheFirstLSoTheSourceStaysPreferred() {
    List<Contribution<String>> chains = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      chains.add(new Contribution<>("c", "s", "chain " + k, "plain"));
    }
    // which chain is ranked last is the bounder's choice: mark it preferred
    List<Contribution<String>> ranked = bounder.bound(chains).kept();
    Set<String> first = new HashSet<>();
    ranked.forEach(c -> first.add(c.chain()));
    String beyond = chains.stream().map(Contribution::chain).filter(c -> !first.contains(c)).findFirst().orElseThrow();
    chains.replaceAll(c -> c.chain().equals(beyond) ? new Contribution<>("c", "s", beyond, "rephrased") : c);
    List<Contribution<String>> pruned = bounder.prune(chains, "rephrased"::equals);
    assertThat(pruned).hasSize(L + 1).extracting(Contribution::chain).contains(beyond);
  }
}
