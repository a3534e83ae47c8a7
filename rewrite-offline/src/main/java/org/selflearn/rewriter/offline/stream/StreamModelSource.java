package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.ExampleSample;
import org.selflearn.rewriter.offline.train.LatestValue;
import org.selflearn.rewriter.offline.train.MinedInputs;
import org.selflearn.rewriter.offline.train.TrainingExample;

/**
 * What the streaming job keeps, read back as a model's inputs: the statistics, facts, personal-memory and sample
 * topics, each from its beginning to its end (committed records only). The sample topic holds every task's sample;
 * re-sampling their union gives exactly the sample file mode keeps ({@link ExampleSample}).
 */
public final class StreamModelSource {
  private StreamModelSource() {}

  public static MinedInputs read(String bootstrap, RewriterConfig config) {
    Map<String, StatValue> stats = StatsTopicReader.read(bootstrap, config.get(ConfigKeys.STATS_TOPIC));
    Map<String, LatestValue> facts = new HashMap<>();
    StatsTopicReader.readLatest(bootstrap, config.get(ConfigKeys.FACTS_TOPIC))
        .forEach((k, v) -> facts.put(k, LatestValue.fromBytes(v)));
    Map<String, CustomerMemory> memories = new HashMap<>();
    StatsTopicReader.readLatest(bootstrap, config.get(ConfigKeys.PERSONAL_TOPIC))
        .forEach((k, v) -> memories.put(k, CustomerMemory.fromBytes(v)));
    int perKind = config.get(ConfigKeys.RANKER_EXAMPLES_PER_KIND);
    List<TrainingExample> all = new ArrayList<>();
    StatsTopicReader.readLatest(bootstrap, config.get(ConfigKeys.SAMPLE_TOPIC))
        .values().forEach(v -> all.add(TrainingExample.fromBytes(v)));
    ExampleSample positives = new ExampleSample(perKind).addAll(all.stream().filter(TrainingExample::positive)
        .toList());
    ExampleSample negatives = new ExampleSample(perKind).addAll(all.stream().filter(e -> !e.positive()).toList());
    return new MinedInputs(stats, facts, memories, positives.items(), negatives.items());
  }
}
