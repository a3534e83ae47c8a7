package org.selflearn.rewriter.offline.train;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.mining.RequestVote;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * The bounded votes of one publish window ({@link org.selflearn.rewriter.offline.mining.RequestVotes}), read for their
 * private release: the candidates of partition selection, and the per-request totals of each outcome. A key whose
 * count is 0 (the streaming job retracted every vote on it) is not there: no customer votes on it, and a candidate
 * with no voter would tell that someone once did. Refuses statistics that were not bounded per customer. Immutable.
 */
final class VoteTally {
  /** The outcomes whose votes can make a key appear in a model: a request that works, a rewrite that fixes. */
  private static final Set<Outcome> RELEASABLE = Set.of(Outcome.OK, Outcome.FIXED);

  private final Map<RequestVote, Long> votes;
  private final Map<String, LatestValue> domains;
  private final Map<String, LatestValue> meanings;

  private VoteTally(Map<RequestVote, Long> votes, Map<String, LatestValue> domains,
      Map<String, LatestValue> meanings) {
    this.votes = votes;
    this.domains = domains;
    this.meanings = meanings;
  }

  /** Reads mined statistics that must all be bounded votes. */
  static VoteTally of(Map<String, StatValue> stats) {
    Map<RequestVote, Long> votes = new HashMap<>();
    Map<String, LatestValue> domains = new HashMap<>();
    Map<String, LatestValue> meanings = new HashMap<>();
    for (Map.Entry<String, StatValue> e : stats.entrySet()) {
      if (StatKey.kind(e.getKey()) != StatKey.VOTE) {
        throw new IllegalStateException("privacy.epsilon is set, but these statistics were not bounded per customer"
            + " (a statistic of kind " + StatKey.kind(e.getKey()) + "): they were mined with privacy.epsilon=0."
            + " Train from the log file with privacy.epsilon > 0, or publish from a streaming job that has run with"
            + " privacy.epsilon > 0 from its start (a new stream.application-id and stream.stats-topic;"
            + " docs/privacy.md).");
      }
      long count = e.getValue().count();
      if (count < 0) {
        throw new IllegalStateException("a bounded vote count is negative (" + count + "): the statistics topic"
            + " holds retractions of votes it never counted; was it shared by two streaming jobs?");
      }
      if (count == 0) {
        continue; // every vote on it was retracted (the streaming job): no customer votes on it now
      }
      RequestVote v = RequestVote.parse(e.getKey());
      votes.merge(v, e.getValue().count(), Long::sum);
      merge(domains, v.request(), e.getValue().domain());
      merge(meanings, v.request(), e.getValue().meaning());
    }
    return new VoteTally(votes, domains, meanings);
  }

  private static void merge(Map<String, LatestValue> into, String request, LatestValue v) {
    if (v != null) {
      into.merge(request, v, LatestValue::merge);
    }
  }

  /** The keys partition selection decides on — a request that works, a rewrite that fixes — with their voters. */
  SortedMap<String, Long> candidates() {
    SortedMap<String, Long> out = new TreeMap<>();
    votes.forEach((v, n) -> {
      if (RELEASABLE.contains(v.outcome())) {
        out.put(v.key(), n);
      }
    });
    return out;
  }

  /**
   * For each given request, the customers who voted each outcome (fixes with any target together), keyed
   * {@link #totalKey}; zero counts included, so that every key of a released request gets its noise.
   */
  SortedMap<String, Long> totals(Set<String> requests) {
    SortedMap<String, Long> out = new TreeMap<>();
    for (String r : requests) {
      for (Outcome o : Outcome.values()) {
        out.put(totalKey(r, o), 0L);
      }
    }
    votes.forEach((v, n) -> out.computeIfPresent(totalKey(v.request(), v.outcome()), (k, c) -> c + n));
    return out;
  }

  /** The key of a request's total of one outcome. */
  static String totalKey(String request, Outcome outcome) {
    return request + "\t" + outcome.code();
  }

  /** The latest domain a request succeeded with, or null. */
  LatestValue domain(String request) {
    return domains.get(request);
  }

  /** The latest meaning a request succeeded as said with, or null. */
  LatestValue meaning(String request) {
    return meanings.get(request);
  }
}
