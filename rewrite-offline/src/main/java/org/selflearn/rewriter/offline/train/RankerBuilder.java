package org.selflearn.rewriter.offline.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.rank.Candidate;
import org.selflearn.rewriter.online.rank.LogisticRanker;
import org.selflearn.rewriter.online.rank.QueryContext;
import org.selflearn.rewriter.online.rank.RankerTrainer;
import org.selflearn.rewriter.online.rank.TrainingGroup;

/**
 * Turns the collected examples into ranker training groups with exactly the serving path's retrieval and features
 * (leave-one-out: an example's own success and own rephrase are subtracted from the personal features), holds out a
 * quarter of the customers for the threshold, and trains.
 */
public final class RankerBuilder {
  private final OnlineSettings settings;
  private final double targetPrecision;
  private final long seed;

  public RankerBuilder(OnlineSettings settings, double targetPrecision, long seed) {
    this.settings = settings;
    this.targetPrecision = targetPrecision;
    this.seed = seed;
  }

  /** Builds the groups and trains; {@code model} needs the global index, personal memory and embedder. */
  public LogisticRanker train(List<TrainingExample> examples, LoadedModel model, EquivalentWordings wordings,
      Map<String, Object> report) {
    RewriteEngine engine = new RewriteEngine(settings);
    List<TrainingGroup> groups = examples.parallelStream().map(e -> group(e, engine, model, wordings))
        .filter(Objects::nonNull).toList();
    long positives = groups.stream().filter(TrainingGroup::hasPositive).count();
    report.put("examples", examples.size());
    report.put("groups", groups.size());
    report.put("groupsWithTargetRetrieved", positives);
    LogisticRanker ranker = new RankerTrainer(targetPrecision, seed).train(new ArrayList<>(groups));
    report.putAll(ranker.trainingReport());
    return ranker;
  }

  private TrainingGroup group(TrainingExample e, RewriteEngine engine, LoadedModel model,
      EquivalentWordings wordings) {
    PersonalProfile profile = engine.profile(model.personal(), e.customerId());
    GlobalEntry prior = model.global().lookup(e.source());
    boolean ownTarget = e.target() != null && profile.pairCount(e.source(), e.target()) > 0;
    if (engine.leftAlone(prior, profile, e.source(), ownTarget ? 1 : 0)) {
      return null; // serving never ranks this request: the ranker does not learn from it either
    }
    QueryContext q = engine.context(model, e.source(), profile, prior, e.deviceType(), e.timeMillis(),
        e.previousDomain());
    List<Candidate> candidates = engine.retriever().retrieve(q, model.global(), model.wordings());
    if (candidates.isEmpty()) {
      return null;
    }
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
      labels[i] = e.target() != null && wordings.equivalent(seen.get(i).text(), e.target());
      f[i] = engine.features().features(q, seen.get(i), target ? 1 : 0, target ? 1 : 0);
    }
    boolean heldOut = Math.floorMod(CustomerSketch.hash(e.customerId()) ^ seed, 4) == 0;

    String[] texts = seen.stream().map(Candidate::text).toArray(String[]::new);
    return new TrainingGroup(f, labels, heldOut, e.source() + (e.target() == null ? "" : " (rephrased to: "
        + e.target() + ")"), texts);
  }

  /** Report skeleton in insertion order. */
  public static Map<String, Object> newReport() {
    return new LinkedHashMap<>();
  }
}
