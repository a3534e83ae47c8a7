package org.selflearn.rewriter.online.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.GlobalIndex;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.rank.LogisticRanker;
import org.selflearn.rewriter.online.rank.RankerTrainer;
import org.selflearn.rewriter.online.rank.TrainingGroup;

/**
 * Trains the ranker of a model directory whose global index and personal memory are already written: each example
 * becomes a group of the candidates serving would retrieve for it, with serving's features (leave-one-out: the
 * example's own success and own rephrase are taken out of the personal features), the held-out examples choose the
 * threshold for the target precision, and the ranker is saved into the directory.
 */
public final class RankerTraining {
  private final OnlineSettings settings;
  private final double targetPrecision;
  private final long seed;

  /**
   * @param settings the online settings serving will use (they decide which layers retrieval reads)
   * @param targetPrecision the precision the threshold is chosen for on the held-out examples
   * @param seed the trainer's seed
   */
  public RankerTraining(OnlineSettings settings, double targetPrecision, long seed) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (!(targetPrecision > 0 && targetPrecision <= 1)) {
      throw new IllegalArgumentException("targetPrecision must be in (0, 1], got " + targetPrecision);
    }
    this.targetPrecision = targetPrecision;
    this.seed = seed;
  }

  /** What training gave: the threshold chosen and the learned weights by feature name. */
  public record TrainedRanker(double threshold, Map<String, Double> weights) {}

  /**
   * Builds the groups, trains, and saves the ranker to {@link ModelDirectory#ranker()}.
   *
   * @param embedder the encoder the global index was built with (the caller keeps owning it)
   * @param wordings the interchangeable wordings serving will read
   * @param sameMeaning whether a candidate counts as the example's target (a wording of the same request)
   * @param report receives the counts and the trainer's report, in insertion order
   */
  public TrainedRanker train(List<RankerExample> examples, ModelDirectory dir, Embedder embedder,
      WordingClasses wordings, BiPredicate<String, String> sameMeaning, Map<String, Object> report) {
    LogisticRanker ranker;
    try (GlobalIndex global = new GlobalIndex(dir.global()); PersonalMemory personal = PersonalMemory.open(
        dir.personal())) {
      LoadedModel parts = new LoadedModel(null, global, personal, null, embedder, wordings);
      TrainingGroups groups = new TrainingGroups(new RewriteEngine(settings), parts, sameMeaning);
      List<TrainingGroup> built = groups.of(examples);
      report.put("examples", examples.size());
      report.put("groups", built.size());
      report.put("groupsWithTargetRetrieved", built.stream().filter(TrainingGroup::hasPositive).count());
      ranker = new RankerTrainer(targetPrecision, seed).train(new ArrayList<>(built));
    }
    report.putAll(ranker.trainingReport());
    ranker.save(dir.ranker());
    return new TrainedRanker(ranker.threshold(), ranker.weightsByName());
  }
}
