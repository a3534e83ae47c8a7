package org.selflearn.rewriter.offline.train;

import org.selflearn.rewriter.offline.mining.LatestValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * Everything a model is built from, as mined from a log file ({@link SessionCollector}) or as the streaming job keeps
 * it in Kafka (stream package): the aggregated statistics, the latest-seen {@link ModelFacts}, one
 * {@link CustomerMemory} per customer, and the sampled ranker examples (each kind in sample-key order).
 *
 * @param stats aggregated statistics by key
 * @param facts latest-seen facts by key
 * @param memories personal memories by customer id
 * @param positives sampled positive examples
 * @param negatives sampled negative examples
 */
public record MinedInputs(Map<String, StatValue> stats, Map<String, LatestValue> facts,
    Map<String, CustomerMemory> memories, List<TrainingExample> positives, List<TrainingExample> negatives) {

  /**
   * The inputs with the ranker sample drawn from {@code candidates} (file mode: its samples; stream mode: the union of
   * the tasks' samples): of each kind, the {@code examplesPerKind} examples with the smallest sample keys.
   */
  public static MinedInputs of(Map<String, StatValue> stats, Map<String, LatestValue> facts,
      Map<String, CustomerMemory> memories, java.util.Collection<TrainingExample> candidates, int examplesPerKind) {
    ExampleSample positives = new ExampleSample(examplesPerKind);
    ExampleSample negatives = new ExampleSample(examplesPerKind);
    for (TrainingExample e : candidates) {
      (e.positive() ? positives : negatives).offer(e);
    }
    return new MinedInputs(stats, facts, memories, positives.items(), negatives.items());
  }

  public MinedStats minedStats() {
    return MinedStats.of(stats);
  }

  /** Positives then negatives: the ranker's training order. */
  public List<TrainingExample> examples() {
    List<TrainingExample> all = new ArrayList<>(positives);
    all.addAll(negatives);
    return all;
  }
}
