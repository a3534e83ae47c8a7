package org.selflearn.rewriter.online.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.QueryContext;
import org.selflearn.rewriter.online.rank.TrainingGroup;

/**
 * Turns one example into a ranker training group through the serving path's own decision engine: the same "left
 * alone" rule, the same retrieval and the same features, so the ranker learns on exactly the candidates it will see.
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

  /** The group of an example, or null when serving would never rank its request or retrieves nothing for it. */
  TrainingGroup of(RankerExample e) {
    PersonalProfile profile = engine.profile(model.personal(), e.customerId());
    GlobalEntry prior = model.global().lookup(e.source());
    boolean ownTarget = e.target() != null && profile.pairCount(e.source(), e.target()) > 0;
    if (engine.leftAlone(prior, profile, e.source(), ownTarget ? 1 : 0)) {
      return null; // serving never ranks this request: the ranker does not learn from it either
    }
    QueryContext q = engine.context(model, e.source(), profile, prior, e.deviceType(), e.timeMillis(),
        e.previousDomain());
    List<Candidate> candidates = engine.retriever().retrieve(q, model.global(), model.wordings(),
        e.target() == null ? 1 : 0);
    List<Candidate> seen = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
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
