package org.selflearn.rewriter.offline.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.privacy.ContributionBounder;
import org.selflearn.rewriter.offline.privacy.ContributionBounder.Bounded;
import org.selflearn.rewriter.offline.privacy.ContributionBounder.Contribution;

/**
 * Bounded contribution of one publish window (docs/privacy.md), the only global statistics mined while differential
 * privacy is on. Every chain a customer said adds one <em>part</em> per distinct request in it: the request, and what
 * the chain from there came to ({@link RequestVote.Outcome}). At the end of the window {@link ContributionBounder}
 * keeps, per customer, at most M requests — those the customer rephrased into success first, then the others, each
 * by keyed hash — and at most L chains of each; each kept (customer, request) then casts one vote, the outcome most of its kept
 * chains had (ties: the chain ranked first). A vote count therefore moves by at most 1 per customer and a customer
 * reaches at most M of them, whatever they said and how often. Facts (domain, meaning) travel with the votes.
 *
 * <p>File mode holds the window in memory ({@link FileMiner}) and bounds it once, at its end; the streaming job holds
 * it per customer ({@link CustomerVotes}) and bounds that customer again whenever their window grows. Both use this
 * class's parts ({@link #parts}), {@link ContributionBounder}'s rule and this class's votes ({@link #cast}), so they
 * cannot drift apart. Not thread-safe.
 */
public final class RequestVotes {
  /** Key of the bounding hash: it decides which requests and chains are kept, never how many. */
  public static final long BOUNDING_KEY = 0x5e1f_1ea7_0b0d_1e5L;

  /** What one chain said about one request. */
  record Part(Outcome outcome, String target, LatestValue domain, LatestValue meaning) {
    RequestVote vote(String request) {
      return new RequestVote(request, outcome, target);
    }
  }

  /**
   * The requests bounding keeps first: those the customer had to rephrase and then got right (a FIXED chain). Only
   * "s fixed with t" and "r works" votes can put anything in a model, and customers who fixed a request tend to fix it
   * the way others do; on d1 preferring these over every rephrased request (LOST chains too) nearly doubles the
   * FIXED votes cast with M = 1 (664 → 1,177) and the most-voted fix's count (10 → 23).
   */
  static final Predicate<Part> PREFERRED = p -> p.outcome() == Outcome.FIXED;

  private final ContributionBounder bounder;
  private final List<Contribution<Part>> window = new ArrayList<>();
  private Map<String, Object> report = Map.of();

  public RequestVotes(ContributionBounder bounder) {
    this.bounder = bounder;
  }

  /** Adds a closed session's parts to its customer's window. */
  public void accept(MinedSession s) {
    parts(s, window::add);
  }

  /** The parts of a session: one per chain and distinct request in it, the chain from its first occurrence. */
  static void parts(MinedSession s, Consumer<Contribution<Part>> out) {
    List<Turn> t = s.turns();
    for (int[] c : s.chains()) {
      int last = c[1];
      String chain = t.get(c[0]).eventId();
      Set<String> seen = new HashSet<>();
      for (int i = c[0]; i <= last; i++) {
        Turn turn = t.get(i);
        if (seen.add(turn.state())) {
          out.accept(new Contribution<>(turn.customerId(), turn.state(), chain, part(s, i, last)));
        }
      }
    }
  }

  private static Part part(MinedSession s, int i, int last) {
    Turn turn = s.turns().get(i);
    LatestValue domain = SessionMiner.domainFact(turn, s.success(i));
    LatestValue meaning = SessionMiner.meaningFact(turn);
    if (i == last) {
      return new Part(s.success(i) ? Outcome.OK : Outcome.FAILED, null, domain, meaning);
    }
    String end = s.turns().get(last).state();
    boolean fixed = s.success(last) && !end.equals(turn.state());
    return new Part(fixed ? Outcome.FIXED : Outcome.LOST, fixed ? end : null, domain, meaning);
  }

  /**
   * Bounds every customer's window and counts the votes: vote key → (count = customers who cast it, facts). Empties
   * the window.
   */
  public Map<String, StatValue> finish() {
    Bounded<Part> bounded = bounder.bound(window, PREFERRED);
    Map<String, StatValue> votes = new HashMap<>();
    long cast = cast(bounded.kept(), (key, facts) -> votes.merge(key, facts, StatValue::merge));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("maxChainsPerRequest", bounder.chainsBySource().maxPerKey());
    r.put("maxRequestsPerCustomer", bounder.chainsBySource().maxKeys());
    r.put("parts", (long) window.size());
    r.put("votes", cast);
    r.put("droppedRequests", bounded.droppedRequests());
    r.put("droppedChains", bounded.droppedChains());
    report = r;
    window.clear();
    return votes;
  }

  /**
   * The votes of bounded contributions, in one place for file mode and the streaming job: each (customer, request)
   * group of {@code kept} (grouped by customer, then request, chains in rank order, as {@link ContributionBounder}
   * keeps them) casts one vote, handed to {@code out} as (vote key, count 1 with the facts of its kept chains).
   *
   * @return how many votes were cast
   */
  static long cast(List<Contribution<Part>> kept, BiConsumer<String, StatValue> out) {
    long cast = 0;
    int from = 0;
    while (from < kept.size()) {
      int to = from;
      Contribution<Part> first = kept.get(from);
      while (to < kept.size() && kept.get(to).customer().equals(first.customer())
          && kept.get(to).source().equals(first.source())) {
        to++;
      }
      out.accept(vote(first.source(), kept.subList(from, to)).key(), facts(kept.subList(from, to)));
      cast++;
      from = to;
    }
    return cast;
  }

  /** What bounding kept and dropped, after {@link #finish()}. */
  public Map<String, Object> report() {
    return report;
  }

  /** The outcome most of a customer's kept chains from the request had; ties: the first in rank order. */
  static RequestVote vote(String request, List<Contribution<Part>> chains) {
    Map<RequestVote, Integer> tally = new LinkedHashMap<>(); // in order of first appearance
    for (Contribution<Part> c : chains) {
      tally.merge(c.value().vote(request), 1, Integer::sum);
    }
    RequestVote best = null;
    int bestCount = 0;
    for (Map.Entry<RequestVote, Integer> e : tally.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static StatValue facts(List<Contribution<Part>> chains) {
    LatestValue domain = null;
    LatestValue meaning = null;
    for (Contribution<Part> c : chains) {
      domain = LatestValue.mergeNullable(domain, c.value().domain());
      meaning = LatestValue.mergeNullable(meaning, c.value().meaning());
    }
    return new StatValue(1, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY, domain, meaning);
  }
}
