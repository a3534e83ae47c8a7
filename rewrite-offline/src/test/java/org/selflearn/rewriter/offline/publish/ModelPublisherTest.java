package org.selflearn.rewriter.offline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/**
 * Whole-model publishing and rollback. A model is trained once for real (small simulated world, no embedder, no
 * calibration); each publish then "trains" by copying it, so that a crash can be injected after every step cheaply.
 */
class ModelPublisherTest {
  static final RewriterConfig CONFIG = RewriterConfig.defaults().with(ConfigKeys.EMBEDDER, "NONE")
      .with(ConfigKeys.CALIBRATION_ENABLED, false).with(ConfigKeys.RELOAD_SECONDS, 0);
  @TempDir
  static Path shared;
  static Path logs;
  static Path trained;

  @TempDir
  Path tmp;

  @BeforeAll
  static void trainOnce() {
    Path world = shared.resolve("world");
    new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(150, 4, 3)).run(world, d -> { });
    logs = world.resolve("train.jsonl");
    trained = shared.resolve("trained");
    new TrainJob(CONFIG, Clock.systemUTC(), m -> { }).train(logs, trained);
  }

  private static final BiFunction<Path, Path, Map<String, Object>> COPY = (l, out) -> {
    copyTree(trained, out);
    return Map.of();
  };

  private static ModelPublisher publisher(int keep, Consumer<ModelPublishStep> hook) {
    return new ModelPublisher(CONFIG.with(ConfigKeys.MODEL_KEEP_VERSIONS, keep), Clock.systemUTC(), m -> { }, hook,
        COPY);
  }

  @Test
  void publishesNumberedVersionsSwitchesCurrentAndKeepsTheNewestN() {
    Path home = tmp.resolve("model");
    ModelPublisher p = publisher(2, s -> { });
    assertThat(p.publish(logs, home).version()).isEqualTo("v-000001");
    try (QueryRewriter serving = QueryRewriter.open(home, CONFIG)) {
      assertThat(serving.modelVersion()).isEqualTo("v-000001");
      ModelPublisher.Published second = p.publish(logs, home);
      assertThat(second.version()).isEqualTo("v-000002");
      assertThat(second.previous()).isEqualTo("v-000001");
      assertThat(serving.reloadIfChanged()).isTrue(); // a running service picks the new version up
      assertThat(serving.modelVersion()).isEqualTo("v-000002");
      assertThat(p.publish(logs, home).removed()).containsExactly("v-000001");
    }
    ModelHome h = new ModelHome(home);
    assertThat(h.versions()).containsExactly("v-000002", "v-000003");
    assertThat(h.currentVersion()).isEqualTo("v-000003");
    assertThat(leftovers(home)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ModelPublishStep.class)
  void aPublishKilledAfterAnyStepLeavesAServingCompleteVersion(ModelPublishStep crashAfter) throws IOException {
    Path home = tmp.resolve("model");
    publisher(3, s -> { }).publish(logs, home);
    ModelPublisher crashing = publisher(3, step -> {
      if (step == crashAfter) {
        throw new IllegalStateException("killed after " + step);
      }
    });
    assertThatThrownBy(() -> crashing.publish(logs, home)).hasMessageContaining("killed");
    boolean switched = crashAfter.compareTo(ModelPublishStep.CURRENT_SWITCHED) >= 0;
    String serving = switched ? "v-000002" : "v-000001";
    try (QueryRewriter r = QueryRewriter.open(home, CONFIG)) {
      assertThat(r.modelVersion()).isEqualTo(serving);
      assertThat(r.tableVersion()).isNotNull();
      assertThat(r.rewrite(RewriteRequest.of("play imagine dragons", null)).reason()).doesNotStartWith("error");
    }
    // what a kill -9 leaves behind (no finally ran): a half-trained version and a half-written CURRENT.tmp
    Files.createDirectories(home.resolve("versions/.tmp-v-000009/global"));
    Files.writeString(home.resolve("CURRENT.tmp"), "v-0000");
    assertThat(new ModelHome(home).currentVersion()).isEqualTo(serving);
    // the next publish cleans up and succeeds
    String next = publisher(3, s -> { }).publish(logs, home).version();
    assertThat(new ModelHome(home).currentVersion()).isEqualTo(next);
    assertThat(leftovers(home)).isEmpty();
    assertThat(home.resolve("CURRENT.tmp")).doesNotExist();
  }

  @Test
  void privatePublishesAreRecordedInTheLedgerAndOneBeyondTheTotalBudgetIsRefusedBeforeItTrains() throws IOException {
    Path home = tmp.resolve("model");
    RewriterConfig budgeted = CONFIG.with(ConfigKeys.PRIVACY_EPSILON, 1.0)
        .with(ConfigKeys.PRIVACY_MAX_TOTAL_EPSILON, 2.5);
    int[] trainings = {0};
    ModelPublisher p = new ModelPublisher(budgeted, Clock.systemUTC(), m -> { }, s -> { }, (l, out) -> {
      trainings[0]++;
      return COPY.apply(l, out);
    });
    p.publish(logs, home);
    p.publish(logs, home);
    PrivacyLedger ledger = PrivacyLedger.of(home);
    assertThat(ledger.entries()).extracting(PrivacyLedger.Entry::version).containsExactly("v-000001", "v-000002");
    assertThat(ledger.entries().get(0).window()).startsWith("log ").endsWith("train.jsonl");
    assertThat(ledger.total(null).epsilon()).isEqualTo(2.0);
    JsonNode manifest = Jackson.readTree(new ModelHome(home).directory("v-000002").manifest());
    assertThat(manifest.path("privacyLedger").path("publishes").asInt()).isEqualTo(2);
    assertThat(manifest.path("privacyLedger").path("totalEpsilon").asDouble()).isEqualTo(2.0);

    assertThatThrownBy(() -> p.publish(logs, home)).isInstanceOf(PrivacyLedger.BudgetExhausted.class)
        .hasMessageContaining("privacy.max-total-epsilon is 2.5").hasMessageContaining("spent epsilon 2")
        .hasMessageContaining("would make it 3");
    assertThat(trainings[0]).isEqualTo(2); // refused before it read anything
    assertThat(new ModelHome(home).currentVersion()).isEqualTo("v-000002");
    assertThat(PrivacyLedger.of(home).entries()).hasSize(2);

    // privacy off spends nothing and is not recorded
    new ModelPublisher(CONFIG, Clock.systemUTC(), m -> { }, s -> { }, COPY).publish(logs, home);
    assertThat(PrivacyLedger.of(home).entries()).hasSize(2);
  }

  @Test
  void aClosedPrivacyWindowAlreadyReleasedIsNotPublishedAgain() {
    Path home = tmp.resolve("model");
    ModelPublisher p = new ModelPublisher(CONFIG.with(ConfigKeys.PRIVACY_EPSILON, 1.0), Clock.systemUTC(), m -> { },
        s -> { }, COPY);
    String[] window = {"stream app, window 2026-10-15 to 2026-10-21 (votes 0123456789abcdef)"};
    int[] trainings = {0};
    ModelPublisher.Source source = new ModelPublisher.Source() {
      @Override
      public Map<String, Object> train(Path out) {
        trainings[0]++;
        return COPY.apply(logs, out);
      }

      @Override
      public List<RewriteRequest> validationRequests() {
        return List.of(RewriteRequest.of("play imagine dragons", null));
      }

      @Override
      public String window() {
        return window[0];
      }

      @Override
      public boolean windowClosed() {
        return true;
      }
    };
    assertThat(p.publish(source, home).unchanged()).isFalse();
    ModelPublisher.Published again = p.publish(source, home);
    assertThat(again.unchanged()).as("the same closed window: no second noisy copy").isTrue();
    assertThat(again.version()).isEqualTo("v-000001");
    assertThat(trainings[0]).isEqualTo(1);
    assertThat(PrivacyLedger.of(home).entries()).hasSize(1);

    window[0] = "stream app, window 2026-10-15 to 2026-10-21 (votes fedcba9876543210)"; // an erasure changed it
    assertThat(p.publish(source, home).version()).isEqualTo("v-000002");
    assertThat(PrivacyLedger.of(home).entries()).hasSize(2);
  }

  @Test
  void aVersionThatFailsValidationIsNeitherKeptNorSwitchedTo() {
    Path home = tmp.resolve("model");
    publisher(3, s -> { }).publish(logs, home);
    ModelPublisher broken = new ModelPublisher(CONFIG, Clock.systemUTC(), m -> { }, s -> { }, (l, out) -> {
      copyTree(trained, out);
      try {
        Files.delete(new ModelDirectory(out).ranker());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return Map.of();
    });
    assertThatThrownBy(() -> broken.publish(logs, home)).isInstanceOf(ModelPublisher.ValidationFailed.class)
        .hasMessageContaining("v-000002").hasMessageContaining("ranker.json")
        .hasMessageContaining("previous version keeps serving");
    assertThat(new ModelHome(home).currentVersion()).isEqualTo("v-000001");
    assertThat(new ModelHome(home).versions()).containsExactly("v-000001");
    assertThat(leftovers(home)).isEmpty();
  }

  @Test
  void aPlainModelDirectoryIsNotPublishedInto() {
    assertThatThrownBy(() -> publisher(3, s -> { }).publish(logs, trained))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a versioned model directory");
    assertThat(trained.resolve(ModelHome.VERSIONS)).doesNotExist();
  }

  @Test
  void rollbackGoesToThePreviousVersionOrANamedOneAndNamesTheVersionWhenItCannot() {
    Path home = tmp.resolve("model");
    ModelPublisher p = publisher(2, s -> { });
    for (int i = 0; i < 3; i++) {
      p.publish(logs, home); // v-000001 removed, v-000002 and v-000003 kept
    }
    List<Path> checked = new java.util.ArrayList<>();
    assertThat(ModelRollback.rollback(home, null, checked::add))
        .isEqualTo(new ModelRollback.Switched("v-000003", "v-000002"));
    assertThat(checked).containsExactly(home.resolve("versions/v-000002"));
    assertThatThrownBy(() -> ModelRollback.rollback(home, null, d -> { }))
        .hasMessageContaining("no model version older than v-000002").hasMessageContaining("kept: v-000002, v-000003");
    assertThatThrownBy(() -> ModelRollback.rollback(home, "v-000001", d -> { }))
        .hasMessageContaining("model version v-000001 is not under");
    assertThatThrownBy(() -> ModelRollback.rollback(home, "v-000002", d -> { }))
        .hasMessageContaining("v-000002 is already serving");
    assertThatThrownBy(() -> ModelRollback.rollback(home, "latest", d -> { }))
        .hasMessageContaining("\"latest\" is not a model version name");
    assertThatThrownBy(() -> ModelRollback.rollback(home, "v-000003", d -> {
      throw new IllegalArgumentException("damaged model: " + d);
    })).hasMessageContaining("v-000003");
    assertThat(new ModelHome(home).currentVersion()).as("a refused target is not switched to").isEqualTo("v-000002");
    assertThat(ModelRollback.rollback(home, "v-000003", d -> { }).to()).isEqualTo("v-000003");
    assertThat(new ModelHome(home).currentVersion()).isEqualTo("v-000003");
    assertThatThrownBy(() -> ModelRollback.rollback(trained, null, d -> { }))
        .hasMessageContaining("not a versioned model directory");
  }

  private static List<String> leftovers(Path home) {
    try (Stream<Path> s = Files.list(home.resolve(ModelHome.VERSIONS))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !ModelHome.isVersionName(n)).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
