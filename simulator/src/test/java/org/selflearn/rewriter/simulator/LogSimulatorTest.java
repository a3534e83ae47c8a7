package org.selflearn.rewriter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.text.Similarity;

class LogSimulatorTest {
  @TempDir
  Path dir;

  private SimulationSummary simulate(Path out, long seed) {
    return new LogSimulator(BuiltInWorld.build(seed), SimulationOptions.of(300, 6, seed)).run(out, d -> { });
  }

  @Test
  void theBuiltInWorldHasEnoughDistinctRequestsAcrossDomains() {
    List<WorldRequest> world = BuiltInWorld.build(1);
    assertThat(world.stream().map(WorldRequest::intended).distinct().count()).isGreaterThanOrEqualTo(150);
    assertThat(world.stream().map(WorldRequest::domain).distinct()).contains("Music", "SmartHome", "Weather",
        "Timer", "Shopping");
    assertThat(world).anyMatch(w -> w.kind() == WorldRequest.Kind.UNFIXABLE)
        .anyMatch(w -> w.kind() == WorldRequest.Kind.AMBIGUOUS_LONG);
  }

  @Test
  void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
    simulate(dir.resolve("a"), 5);
    simulate(dir.resolve("b"), 5);
    simulate(dir.resolve("c"), 6);
    assertThat(Files.readAllBytes(dir.resolve("a/train.jsonl"))).isEqualTo(Files.readAllBytes(
        dir.resolve("b/train.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("a/eval.jsonl"))).isEqualTo(Files.readAllBytes(
        dir.resolve("b/eval.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("a/train.jsonl"))).isNotEqualTo(Files.readAllBytes(
        dir.resolve("c/train.jsonl")));
  }

  @Test
  void outputIsValidSplitByDayAndRealistic() {
    SimulationSummary s = simulate(dir, 9);
    Set<String> ids = new HashSet<>();
    long[] errors = new long[1];
    long[] bargeIns = new long[1];
    long[] lastTrain = new long[1];
    EventFileReader.ReadCounts train = EventFileReader.forEach(dir.resolve(LogSimulator.TRAIN_FILE), e -> {
      ids.add(e.eventId());
      errors[0] += e.response().status() != ResponseStatus.SUCCESS ? 1 : 0;
      bargeIns[0] += e.signals().bargeIn() ? 1 : 0;
      lastTrain[0] = Math.max(lastTrain[0], e.timestamp().toEpochMilli());
      assertThat(e.truth()).isNotNull();
    }, r -> { throw new AssertionError(r.describe()); });
    long[] firstEval = {Long.MAX_VALUE};
    EventFileReader.ReadCounts eval = EventFileReader.forEach(dir.resolve(LogSimulator.EVAL_FILE),
        (InteractionEvent e) -> firstEval[0] = Math.min(firstEval[0], e.timestamp().toEpochMilli()),
        r -> { throw new AssertionError(r.describe()); });
    assertThat(train.rejected() + eval.rejected()).isZero();
    assertThat(ids).hasSize((int) train.events());
    assertThat(lastTrain[0]).isLessThan(firstEval[0]);
    assertThat(errors[0]).isPositive();
    assertThat(bargeIns[0]).isPositive();
    double defectRate = (double) s.toMap().get("defectRate");
    double rephraseRate = (double) s.toMap().get("rephraseRate");
    assertThat(defectRate).isBetween(0.1, 0.5);
    assertThat(rephraseRate).isBetween(0.05, 0.4);
    assertThat((long) s.toMap().get("personalSliceCustomers")).isPositive();
  }

  @Test
  void mishearingChangesMostRequestsByOneOrTwoLetterEdits() {
    SplittableRandom rng = new SplittableRandom(3);
    int draws = 0;
    int changed = 0;
    for (WorldRequest w : BuiltInWorld.build(3)) {
      for (int k = 0; k < 5; k++) {
        String m = ConfusionGenerator.mishear(w.intended(), rng);
        draws++;
        if (!m.equals(w.intended())) {
          changed++;
          assertThat(Similarity.levenshtein(m, w.intended())).as(w.intended() + " -> " + m).isBetween(1, 2);
        }
      }
      for (String c : w.confusions()) {
        assertThat(c).isNotEqualTo(w.intended());
      }
    }
    // 94% with this seed: nearly all the rest drew a word too short to change (under three letters)
    assertThat(changed).as("changed of " + draws).isGreaterThanOrEqualTo(draws * 85 / 100);
  }

  @Test
  void aRequestOfOnlyShortWordsComesBackAsItWas() {
    assertThat(ConfusionGenerator.mishear("go to it", new SplittableRandom(1))).isEqualTo("go to it");
  }
}
