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
 * ({@link MinedInputs#of}). Without every customer's memory ({@code publish.personal=false}: the serving instances
 * keep them), only the memories of the sample's customers are kept — what the ranker's features need — so the heap
 * does not grow with customers.
 */
public final class StreamModelSource {
  private StreamModelSource() {}

  public static MinedInputs read(String bootstrap, RewriterConfig config) {
    return read(bootstrap, config, true);
  }

  /** The inputs with every customer's memory ({@code allMemories}), or only those the ranker sample needs. */
  public static MinedInputs read(String bootstrap, RewriterConfig config, boolean allMemories) {
    Map<String, StatValue> stats = StatsTopicReader.read(bootstrap, config.get(ConfigKeys.STATS_TOPIC));
    Map<String, LatestValue> facts = new HashMap<>();
    StatsTopicReader.readLatest(bootstrap, config.get(ConfigKeys.FACTS_TOPIC))
        .forEach((k, v) -> facts.put(k, LatestValue.fromBytes(v)));
    String app = config.get(ConfigKeys.APPLICATION_ID);
    List<TrainingExample> examples = new ArrayList<>();
    StatsTopicReader.readLatest(bootstrap, ModelStateKeeper.changelog(app, ModelStateKeeper.SAMPLE_STORE))
        .values().forEach(v -> examples.add(TrainingExample.fromBytes(v)));
    MinedInputs sampled = MinedInputs.of(stats, facts, Map.of(), examples,
        config.get(ConfigKeys.RANKER_EXAMPLES_PER_KIND));
    java.util.Set<String> sampleCustomers = new java.util.HashSet<>();
    sampled.examples().forEach(e -> sampleCustomers.add(e.customerId()));
    Map<String, CustomerMemory> memories = StatsTopicReader.readLatest(bootstrap,
        ModelStateKeeper.changelog(app, ModelStateKeeper.MEMORIES_STORE),
        allMemories ? k -> true : sampleCustomers::contains, CustomerMemory::fromBytes);
    return new MinedInputs(stats, facts, memories, sampled.positives(), sampled.negatives());
  }
}
