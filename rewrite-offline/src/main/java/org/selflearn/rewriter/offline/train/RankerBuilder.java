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
 *
 * <p>A differentially private model's global index holds only the released requests, a few dozen on d1, so serving
 * sees almost every request as unknown (no statistics of its own), while its examples, kept only where their request
 * or fix was released, are all of known requests: a ranker trained on them alone has never seen an unknown request and
 * rewrites them freely (on d1 at ε = 4, 164–344 losses of the ranked personal layer in three of three trainings). So a
 * private build learns {@link #UNKNOWN_SHARE_WHEN_PRIVATE} of its examples (by a seeded hash) as serving sees an
 * unknown request ({@link RankerExample#requestUnknown()}): same texts, nothing unreleased added.
 */
public final class RankerBuilder {
  /** The share of a private build's examples learned as of an unknown request (0.5 and 0.8 measured alike on d1). */
  public static final double UNKNOWN_SHARE_WHEN_PRIVATE = 0.5;

  private final RankerTraining training;
  private final long seed;
  private final double unknownShare;

  /**
   * @param unknownShare the share of examples learned as of a request the global index does not hold, in [0, 1]
   *     (0: every example with its request's statistics, as a non-private build does)
   */
  public RankerBuilder(OnlineSettings settings, double targetPrecision, long seed, double unknownShare) {
    if (!(unknownShare >= 0 && unknownShare <= 1)) {
      throw new IllegalArgumentException("unknownShare must be in [0, 1], got " + unknownShare);
    }
    this.training = new RankerTraining(settings, targetPrecision, seed);
    this.seed = seed;
    this.unknownShare = unknownShare;
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
    boolean unknown = unknownShare > 0
        && Math.floorMod(e.sampleKey() ^ seed, 1 << 20) < Math.round(unknownShare * (1 << 20));
    return new RankerExample(e.customerId(), e.deviceType(), e.timeMillis(), e.previousDomain(), e.source(),
        e.target(), heldOut, unknown);
  }

  /** Report skeleton in insertion order. */
  public static Map<String, Object> newReport() {
    return new LinkedHashMap<>();
  }
}
