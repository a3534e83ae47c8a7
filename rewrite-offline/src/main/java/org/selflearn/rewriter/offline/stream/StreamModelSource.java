package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.VoteWindows;
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
    return read(bootstrap, config, true, m -> { });
  }

  /** The inputs with every customer's memory ({@code allMemories}), or only those the ranker sample needs. */
  public static MinedInputs read(String bootstrap, RewriterConfig config, boolean allMemories) {
    return read(bootstrap, config, allMemories, m -> { });
  }

  /**
   * The inputs with every customer's memory ({@code allMemories}), or only those the ranker sample needs; with
   * {@code privacy.window-days} > 0, the statistics are the votes of the newest closed window ({@link #releasable}),
   * which {@code progress} is told.
   */
  public static MinedInputs read(String bootstrap, RewriterConfig config, boolean allMemories,
      Consumer<String> progress) {
    Map<String, StatValue> stats = releasable(StatsTopicReader.read(bootstrap, config.get(ConfigKeys.STATS_TOPIC)),
        config, progress);
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

  /**
   * What a publish may release of the statistics topic: everything, unless the job kept tumbling privacy windows
   * ({@code privacy.window-days} > 0), then the votes of the newest closed window as plain vote keys
   * ({@link VoteWindows}). Fails, naming the key, when the topic and the setting disagree or no window has closed.
   */
  static Map<String, StatValue> releasable(Map<String, StatValue> stats, RewriterConfig config,
      Consumer<String> progress) {
    int days = config.get(ConfigKeys.PRIVACY_WINDOW_DAYS);
    boolean windowed = VoteWindows.windowed(stats);
    boolean privateRelease = config.get(ConfigKeys.PRIVACY_EPSILON) > 0;
    if (!windowed) {
      if (privateRelease && days > 0 && !stats.isEmpty()) {
        throw new IllegalStateException(ConfigKeys.PRIVACY_WINDOW_DAYS.name() + " is " + days + ", but the"
            + " statistics topic holds no windowed votes: the streaming job ran with " + ConfigKeys.PRIVACY_WINDOW_DAYS
            .name() + "=0 (or without privacy). Publish with the job's setting, or start the job under a new"
            + " stream.application-id and stream.stats-topic with the windows set");
      }
      return stats;
    }
    if (days == 0) {
      throw new IllegalStateException(ConfigKeys.PRIVACY_WINDOW_DAYS.name() + " is 0, but the statistics topic"
          + " holds votes of tumbling windows (the streaming job ran with " + ConfigKeys.PRIVACY_WINDOW_DAYS.name()
          + " > 0): publish with the job's setting");
    }
    VoteWindows windows = new VoteWindows(days);
    long closed = VoteWindows.latestClosed(stats);
    if (closed < 0) {
      long open = stats.keySet().stream().mapToLong(VoteWindows::windowOf).max().orElse(0);
      throw new IllegalStateException(ConfigKeys.PRIVACY_WINDOW_DAYS.name() + " is " + days + ": every vote the"
          + " streaming job holds is in the window " + windows.firstDay(open) + " to " + windows.lastDay(open)
          + " (UTC), which is still open; a publish releases a closed window only, once the job has mined events"
          + " of a later one");
    }
    Map<String, StatValue> votes = VoteWindows.votesOf(stats, closed);
    progress.accept("releasing the privacy window " + windows.firstDay(closed) + " to " + windows.lastDay(closed)
        + " (UTC, the newest closed one): " + votes.size() + " vote keys");
    return votes;
  }
}
