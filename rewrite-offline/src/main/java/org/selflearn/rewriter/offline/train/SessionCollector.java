package org.selflearn.rewriter.offline.train;

import org.selflearn.rewriter.offline.mining.LatestValue;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.offline.mining.MinedSession;

/**
 * File mode's keeper of what a model needs beside the statistics, fed every mined session: a {@link CustomerMemory}
 * per customer, the {@link ModelFacts}, and an {@link ExampleSample} of positive and of negative ranker examples.
 * The streaming job keeps the same with the same classes, in stores and an aggregated topic.
 */
public final class SessionCollector implements Consumer<MinedSession> {
  private final Map<String, CustomerMemory> memories = new HashMap<>();
  private final Map<String, LatestValue> facts = new HashMap<>();
  private final ExampleSample positives;
  private final ExampleSample negatives;
  private final int memoryCapacity;
  private final int examplesPerKind;

  /**
   * @param memoryCapacity requests and pairs kept per customer ({@link CustomerMemory})
   * @param examplesPerKind size of each example sample
   */
  public SessionCollector(int memoryCapacity, int examplesPerKind) {
    this.positives = new ExampleSample(examplesPerKind);
    this.negatives = new ExampleSample(examplesPerKind);
    this.memoryCapacity = memoryCapacity;
    this.examplesPerKind = examplesPerKind;
  }

  @Override
  public void accept(MinedSession s) {
    String customer = s.turns().get(0).customerId();
    memories.computeIfAbsent(customer, k -> new CustomerMemory()).accept(s, memoryCapacity);
    ModelFacts.contributions(s, (k, v) -> facts.merge(k, v, LatestValue::merge));
    RankerExamples.of(s, e -> (e.positive() ? positives : negatives).offer(e));
  }

  /** What was collected, with the statistics mined beside it. */
  public MinedInputs inputs(Map<String, org.selflearn.rewriter.offline.mining.StatValue> stats) {
    java.util.List<TrainingExample> examples = new java.util.ArrayList<>(positives.items());
    examples.addAll(negatives.items());
    return MinedInputs.of(stats, facts, memories, examples, examplesPerKind);
  }
}
