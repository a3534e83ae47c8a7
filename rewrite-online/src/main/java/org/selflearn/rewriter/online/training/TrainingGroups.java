package org.selflearn.rewriter.online.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.QueryContext;
import org.selflearn.rewriter.online.rank.TrainingGroup;

/**
 * Turns examples into ranker training groups through the serving path's own decision engine: the same "left alone"
 * rule, the same retrieval and the same features, so the ranker learns on exactly the candidates it will see.
 * Retrieval reads only the customer, the request and whether the example has a target (its leave-one-out), so the
 * examples that share all three share one retrieval; their features are computed each in its own context.
 */
final class TrainingGroups {
  private final RewriteEngine engine;
  private final LoadedModel model;
  private final BiPredicate<String, String> sameMeaning;

  TrainingGroups(RewriteEngine engine, LoadedModel model, BiPredicate<String, String> sameMeaning) {
    this.engine = engine;
    this.model = model;
    this.sameMeaning = sameMeaning;
  }

  /**
   * The groups of the examples, in example order, leaving out the examples serving would never rank or retrieves
   * nothing for; examples sharing a retrieval are built together, and those sets in parallel.
   */
  List<TrainingGroup> of(List<RankerExample> examples) {
    Map<List<Object>, List<Integer>> sharing = new LinkedHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      RankerExample e = examples.get(i);
      sharing.computeIfAbsent(Arrays.asList(e.customerId(), e.source(), e.target() == null),
          k -> new ArrayList<>()).add(i);
    }
    TrainingGroup[] out = new TrainingGroup[examples.size()];
    new ArrayList<>(sharing.values()).parallelStream().forEach(indices -> {
      Shared shared = new Shared(examples.get(indices.get(0)));
      indices.forEach(i -> out[i] = of(examples.get(i), shared));
    });
    return Arrays.stream(out).filter(Objects::nonNull).toList();
  }

  /** What the examples of one customer, request and kind share: memory, prior, and (once needed) the candidates. */
  private final class Shared {
    final PersonalProfile profile;
    final GlobalEntry prior;
    private QueryContext retrieved;
    private List<Candidate> candidates;

    Shared(RankerExample first) {
      profile = engine.profile(model.personal(), first.customerId());
      prior = engine.retriever().lookup(model.global(), first.source());
    }

    /** The request's view without context, retrieving on first use. */
    QueryContext context(RankerExample e) {
      if (retrieved == null) {
        retrieved = engine.context(model, e.source(), profile, prior, -1, 0, "");
        candidates = engine.retriever().retrieve(retrieved, model.global(), model.wordings(),
            e.target() == null ? 1 : 0);
      }
      return new QueryContext(e.source(), retrieved.phoneticCode(), retrieved.vector(), prior, profile,
          e.deviceType(), e.timeMillis(), e.previousDomain());
    }
  }

  /** The group of an example, or null when serving would never rank its request or retrieves nothing for it. */
  private TrainingGroup of(RankerExample e, Shared shared) {
    PersonalProfile profile = shared.profile;
    boolean ownTarget = e.target() != null && profile.pairCount(e.source(), e.target()) > 0;
    if (engine.leftAlone(shared.prior, profile, e.source(), ownTarget ? 1 : 0)) {
      return null; // serving never ranks this request: the ranker does not learn from it either
    }
    QueryContext q = shared.context(e);
    List<Candidate> seen = new ArrayList<>(shared.candidates.size());
    for (Candidate c : shared.candidates) {
      if (c.text().equals(e.target()) && c.personal() != null && c.personal().count() <= 1) {
        // leave-one-out: without this very example the customer never succeeded with the target, so serving would
        // know it only from the global layer, if at all
        if (c.global() == null || !c.global().servable()) {
          continue;
        }
        c = new Candidate(c.text(), c.global(), null);
      }
      seen.add(c);
    }
    if (seen.isEmpty()) {
      return null;
    }
    double[][] f = new double[seen.size()][];
    boolean[] labels = new boolean[seen.size()];
    for (int i = 0; i < f.length; i++) {
      boolean target = seen.get(i).text().equals(e.target());
      labels[i] = e.target() != null && sameMeaning.test(seen.get(i).text(), e.target());
      f[i] = engine.features().features(q, seen.get(i), target ? 1 : 0, target ? 1 : 0);
    }
    String[] texts = seen.stream().map(Candidate::text).toArray(String[]::new);
    return new TrainingGroup(f, labels, e.heldOut(), e.source() + (e.target() == null ? "" : " (rephrased to: "
        + e.target() + ")"), texts);
  }
}
