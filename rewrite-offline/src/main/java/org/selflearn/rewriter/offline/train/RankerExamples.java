package org.selflearn.rewriter.offline.train;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.selflearn.rewriter.common.event.Nlu;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * The ranker's self-supervised examples in a mined session: each source of a rephrase chain that ended in success is
 * a positive (its target: the request the chain ended with); a request that succeeded as said, alone in its chain, is
 * a negative. Rewritten turns are the rewriter's own outcome and never an example.
 */
public final class RankerExamples {
  private RankerExamples() {}

  public static void of(MinedSession s, Consumer<TrainingExample> out) {
    List<Turn> t = s.turns();
    for (int[] c : s.chains()) {
      int last = c[1];
      String previousDomain = c[0] > 0 ? Nlu.domainOf(t.get(c[0] - 1).domainIntent()) : "";
      Turn end = t.get(last);
      if (last > c[0] && s.success(last)) {
        String target = StateNames.executed(end.state());
        Set<String> counted = new HashSet<>(); // a source counts once per chain
        for (int i = c[0]; i < last; i++) {
          Turn src = t.get(i);
          if (!StateNames.isRewritten(src.state()) && !src.state().equals(target) && counted.add(src.state())) {
            out.accept(new TrainingExample(src.customerId(), src.deviceType().ordinal(), src.timestampMs(),
                previousDomain, src.state(), target));
          }
        }
      } else if (last == c[0] && s.success(last) && !StateNames.isRewritten(end.state())) {
        out.accept(new TrainingExample(end.customerId(), end.deviceType().ordinal(), end.timestampMs(),
            previousDomain, end.state(), null));
      }
    }
  }
}
