package org.selflearn.rewriter.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.stats.SuccessRate;

/**
 * Every configuration key of the system, declared once with type, default, allowed range and documentation. The
 * README's configuration table and {@code ./rewrite config --print} are generated from this list.
 */
public final class ConfigKeys {
  private static final Map<String, ConfigKey<?>> ALL = new LinkedHashMap<>();

  // ---- mining ----
  public static final ConfigKey<Integer> SESSION_GAP_SECONDS = add(ConfigKey.ofInt("mining.session-gap-seconds",
      300, 1, 86_400, "Inactivity gap that ends a session when events carry no sessionId."));
  public static final ConfigKey<Integer> REPHRASE_WINDOW_SECONDS = add(ConfigKey.ofInt(
      "mining.rephrase-window-seconds", 45, 1, 3_600,
      "A later turn can be a rephrase of the previous one only if it starts within this many seconds."));
  public static final ConfigKey<Double> REPHRASE_MIN_SIMILARITY = add(ConfigKey.ofDouble(
      "mining.rephrase-min-similarity", 0.5, 0, 1,
      "Minimum combined phonetic/character/token similarity for a follow-up to count as a rephrase."));
  public static final ConfigKey<Integer> GRACE_SECONDS = add(ConfigKey.ofInt("mining.grace-seconds", 10, 0, 3_600,
      "Out-of-order tolerance: events of one customer may arrive this late and still be placed in time order."));
  public static final ConfigKey<Long> ENGAGEMENT_THRESHOLD_MS = add(ConfigKey.ofLong(
      "mining.engagement-threshold-ms", 30_000L, 0, 86_400_000L,
      "signals.engagementMs at or above this marks a turn as a success."));
  public static final ConfigKey<String> STATE_KEY = add(ConfigKey.ofChoice("mining.state-key", "UTTERANCE",
      List.of("UTTERANCE", "INTERPRETATION"),
      "What a Markov state is: the normalised utterance, or the NLU interpretation (domain|intent|slots)."));
  public static final ConfigKey<Integer> DEDUP_HORIZON = add(ConfigKey.ofInt("mining.dedup-horizon", 2_000_000, 1,
      100_000_000, "How many recent event ids are remembered to drop redelivered duplicates (at most 40 bytes an id)."));

  // ---- solve and selection ----
  public static final ConfigKey<Integer> MIN_SUPPORT = add(ConfigKey.ofInt("solve.min-support", 5, 1, 1_000_000,
      "Minimum number of chains in which the target followed the source for a rewrite to be kept."));
  public static final ConfigKey<Integer> MIN_CUSTOMERS = add(ConfigKey.ofInt("solve.min-customers", 5, 1, 1_000_000,
      "Privacy gate: minimum distinct customers whose chains went from the source to a success at the target."));
  public static final ConfigKey<Double> MIN_GAIN = add(ConfigKey.ofDouble("solve.min-gain", 0.0, 0, 1,
      "Minimum expected gain of rewriting every occurrence of the source: lower confidence bound of the share of the"
          + " source's turns that ended in success at the target, minus the share that succeeded as said (a rewrite"
          + " also needs a positive gain)."));
  public static final ConfigKey<Double> MIN_DOMINANCE = add(ConfigKey.ofDouble("solve.min-dominance", 0.7, 0, 1,
      "Ambiguity gate: minimum share of the distinct customers whose chains from the source ended in a success who"
          + " ended at the chosen target; below it the request means different things to different customers and"
          + " is left to their personal history."));
  public static final ConfigKey<Double> CONFIDENCE = add(ConfigKey.ofDouble("solve.confidence", 0.9, 0.5, 0.9999,
      "Confidence of the Beta-posterior lower bound used in place of point estimates."));
  public static final ConfigKey<Double> SMOOTHING = add(ConfigKey.ofDouble("solve.smoothing", 0.5, 0, 100,
      "Additive prior on the FAILURE transition of every state (pseudo-counts), so rarely seen states do not look"
          + " certain."));
  public static final ConfigKey<Integer> EXACT_MAX_STATES = add(ConfigKey.ofInt("solve.exact-max-states", 300, 1,
      5_000, "Groups with at most this many transient states are solved exactly (dense LU); larger ones iteratively."));
  public static final ConfigKey<Double> TOLERANCE = add(ConfigKey.ofDouble("solve.tolerance", 1e-10, 1e-15, 1e-3,
      "Convergence tolerance (max absolute change) of the iterative solver."));
  public static final ConfigKey<Integer> MAX_ITERATIONS = add(ConfigKey.ofInt("solve.max-iterations", 10_000, 1,
      10_000_000, "Iteration cap of the iterative solver."));
  public static final ConfigKey<Integer> KEEP_VERSIONS = add(ConfigKey.ofInt("table.keep-versions", 3, 1, 100,
      "How many published table versions are kept for rollback."));
  public static final ConfigKey<Integer> MODEL_KEEP_VERSIONS = add(ConfigKey.ofInt("model.keep-versions", 3, 1, 100,
      "./rewrite publish: how many whole-model versions (MODEL_DIR/versions/v-NNNNNN) are kept for rollback; the"
          + " serving one is never removed."));

  // ---- online ----
  public static final ConfigKey<Double> BUDGET_MS = add(ConfigKey.ofDouble("online.budget-ms", 50, 1, 10_000,
      "Latency budget of one rewrite; past it the request is returned unchanged."));
  public static final ConfigKey<Integer> MAX_UTTERANCE_CHARS = add(ConfigKey.ofInt("online.max-utterance-chars",
      1_000, 1, 1_000_000, "Longest request (in UTF-16 chars) the online rewriter looks at; a longer one is returned"
          + " unchanged (reason too-long) before any normalisation or lookup, so its cost cannot exceed the budget."));
  public static final ConfigKey<Integer> CANDIDATES = add(ConfigKey.ofInt("online.candidates", 20, 1, 500,
      "Candidates retrieved from each index (dense and lexical) before ranking."));
  public static final ConfigKey<Integer> GLOBAL_MIN_CUSTOMERS = add(ConfigKey.ofInt("online.global-min-customers", 5,
      1, 1_000_000, "Privacy gate: a request enters the global index only if it succeeded for this many customers."));
  public static final ConfigKey<Integer> PERSONAL_MAX_ENTRIES = add(ConfigKey.ofInt("online.personal-max-entries",
      300, 1, 100_000, "Most successful requests remembered per customer (most frequent kept)."));
  public static final ConfigKey<Integer> PERSONAL_MIN_OWN_CHAINS = add(ConfigKey.ofInt("online.personal-min-own-chains",
      3, 1, 1_000, "A customer's own history overrides the table for a request when at least this many of their chains"
          + " from it ended in the same successful request (and that is at least online.personal-min-own-share of"
          + " their chains from it that ended in a success). Train's calibration may raise it; see train-summary.json."));
  public static final ConfigKey<Double> PERSONAL_MIN_OWN_SHARE = add(ConfigKey.ofDouble("online.personal-min-own-share",
      0.6, 0.5, 1.0, "Share of a customer's successful chains from a request that must end in the same request for"
          + " their own history to rewrite it (see online.personal-min-own-chains)."));
  public static final ConfigKey<Boolean> PERSONAL_ENABLED = add(ConfigKey.ofBoolean("online.personal-enabled", true,
      "Whether the personal layer is consulted."));
  public static final ConfigKey<Boolean> GLOBAL_ENABLED = add(ConfigKey.ofBoolean("online.global-enabled", true,
      "Whether the global retrieval layer is consulted."));
  public static final ConfigKey<String> RANKED_LAYERS = add(ConfigKey.ofChoice("online.ranked-layers",
      "PERSONAL_AND_GLOBAL", List.of("PERSONAL_AND_GLOBAL", "PERSONAL", "GLOBAL", "NONE"), "Which ranked (retrieval)"
          + " layers may serve, among those the model's calibration switched on; the table and the customer's own"
          + " history are not affected. replay --baselines uses it for the layer-by-layer ablation."));
  public static final ConfigKey<Boolean> PRECOMPUTED_ENABLED = add(ConfigKey.ofBoolean("online.precomputed-enabled",
      true, "Whether the precomputed table is consulted."));
  public static final ConfigKey<Integer> RELOAD_SECONDS = add(ConfigKey.ofInt("online.reload-seconds", 5, 0, 86_400,
      "How often the online rewriter looks for a newly published model version or rewrite table (0: never)."));
  public static final ConfigKey<Double> USUALLY_SUCCEEDS = add(ConfigKey.ofDouble("online.usually-succeeds",
      SuccessRate.USUALLY_SUCCEEDS, 0.5, 1.0, "A request whose own smoothed success rate is at least this (over 10+"
          + " turns) is left unchanged unless the customer's own history says otherwise."));
  public static final ConfigKey<String> EMBEDDER = add(ConfigKey.ofChoice("online.embedder", "MINILM",
      List.of("MINILM", "ONNX", "NONE"), "Dense encoder train builds the model with: the bundled all-MiniLM-L6-v2"
          + " (quantised), a user ONNX model (online.onnx-model-dir), or NONE for lexical/phonetic retrieval only."
          + " Written to the model's model-manifest.json; serving uses the encoder the manifest names and ignores"
          + " this key, because the index's vectors only match the encoder that made them."));
  public static final ConfigKey<String> ONNX_MODEL_DIR = add(ConfigKey.ofString("online.onnx-model-dir", "-",
      "Directory with model.onnx and tokenizer.json when online.embedder=ONNX (train; serving reads the directory"
          + " from the model's manifest, like the encoder)."));
  public static final ConfigKey<Double> TARGET_PRECISION = add(ConfigKey.ofDouble("ranker.target-precision", 0.8,
      0.5, 1.0, "Marginal precision the ranker's trigger threshold is chosen for on held-out mined pairs: one loss"
          + " costs p/(1-p) wins, because a wrong rewrite costs more than a missed one."));

  // ---- self-calibration (train) ----
  public static final ConfigKey<Integer> RANKER_EXAMPLES_PER_KIND = add(ConfigKey.ofInt("ranker.examples-per-kind",
      12_000, 100, 10_000_000, "Ranker training examples sampled of each kind (rephrases that ended in success;"
          + " requests that succeeded as said): the examples with the smallest hashes, so file mode and every stream"
          + " instance keep the same sample whatever order events arrive in."));
  public static final ConfigKey<Boolean> CALIBRATION_ENABLED = add(ConfigKey.ofBoolean("calibration.enabled", true,
      "Whether train holds out the latest part of its logs, trains on the rest, replays the held-out part through the"
          + " rewriter judged by the customers' own corrections, and chooses from those outcomes which layers serve"
          + " and the ranked layers' thresholds (written to MODEL_DIR/calibration.json)."));
  public static final ConfigKey<Double> CALIBRATION_HOLDOUT = add(ConfigKey.ofDouble("calibration.holdout-fraction",
      0.2, 0.05, 0.5, "Share of the events, the latest in time, held out for self-calibration (cut at the start of"
          + " a UTC day when that leaves both parts non-empty)."));
  public static final ConfigKey<Double> CALIBRATION_MIN_RATIO = add(ConfigKey.ofDouble("calibration.min-ratio", 5.0,
      1.0, 1000.0, "A layer serves only if, on the held-out logs, the rewrites its customers confirmed outnumber the"
          + " ones they contradicted by at least this ratio."));
  public static final ConfigKey<Double> CALIBRATION_MIN_CONFIRMED = add(ConfigKey.ofDouble(
      "calibration.min-confirmed-vs-best", 0.5, 0.0, 1.0, "A layer serves only if its share of held-out rewrites that"
          + " customers confirmed with their own successful rephrase is at least this fraction of the best chain-based"
          + " layer's share (own history or table): a layer whose rewrites customers almost never confirm is off,"
          + " whatever its judged ratio, and the bar follows how often this population rephrases at all."));
  public static final ConfigKey<Integer> CALIBRATION_MIN_JUDGED = add(ConfigKey.ofInt("calibration.min-judged", 20,
      1, 1_000_000, "Judged held-out rewrites (confirmed + contradicted) a layer needs for the evidence to decide;"
          + " with fewer, the table and own-history layers keep serving and the ranked layers stay off."));

  // ---- streaming ----
  public static final ConfigKey<String> APPLICATION_ID = add(ConfigKey.ofString("stream.application-id",
      "rewriter-mining", "Kafka Streams application id; instances with the same id share the partitions."));
  public static final ConfigKey<String> INPUT_TOPIC = add(ConfigKey.ofString("stream.input-topic",
      "interaction-events", "Topic of interaction events, keyed by customerId."));
  public static final ConfigKey<String> STATS_TOPIC = add(ConfigKey.ofString("stream.stats-topic",
      "transition-stats", "Compacted output topic of aggregated transition statistics."));
  public static final ConfigKey<String> DEAD_LETTER_TOPIC = add(ConfigKey.ofString("stream.dead-letter-topic",
      "interaction-events-dlq", "Topic where rejected events go, with the reason in the 'rejection' header."));
  public static final ConfigKey<String> FACTS_TOPIC = add(ConfigKey.ofString("stream.facts-topic",
      "rewriter-facts", "Compacted output topic of the latest NLU domain and interpretation of successful requests."));
  public static final ConfigKey<String> ERASURE_TOPIC = add(ConfigKey.ofString("stream.erasure-topic",
      "rewriter-erasures", "Input topic of erasure requests (key customerId): the job deletes what it holds of the"
          + " customer (memory, sampled examples, open sessions; tombstones in the changelogs). Same partition count as"
          + " the input."));
  public static final ConfigKey<Integer> PUBLISH_CALIBRATION_DAYS = add(ConfigKey.ofInt("publish.calibration-days",
      0, 0, 3650, "Publishing from a stream: days of the input topic read back for self-calibration (held-out"
          + " replay needs raw turns); 0 reads everything the topic retains."));
  public static final ConfigKey<Integer> PUBLISH_CALIBRATION_CUSTOMERS = add(ConfigKey.ofInt(
      "publish.calibration-customers", 20_000, 0, 100_000_000, "Publishing from a stream: self-calibration reads the"
          + " events of at most this many customers (those with the smallest hashed ids, the same ones at every"
          + " publish), so a publish's time and heap do not grow with the population; 0 reads every customer's."));
  public static final ConfigKey<Integer> COMMIT_INTERVAL_MS = add(ConfigKey.ofInt("stream.commit-interval-ms", 1000,
      10, 600_000, "Kafka Streams commit interval."));
  public static final ConfigKey<Integer> STREAM_CACHE_MB = add(ConfigKey.ofInt("stream.cache-mb", 64, 0, 65_536,
      "Streaming job: record cache per instance (MB, on heap) in front of the RocksDB stores; a larger cache folds"
          + " more updates of one key into one changelog and output record per commit."));
  public static final ConfigKey<Integer> STREAM_THREADS = add(ConfigKey.ofInt("stream.threads", 1, 1, 64,
      "Stream threads per instance."));
  public static final ConfigKey<Integer> DEDUP_HORIZON_MINUTES = add(ConfigKey.ofInt(
      "stream.dedup-horizon-minutes", 60, 1, 10_080,
      "Streaming job: how long (event time) an eventId is remembered to drop redelivered duplicates."));
  public static final ConfigKey<Integer> IDLE_FLUSH_SECONDS = add(ConfigKey.ofInt("stream.idle-flush-seconds", 30, 0,
      86_400, "Streaming job: when a task has seen no record for this long (wall clock), its open sessions are closed,"
          + " so the end of a stream is mined without waiting for newer events (0: never)."));
  public static final ConfigKey<Integer> CONNECT_TIMEOUT_SECONDS = add(ConfigKey.ofInt(
      "stream.connect-timeout-seconds", 30, 1, 3_600,
      "Streaming job: how long to wait for the Kafka cluster to answer at start (and for topics to be created) before"
          + " failing with exit code 2."));
  public static final ConfigKey<Integer> REPLICATION_FACTOR = add(ConfigKey.ofInt("stream.replication-factor", -1,
      -1, 32_767, "Streaming job: replication factor of the topics --create-topics makes and of the job's internal"
          + " (changelog, repartition) topics; -1 uses the broker's default.replication.factor (0 is refused)."));
  public static final ConfigKey<Integer> MAX_THREAD_RESTARTS = add(ConfigKey.ofInt("stream.max-thread-restarts", 3,
      0, 1_000, "Streaming job: a stream thread that dies of an exception is replaced at most this many times per"
          + " run; the next failure stops the job (exit code 1) instead of crash-looping on a deterministic bug."));
  public static final ConfigKey<String> STATE_DIR = add(ConfigKey.ofString("stream.state-dir",
      System.getProperty("java.io.tmpdir") + "/rewriter-streams", "Directory of the RocksDB state stores."));

  // ---- serve ----
  public static final ConfigKey<String> SERVE_BIND = add(ConfigKey.ofString("serve.bind", "127.0.0.1",
      "./rewrite serve: address to listen on; the loopback address unless set (0.0.0.0 listens on every interface)."));
  public static final ConfigKey<Integer> SERVE_PORT = add(ConfigKey.ofInt("serve.port", 8080, 0, 65_535,
      "./rewrite serve: TCP port (0: any free port, printed at start); --port overrides it."));
  public static final ConfigKey<String> SERVE_TOKEN_FILE = add(ConfigKey.ofString("serve.token-file", "-",
      "./rewrite serve: file holding a bearer token that /v1/* and /metrics then require (Authorization: Bearer"
          + " TOKEN, compared in constant time; 401 without it); - for no token."));
  public static final ConfigKey<Integer> SERVE_MAX_BODY_BYTES = add(ConfigKey.ofInt("serve.max-body-bytes", 262_144,
      1_024, 16_777_216, "./rewrite serve: largest request body accepted; a longer one is a 400 naming 'body'."));
  public static final ConfigKey<Integer> SERVE_BODY_TIMEOUT_MS = add(ConfigKey.ofInt("serve.body-timeout-ms", 5_000,
      100, 600_000, "./rewrite serve: the whole request body must arrive within this many milliseconds of the"
          + " headers, else 408 and the connection closes. The body is read before a serve.max-concurrent permit is"
          + " taken, so a slow sender holds a connection, never a permit."));
  public static final ConfigKey<Integer> SERVE_MIN_BODY_BYTES_PER_SECOND = add(ConfigKey.ofInt(
      "serve.min-body-bytes-per-second", 1_024, 0, 1_073_741_824, "./rewrite serve: after the first second, a request"
          + " body arriving slower than this (bytes received / seconds since the headers) is answered 408 and its"
          + " connection closed; 0 switches the check off (serve.body-timeout-ms still holds)."));
  public static final ConfigKey<Integer> SERVE_MAX_UTTERANCE_CHARS = add(ConfigKey.ofInt(
      "serve.max-utterance-chars", 512, 1, 100_000,
      "./rewrite serve: longest utterance accepted, in characters (Unicode code points); longer is a 400."));
  public static final ConfigKey<Integer> SERVE_MAX_BATCH = add(ConfigKey.ofInt("serve.max-batch", 64, 1, 10_000,
      "./rewrite serve: most requests in one POST /v1/rewrite:batch; more is a 400 naming 'requests'."));
  public static final ConfigKey<Integer> SERVE_MAX_CONCURRENT = add(ConfigKey.ofInt("serve.max-concurrent", 64, 1,
      100_000, "./rewrite serve: HTTP requests handled at once (a batch counts once); past it the answer is 503 with"
          + " Retry-After, at once, instead of queueing."));
  public static final ConfigKey<Integer> SERVE_RETRY_AFTER_SECONDS = add(ConfigKey.ofInt(
      "serve.retry-after-seconds", 1, 1, 3_600, "./rewrite serve: the Retry-After header of a 503 (overloaded, not"
          + " ready yet, or shutting down)."));
  public static final ConfigKey<Integer> SERVE_DRAIN_SECONDS = add(ConfigKey.ofInt("serve.drain-seconds", 20, 0,
      3_600, "./rewrite serve: on SIGTERM, stop accepting connections and wait at most this long for requests in"
          + " flight to finish before closing the model."));

  // ---- serving several instances from the stream (serve --bootstrap) ----
  public static final ConfigKey<String> SHARD_APPLICATION_ID = add(ConfigKey.ofString("shard.application-id",
      "rewriter-serve", "serve --bootstrap: Kafka Streams application id of the serving instances, which share the"
          + " partitions of the customer-memory table between them; must differ from stream.application-id."));
  public static final ConfigKey<Integer> SHARD_STANDBY_REPLICAS = add(ConfigKey.ofInt("shard.standby-replicas", 1,
      0, 10, "serve --bootstrap: warm copies of each partition kept on other instances (num.standby.replicas); a"
          + " request whose owner is unreachable is answered from one of them."));
  public static final ConfigKey<Integer> SHARD_FORWARD_TIMEOUT_MS = add(ConfigKey.ofInt("shard.forward-timeout-ms",
      20, 1, 10_000, "serve --bootstrap: longest wait for the instance holding a customer's memory (also bounded by"
          + " online.budget-ms); past it the request goes on with the global layers."));
  public static final ConfigKey<String> SHARD_ADVERTISED_HOST = add(ConfigKey.ofString("shard.advertised-host",
      "127.0.0.1", "serve --bootstrap: host name the other instances reach this one at (with its --port), announced"
          + " to Kafka Streams as application.server."));
  public static final ConfigKey<Integer> SHARD_SESSION_TIMEOUT_MS = add(ConfigKey.ofInt("shard.session-timeout-ms",
      6_000, 3_000, 300_000, "serve --bootstrap: how long the group waits for a silent instance before moving its"
          + " partitions (consumer session.timeout.ms; the default is a broker's default minimum,"
          + " group.min.session.timeout.ms); meanwhile its customers are read from standbys."));
  public static final ConfigKey<Boolean> PUBLISH_PERSONAL = add(ConfigKey.ofBoolean("publish.personal", true,
      "publish --bootstrap: copy every customer's memory into the model version (single-node serve --model). false:"
          + " the version holds only the global part, and serve --bootstrap instances serve memories from the"
          + " stream; publishing then reads only what the global model needs."));
  // ---- privacy (differential privacy of the global part; docs/privacy.md) ----
  public static final ConfigKey<Double> PRIVACY_EPSILON = add(ConfigKey.ofDouble("privacy.epsilon", 0.0, 0, 100,
      "Differential privacy: epsilon of one publish of the global part (rewrite table, global index and what is"
          + " derived from them), for a customer within one publish window; 0 switches differential privacy off"
          + " (the k-customer gates alone then protect). train: the window is the log; the streaming job: everything"
          + " it has mined since its state began (set it before the job's first start). Repeated publishes add up;"
          + " what is not covered: see docs/privacy.md."));
  public static final ConfigKey<Double> PRIVACY_DELTA = add(ConfigKey.ofDouble("privacy.delta", 1e-6, 1e-12, 0.01,
      "Differential privacy: delta of one publish (the chance that partition selection releases a request only one"
          + " customer said); keep it well below 1 / the number of customers. Unused while privacy.epsilon is 0."));
  public static final ConfigKey<Integer> PRIVACY_MAX_CHAINS_PER_REQUEST = add(ConfigKey.ofInt(
      "privacy.max-chains-per-request", 3, 1, 1_000, "Differential privacy: L, the most chains one customer"
          + " contributes per request and publish window (more are dropped, the same ones whatever the arrival"
          + " order); their majority outcome is the customer's one vote on the request. Unused while privacy.epsilon"
          + " is 0."));
  public static final ConfigKey<Integer> PRIVACY_MAX_REQUESTS_PER_CUSTOMER = add(ConfigKey.ofInt(
      "privacy.max-requests-per-customer", 1, 1, 100_000, "Differential privacy: M, the most distinct requests one"
          + " customer contributes to the global statistics per publish window (one vote each; the requests they"
          + " rephrased into success first); the noise and the release threshold grow linearly with it (1 measured"
          + " best on d1, docs/privacy.md). Unused while privacy.epsilon is 0."));
  public static final ConfigKey<Double> PRIVACY_SELECTION_SHARE = add(ConfigKey.ofDouble("privacy.selection-share",
      0.8, 0.01, 0.99, "Differential privacy: the share of privacy.epsilon spent on choosing which requests and"
          + " rewrites appear at all (partition selection, with all of privacy.delta); the rest noises the counts of"
          + " the chosen ones. A larger share lowers the release threshold and coarsens the counts. Unused while"
          + " privacy.epsilon is 0."));
  public static final ConfigKey<Boolean> PRIVACY_CALIBRATE = add(ConfigKey.ofBoolean("privacy.calibrate", false,
      "Differential privacy: whether a private build still calibrates its layers (calibration.enabled) by replaying"
          + " the latest days of the raw logs, which the guarantee does not cover. false: every layer serves, the"
          + " ranked ones above the public ranker's own threshold, a choice that reads no data (measured on d1 and"
          + " d2 as good or better, docs/privacy.md). Unused while privacy.epsilon is 0."));
  public static final ConfigKey<Integer> PRIVACY_WINDOW_DAYS = add(ConfigKey.ofInt("privacy.window-days", 0, 0,
      3_650, "Differential privacy, streaming job: the publish window. 0: one window, everything the job has mined"
          + " since its state began, and each publish releases it all again. N: tumbling windows of N days of event"
          + " time (UTC), each customer bounded per window (M requests, L chains), and publish --bootstrap releases"
          + " the newest closed window only (refused while the job has seen one window). Set it before the job's"
          + " first start, like privacy.epsilon. train is unaffected (its window is the log). Unused while"
          + " privacy.epsilon is 0."));
  public static final ConfigKey<Double> PRIVACY_MAX_TOTAL_EPSILON = add(ConfigKey.ofDouble(
      "privacy.max-total-epsilon", 0.0, 0, 10_000, "Differential privacy: the most epsilon that the private publishes"
          + " recorded in a versioned model directory's privacy ledger (MODEL_DIR/privacy-ledger.jsonl) may add up to"
          + " by basic composition, this publish included; a publish that would pass it is refused before it reads"
          + " any data (exit code 2), and publish --every stops. 0: no limit (the ledger still records and reports"
          + " the total). Unused while privacy.epsilon is 0."));

  private ConfigKeys() {}

  private static <T> ConfigKey<T> add(ConfigKey<T> key) {
    if (ALL.put(key.name(), key) != null) {
      throw new IllegalStateException("duplicate configuration key " + key.name());
    }
    return key;
  }

  /** All keys in declaration order. */
  public static List<ConfigKey<?>> all() {
    return List.copyOf(ALL.values());
  }

  /** The key whose environment variable is {@code envName}, or null. */
  public static ConfigKey<?> byEnvName(String envName) {
    for (ConfigKey<?> k : ALL.values()) {
      if (k.envName().equals(envName)) {
        return k;
      }
    }
    return null;
  }

  /** The key of that name, or null. */
  public static ConfigKey<?> byName(String name) {
    return ALL.get(name);
  }
}
