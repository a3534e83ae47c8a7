package org.selflearn.rewriter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.codec.EventEncoder;
import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.text.TextNormalizer;

/** Simulated customers react to what the assistant executed, as the hook decides it. */
class RewriteHookTest {
  @TempDir
  Path dir;

  private static LogSimulator simulator() {
    return new LogSimulator(BuiltInWorld.build(3), SimulationOptions.of(200, 4, 3));
  }

  private static List<LogSimulator.SimulatedTurn> days(RewriteHook hook) {
    List<LogSimulator.SimulatedTurn> turns = new ArrayList<>();
    simulator().simulateDays(0, 3, hook, turns::add);
    return turns;
  }

  @Test
  void withoutARewriterSimulatedDaysAreTheTrainFileWhateverTheThreads() throws IOException {
    simulator().run(dir, d -> { });
    EventEncoder encoder = new EventEncoder();
    StringBuilder s = new StringBuilder();
    days(RewriteHook.NONE).forEach(t -> s.append(encoder.encode(t.event())).append('\n'));
    assertThat(s.toString()).isEqualTo(Files.readString(dir.resolve(LogSimulator.TRAIN_FILE)));
  }

  @Test
  void aRightRewriteServesTheCustomerAndAWrongOneFails() {
    long baseline = days(RewriteHook.NONE).stream().filter(LogSimulator.SimulatedTurn::defect).count();
    // the oracle: every listed misrecognition executed as what was meant
    java.util.Map<String, String> meant = new java.util.HashMap<>();
    for (WorldRequest w : BuiltInWorld.build(3)) {
      w.confusions().forEach(c -> meant.putIfAbsent(TextNormalizer.normalize(c), w.intended()));
    }
    List<LogSimulator.SimulatedTurn> right = days(h -> meant.containsKey(h.utterance())
        ? new AppliedRewrite(meant.get(h.utterance()), RewriteSource.GLOBAL, 0.9) : null);
    assertThat(right.stream().filter(LogSimulator.SimulatedTurn::defect).count()).isLessThan(baseline * 9 / 10);
    assertThat(right).anyMatch(t -> t.event().rewrite() != null);
    for (LogSimulator.SimulatedTurn t : right) {
      if (t.event().rewrite() != null) {
        assertThat(t.event().utterance()).as("utterance keeps what was heard").isNotEqualTo(t.event().rewrite().to());
      }
    }
    List<LogSimulator.SimulatedTurn> wrong = days(h -> new AppliedRewrite("book a flight to mars",
        RewriteSource.PRECOMPUTED, 0.9));
    assertThat(wrong).isNotEmpty().allMatch(t -> t.defect() || t.event().rewrite() == null);
    assertThat(wrong.stream().filter(LogSimulator.SimulatedTurn::rephrasedByNext).count()).isPositive();
  }
}
