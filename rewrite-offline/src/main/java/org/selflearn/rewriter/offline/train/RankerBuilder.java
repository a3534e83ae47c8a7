package org.selflearn.rewriter.offline.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.training.RankerExample;
import org.selflearn.rewriter.online.training.RankerTraining;

/**
 * Trains the ranker from the mined examples through rewrite-online's training seam ({@link RankerTraining}), which
 * builds each group with the serving path's own retrieval and features. What is decided here: a quarter of the
 * customers (by a seeded hash of their id) is held out for the threshold, and a candidate counts as the target when
 * the mined wordings say it is the same request.
 */
public final class RankerBuilder {
  private final RankerTraining training;
  private final long seed;

  public RankerBuilder(OnlineSettings settings, double targetPrecision, long seed) {
    this.training = new RankerTraining(settings, targetPrecision, seed);
    this.seed = seed;
  }

  /**
   * Trains over {@code dir}'s global index and personal memory (already written), saves the ranker into it, and
   * returns what was learned.
   */
  public RankerTraining.TrainedRanker train(List<TrainingExample> examples, ModelDirectory dir, Embedder embedder,
      EquivalentWordings wordings, Map<String, Object> report) {
    List<RankerExample> mapped = examples.stream().map(this::toSeam).toList();
    return training.train(mapped, dir, embedder, wordings.toClasses(), wordings::equivalent, report);
  }

  private RankerExample toSeam(TrainingExample e) {
    boolean heldOut = Math.floorMod(CustomerSketch.hash(e.customerId()) ^ seed, 4) == 0;
    return new RankerExample(e.customerId(), e.deviceType(), e.timeMillis(), e.previousDomain(), e.source(),
        e.target(), heldOut);
  }

  /** Report skeleton in insertion order. */
  public static Map<String, Object> newReport() {
    return new LinkedHashMap<>();
  }
}
