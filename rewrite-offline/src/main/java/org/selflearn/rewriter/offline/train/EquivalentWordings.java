package org.selflearn.rewriter.offline.train;

import java.util.HashMap;
import java.util.Map;
import org.selflearn.rewriter.common.stats.SuccessRate;
import org.selflearn.rewriter.markov.PairStats;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedStats;

/**
 * Classes of wordings that customers use interchangeably, learned from the mined chains without labels: two requests
 * that both usually succeed mean the same thing when customers repeatedly rephrased one into the other with success
 * ("play hozier" / "play music by hozier"), or when customers repeatedly fixed the same failing request with either
 * ("play maroon fine" → "play maroon five" / "play songs by maroon five"). The ranker's training treats any member of the target's class as a
 * right answer, as replay scoring does with equivalent wordings.
 */
public final class EquivalentWordings {
  private static final int MIN_CHAINS = 2;
  private final Map<String, String> parent = new HashMap<>();

  public EquivalentWordings(MinedStats stats) {
    Map<String, String> firstFixOfSource = new HashMap<>();
    for (PairStats p : stats.pairs()) {
      if (StateNames.isRewritten(p.source()) || StateNames.isRewritten(p.target())) {
        continue;
      }
      if (p.chains() >= MIN_CHAINS && p.targetSuccesses() >= 1 && good(stats, p.source())
          && good(stats, p.target())) {
        union(p.source(), p.target()); // customers reword one good request into the other
      }
      if (p.targetSuccesses() >= MIN_CHAINS && p.customers() >= MIN_CHAINS && !good(stats, p.source())
          && good(stats, p.target())) {
        // a failing request repeatedly fixed by two different good requests: they mean the same thing
        String other = firstFixOfSource.putIfAbsent(p.source(), p.target());
        if (other != null) {
          union(other, p.target());
        }
      }
    }
  }

  private static boolean good(MinedStats stats, String state) {
    MinedStats.StateRow r = stats.states().get(state);
    return r != null && SuccessRate.usuallySucceeds(r.successes(), r.turns());
  }

  /** Whether two requests are the same or interchangeable wordings. */
  public boolean equivalent(String a, String b) {
    return a.equals(b) || find(a).equals(find(b));
  }

  /** The classes, for the online rewriter (every member mapped to its class's root). */
  public org.selflearn.rewriter.online.index.WordingClasses toClasses() {
    Map<String, String> m = new HashMap<>();
    for (String member : new java.util.ArrayList<>(parent.keySet())) {
      m.put(member, find(member));
    }
    return new org.selflearn.rewriter.online.index.WordingClasses(m);
  }

  /** Number of requests that belong to a class of two or more. */
  public int size() {
    return parent.size();
  }

  private String find(String x) {
    String p = parent.get(x);
    if (p == null) {
      return x;
    }
    String root = find(p);
    parent.put(x, root);
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
      parent.putIfAbsent(rb, rb);
      if (parent.get(rb).equals(rb)) {
        parent.remove(rb);
      }
    }
  }
}
