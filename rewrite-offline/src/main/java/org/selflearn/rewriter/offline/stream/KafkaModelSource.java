package org.selflearn.rewriter.offline.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.offline.mining.VoteWindows;
import org.selflearn.rewriter.offline.privacy.PrivacySettings;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.offline.publish.ModelPublisher;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.MinedInputs;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.RewriteRequest;

/**
 * A model version built from what the streaming job keeps in Kafka ({@link StreamModelSource}), with the same
 * {@link TrainJob#build} as file mode. Self-calibration needs raw held-out turns: it reads the input topic's last
 * {@code publish.calibration-days} (0: all it retains) into a temporary file beside the model and calibrates on it.
 * Validation rewrites the most used requests of the statistics and some customers' most used requests.
 */
public final class KafkaModelSource implements ModelPublisher.Source {
  private static final int VALIDATION_REQUESTS = 20;

  private final RewriterConfig config;
  private final String bootstrap;
  private final Clock clock;
  private final Consumer<String> progress;
  private final List<RewriteRequest> validation = new ArrayList<>();

  public KafkaModelSource(RewriterConfig config, String bootstrap, Clock clock, Consumer<String> progress) {
    this.config = config;
    this.bootstrap = bootstrap;
    this.clock = clock;
    this.progress = progress;
  }

  @Override
  public Map<String, Object> train(Path out) {
    long t0 = System.nanoTime();
    TrainJob job = new TrainJob(config, clock, progress);
    Map<String, Object> seconds = new LinkedHashMap<>();
    long tr = System.nanoTime();
    boolean personal = config.get(ConfigKeys.PUBLISH_PERSONAL);
    progress.accept("reading the stream's statistics, facts, ranker sample and " + (personal ? "personal memories"
        : "the memories of the sample's customers (publish.personal=false: serving instances keep the rest)"));
    MinedInputs inputs = StreamModelSource.read(bootstrap, config, personal, progress);
    seconds.put("readStream", Math.round((System.nanoTime() - tr) / 1e7) / 100.0);
    if (inputs.stats().isEmpty()) {
      throw new IllegalStateException("the statistics topic '" + config.get(ConfigKeys.STATS_TOPIC)
          + "' is empty: is the streaming job running, and has it mined any session yet?");
    }
    Map<String, Object> stream = new LinkedHashMap<>();
    stream.put("statistics", inputs.stats().size());
    stream.put("facts", inputs.facts().size());
    stream.put("customers", inputs.memories().size());
    stream.put("positives", inputs.positives().size());
    stream.put("negatives", inputs.negatives().size());
    boolean released = PrivacySettings.from(config).enabled();
    if (!released) {
      // the most used requests, read from the STATE statistics themselves (their count is the state's turns): no
      // second read model of every statistic is built for ten requests
      chooseValidation(inputs.stats().entrySet().stream().filter(e -> StatKey.kind(e.getKey()) == StatKey.STATE)
          .map(e -> Map.entry(e.getKey().substring(2), e.getValue().count())), inputs, personal);
    }
    Path work = out.toAbsolutePath().resolveSibling(".calibration-events-" + ProcessHandle.current().pid());
    Map<String, Object> summary;
    try {
      summary = job.buildAndCalibrate(inputs, () -> calibrationEvents(work), out, null, null, seconds, t0);
    } finally {
      Directories.deleteTree(work);
    }
    if (!personal) {
      // the sample's memories were there for the ranker's features; the version carries no personal memory
      Directories.deleteTree(new ModelDirectory(out).personal());
      stream.put("personal", "served from the stream by serve --bootstrap (publish.personal=false)");
    }
    summary.put("stream", stream);
    if (released) {
      // with privacy on, the inputs' statistics are bounded votes: validate on what the build released
      chooseValidation(StatsFile.read(new ModelDirectory(out).stats()).states().values().stream()
          .map(r -> Map.entry(r.state(), r.turns())), inputs, personal);
    }
    return summary;
  }

  /**
   * The input topic's events read back into a file under {@code work} for self-calibration (its last
   * {@code publish.calibration-days}, at most {@code publish.calibration-customers} customers), or null when none.
   */
  private Path calibrationEvents(Path work) {
    try {
      Files.createDirectories(work);
      Path events = work.resolve("events.jsonl.gz");
      int days = config.get(ConfigKeys.PUBLISH_CALIBRATION_DAYS);
      long since = days == 0 ? 0 : clock.millis() - days * 86_400_000L;
      int customers = config.get(ConfigKeys.PUBLISH_CALIBRATION_CUSTOMERS);
      long n = InputTopicDump.write(bootstrap, config.get(ConfigKeys.INPUT_TOPIC), since, customers, events);
      progress.accept("calibrating on " + n + " events read back from '" + config.get(ConfigKeys.INPUT_TOPIC)
          + "'" + (days == 0 ? "" : " (last " + days + " days)")
          + (customers == 0 ? "" : " (at most " + customers + " customers)"));
      return n == 0 ? null : events;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + work + ": " + e.getMessage(), e);
    }
  }

  /** Validation requests: the most used requests ({@code stateTurns}: request → its turns), then memories' tops. */
  private void chooseValidation(java.util.stream.Stream<Map.Entry<String, Long>> stateTurns, MinedInputs inputs,
      boolean personal) {
    validation.clear();
    stateTurns.filter(e -> !StateNames.isRewritten(e.getKey()) && !e.getKey().startsWith("\u0000"))
        .sorted(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(VALIDATION_REQUESTS / 2).forEach(e -> validation.add(RewriteRequest.of(e.getKey(), null)));
    new TreeMap<>(personal ? inputs.memories() : Map.<String, CustomerMemory>of()).entrySet().stream()
        .limit(VALIDATION_REQUESTS / 2).forEach(e -> {
      String top = e.getValue().topRequest();
      if (top != null && !top.startsWith("\u0000")) {
        validation.add(RewriteRequest.of(top, e.getKey()));
      }
    });
  }

  @Override
  public List<RewriteRequest> validationRequests() {
    return validation;
  }

  /**
   * The streaming job's window, named by its id and statistics topic: everything mined since its state began, or,
   * with {@code privacy.window-days} (and privacy on), the newest closed window with its days and a digest of its votes
   * (read from the statistics topic), so that the ledger can tell the same release from a new one.
   */
  @Override
  public String window() {
    int days = config.get(ConfigKeys.PRIVACY_WINDOW_DAYS);
    String job = "stream " + config.get(ConfigKeys.APPLICATION_ID) + " statistics topic " + config.get(
        ConfigKeys.STATS_TOPIC) + " at " + bootstrap;
    if (!windowClosed()) {
      return job;
    }
    Map<String, StatValue> stats = StatsTopicReader.read(bootstrap, config.get(ConfigKeys.STATS_TOPIC));
    long closed = VoteWindows.latestClosed(stats);
    if (closed < 0) {
      return job + ", no closed window of " + days + " days yet";
    }
    VoteWindows windows = new VoteWindows(days);
    return job + ", window " + windows.firstDay(closed) + " to " + windows.lastDay(closed) + " (votes "
        + VoteWindows.digest(VoteWindows.votesOf(stats, closed)) + ")";
  }

  /** With tumbling privacy windows a publish releases a closed window, which only an erasure can still change. */
  @Override
  public boolean windowClosed() {
    return config.get(ConfigKeys.PRIVACY_WINDOW_DAYS) > 0 && config.get(ConfigKeys.PRIVACY_EPSILON) > 0;
  }
}
