package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.train.MinedInputs;
import org.selflearn.rewriter.offline.train.TrainingExample;

/**
 * What the streaming job keeps, read back as a model's inputs: the statistics and facts topics and the changelogs of
 * the customer-memories and ranker-sample stores, each from its beginning to its end (committed records only). The
 * sample changelog holds every task's sample; re-sampling their union gives exactly the sample file mode keeps
 * ({@link MinedInputs#of}).
 */
public final class StreamModelSource {
  private StreamModelSource() {}

  public static MinedInputs read(String bootstrap, RewriterConfig config) {
    Map<String, StatValue> stats = StatsTopicReader.read(bootstrap, config.get(ConfigKeys.STATS_TOPIC));
    Map<String, LatestValue> facts = new HashMap<>();
    StatsTopicReader.readLatest(bootstrap, config.get(ConfigKeys.FACTS_TOPIC))
        .forEach((k, v) -> facts.put(k, LatestValue.fromBytes(v)));
    Map<String, CustomerMemory> memories = new HashMap<>();
    String app = config.get(ConfigKeys.APPLICATION_ID);
    StatsTopicReader.readLatest(bootstrap, ModelStateKeeper.changelog(app, ModelStateKeeper.MEMORIES_STORE))
        .forEach((k, v) -> memories.put(k, CustomerMemory.fromBytes(v)));
    List<TrainingExample> examples = new ArrayList<>();
    StatsTopicReader.readLatest(bootstrap, ModelStateKeeper.changelog(app, ModelStateKeeper.SAMPLE_STORE))
        .values().forEach(v -> examples.add(TrainingExample.fromBytes(v)));
    return MinedInputs.of(stats, facts, memories, examples, config.get(ConfigKeys.RANKER_EXAMPLES_PER_KIND));
  }
}
