package org.selflearn.rewriter.offline.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;

/**
 * Publishes a complete model as a new version of a versioned model directory ({@link ModelHome}): trains it with
 * {@link TrainJob} into {@code versions/.tmp-v-NNNNNN}, validates it by opening it with {@link QueryRewriter#open}
 * and rewriting requests taken from the logs (no request may fail), renames it to {@code versions/v-NNNNNN}, switches
 * {@code CURRENT} to it by an atomic rename, and removes the oldest versions beyond {@code model.keep-versions}
 * (never the serving one). A publish killed at any step before the switch leaves the previous version serving; its
 * leftovers are removed by the next publish. One publish or rollback at a time per directory (a file lock).
 */
public final class ModelPublisher {
  static final int VALIDATION_REQUESTS = 20;

  private final RewriterConfig config;
  private final Clock clock;
  private final Consumer<String> progress;
  private final Consumer<ModelPublishStep> hook;
  private final BiFunction<Path, Path, Map<String, Object>> trainer;

  /**
   * What a publish did.
   *
   * @param version the new version, now serving
   * @param previous the version that served before (null for the first publish)
   * @param removed versions removed beyond the ones kept
   * @param trainSummary what training reported
   * @param unchanged true when nothing was published: the window this private publish would release was released
   *     already and has not changed ({@code version} is then the one serving)
   */
  public record Published(String version, String previous, List<String> removed, Map<String, Object> trainSummary,
      boolean unchanged) {}

  /** Where a version's model comes from: a log file, or what the streaming job keeps in Kafka. */
  public interface Source {
    /** Builds a complete model into {@code out}; returns the train summary. */
    Map<String, Object> train(Path out);

    /** Requests (each with its customer) to validate the model just trained with; called after {@link #train}. */
    List<RewriteRequest> validationRequests();

    /** What data a build reads, as the privacy ledger records it (a log file, a streaming job's topics). */
    String window();

    /**
     * Whether {@link #window()} names data that can no longer change but by erasure — a closed privacy window, with a
     * digest of its votes — so that a private publish of a window the ledger already holds would only spend privacy
     * on a second noisy copy of the same release, and is skipped.
     */
    default boolean windowClosed() {
      return false;
    }
  }

  public ModelPublisher(RewriterConfig config, Clock clock, Consumer<String> progress) {
    this(config, clock, progress, step -> { });
  }

  /** With a hook called after each step (tests use it to simulate a crash). */
  public ModelPublisher(RewriterConfig config, Clock clock, Consumer<String> progress,
      Consumer<ModelPublishStep> hook) {
    this(config, clock, progress, hook, (logs, out) -> new TrainJob(config, clock, progress).train(logs, out));
  }

  /** With another trainer (logs, output directory → summary) in place of {@link TrainJob}: for tests. */
  ModelPublisher(RewriterConfig config, Clock clock, Consumer<String> progress, Consumer<ModelPublishStep> hook,
      BiFunction<Path, Path, Map<String, Object>> trainer) {
    this.config = config;
    this.clock = clock;
    this.progress = progress;
    this.hook = hook;
    this.trainer = trainer;
  }

  /** Trains a model from {@code logs} and publishes it as the next version of {@code modelDir}. */
  public Published publish(Path logs, Path modelDir) {
    return publish(new Source() {
      @Override
      public Map<String, Object> train(Path out) {
        return trainer.apply(logs, out);
      }

      @Override
      public List<RewriteRequest> validationRequests() {
        try {
          return sampleRequests(logs);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + logs + ": " + e.getMessage(), e);
        }
      }

      @Override
      public String window() {
        return "log " + logs.toAbsolutePath().normalize();
      }
    }, modelDir);
  }

  /** Builds a model from {@code source} and publishes it as the next version of {@code modelDir}. */
  public Published publish(Source source, Path modelDir) {
    try (VersionedModelDir dir = VersionedModelDir.lock(modelDir)) {
      ModelHome home = dir.home();
      removeLeftovers(home);
      String previous = dir.currentName().orElse(null);
      String version = ModelHome.versionName(dir.nextNumber());
      Path tmp = home.versionsDir().resolve(".tmp-" + version);
      PrivacyLedger ledger = PrivacyLedger.of(home.root());
      PrivacyLedger.Entry spend = privateSpend(version, source);
      if (spend != null && previous != null && source.windowClosed() && ledger.released(spend.window())) {
        progress.accept("privacy: " + spend.window() + " was released already and has not changed: nothing new to"
            + " publish, no privacy spent; " + previous + " keeps serving");
        return new Published(previous, previous, List.of(), Map.of(), true);
      }
      if (spend != null) {
        ledger.checkRoom(spend, config.get(ConfigKeys.PRIVACY_MAX_TOTAL_EPSILON));
      }
      try {
        progress.accept("training model version " + version);
        Map<String, Object> summary = source.train(tmp);
        hook.accept(ModelPublishStep.TRAINED);
        progress.accept("validating " + version);
        validate(tmp, version, source.validationRequests());
        hook.accept(ModelPublishStep.VALIDATED);
        if (spend != null) {
          recordInManifest(new ModelDirectory(tmp), ledger.report(spend));
        }
        Files.move(tmp, home.versionDir(version), StandardCopyOption.ATOMIC_MOVE);
        hook.accept(ModelPublishStep.VERSION_RENAMED);
        dir.switchTo(version);
        if (spend != null) {
          ledger.record(spend);
          progress.accept(String.format(java.util.Locale.ROOT, "privacy ledger: %d private publishes, epsilon %.4g"
              + " and delta %.3g in all (basic composition; %s)", ledger.entries().size(),
              ledger.total(null).epsilon(), ledger.total(null).delta(), PrivacyLedger.FILE_NAME));
        }
        hook.accept(ModelPublishStep.CURRENT_SWITCHED);
        List<String> removed = prune(home, version, config.get(ConfigKeys.MODEL_KEEP_VERSIONS));
        hook.accept(ModelPublishStep.PRUNED);
        return new Published(version, previous, removed, summary, false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot publish model version " + version + " under " + modelDir + ": "
            + e.getMessage(), e);
      } finally {
        Directories.deleteTree(tmp);
      }
    }
  }

  /** This publish's entry in the privacy ledger, or null when privacy is off (nothing is spent). */
  private PrivacyLedger.Entry privateSpend(String version, Source source) {
    double epsilon = config.get(ConfigKeys.PRIVACY_EPSILON);
    return epsilon <= 0 ? null : new PrivacyLedger.Entry(version, clock.instant().toString(), epsilon,
        config.get(ConfigKeys.PRIVACY_DELTA), source.window());
  }

  /** Adds what the ledger will hold once this version serves to the version's manifest ({@code privacyLedger}). */
  private static void recordInManifest(ModelDirectory version, Map<String, Object> ledger) throws IOException {
    ObjectNode manifest = (ObjectNode) Jackson.readTree(version.manifest());
    manifest.set("privacyLedger", Jackson.convert(ledger, JsonNode.class));
    Files.writeString(version.manifest(), Jackson.PRETTY.writeValueAsString(manifest));
  }

  /**
   * Opens the new version as a service would (with this configuration, but no reload and a budget of 10 s: this
   * checks that every part answers, not how fast) and rewrites {@code requests}, each for the customer who said it:
   * none may fail, and no part may report a failure (warm-up included).
   */
  void validate(Path versionDir, String version, List<RewriteRequest> requests) {
    RewriterConfig checking = config.with(ConfigKeys.RELOAD_SECONDS, 0).with(ConfigKeys.BUDGET_MS, 10_000.0);
    try (QueryRewriter r = QueryRewriter.open(versionDir, checking)) {
      check(r, version, requests);
    } catch (ValidationFailed e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ValidationFailed("model version " + version + " failed validation: it cannot be opened: "
          + e.getMessage() + "; the previous version keeps serving", e);
    }
  }

  private static void check(QueryRewriter r, String version, List<RewriteRequest> requests) {
    for (RewriteRequest q : requests) {
      RewriteResult res = r.rewrite(q);
      if (res.reason().startsWith("error") || res.reason().equals("closed")) {
        throw new ValidationFailed("model version " + version + " failed validation: \"" + q.utterance()
            + "\" was answered " + res.reason() + "; the previous version keeps serving");
      }
    }
    Map<String, Long> failures = r.metrics().failures();
    for (String reason : failures.keySet()) {
      if (!reason.equals("budget")) {
        throw new ValidationFailed("model version " + version + " failed validation: " + reason + " ("
            + failures.get(reason) + "x); the previous version keeps serving");
      }
    }
  }

  /** A trained version that does not open or does not answer; nothing was switched. */
  public static final class ValidationFailed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ValidationFailed(String message) {
      super(message);
    }

    ValidationFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Up to {@value #VALIDATION_REQUESTS} distinct requests of the logs, each with its customer. */
  static List<RewriteRequest> sampleRequests(Path logs) throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    List<RewriteRequest> out = new ArrayList<>();
    try (BufferedReader in = reader(logs)) {
      String line;
      for (int n = 0; (line = in.readLine()) != null && out.size() < VALIDATION_REQUESTS && n < 100_000; n++) {
        JsonNode e;
        try {
          e = Jackson.readTree(line);
        } catch (IOException bad) {
          continue; // rejected lines are training's business
        }
        String utterance = e == null ? "" : e.path("utterance").asText("");
        if (!utterance.isBlank() && seen.add(utterance)) {
          String customer = e.path("customerId").asText(null);
          out.add(RewriteRequest.of(utterance, customer));
        }
      }
    }
    return out;
  }

  private static BufferedReader reader(Path logs) throws IOException {
    if (logs.getFileName().toString().endsWith(".gz")) {
      return new BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(logs)),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return Files.newBufferedReader(logs);
  }

  /** Removes what a killed publish left in {@code versions/}: anything that is not a complete version. */
  private static void removeLeftovers(ModelHome home) throws UncheckedIOException {
    try (Stream<Path> s = Files.list(home.versionsDir())) {
      for (Path p : s.toList()) {
        if (!ModelHome.isVersionName(p.getFileName().toString())) {
          Directories.deleteTree(p);
        }
      }
      Files.deleteIfExists(home.root().resolve(ModelHome.CURRENT + ".tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + home.versionsDir() + ": " + e.getMessage(), e);
    }
  }

  /** Removes the oldest versions beyond {@code keep}, never {@code serving}; returns their names. */
  static List<String> prune(ModelHome home, String serving, int keep) {
    List<String> versions = home.versions();
    List<String> removed = new ArrayList<>();
    for (int i = 0; i < versions.size() - keep; i++) {
      if (!versions.get(i).equals(serving)) {
        Directories.deleteTree(home.versionDir(versions.get(i)));
        removed.add(versions.get(i));
      }
    }
    return removed;
  }
}
