package org.selflearn.rewriter.offline.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.StateNames;

class SessionMinerTest {
  private final MiningSettings settings = MiningSettings.from(RewriterConfig.defaults());
  private final SessionMiner miner = new SessionMiner(settings);

  static Turn turn(String id, long t, String text, boolean failed, long engagement) {
    return new Turn(id, t, "c-1", "d-1", DeviceType.SPEAKER, text, text, "Music|PlayMusic", "", failed, false,
        Feedback.NONE, engagement);
  }

  @Test
  void aMisrecognitionRepairedByARephraseIsOneChainEndingInSuccess() {
    List<Turn> s = List.of(turn("1", 0, "play maj and dragons", true, 0),
        turn("2", 8_000, "play imagine dragons", false, 200_000));
    MinedSession m = miner.mine(s);
    assertThat(m.chains()).hasSize(1);
    assertThat(m.defect()).containsExactly(true, false);
    Map<String, StatValue> stats = new HashMap<>();
    SessionMiner.contributions(m, (k, v) -> stats.merge(k, v, StatValue::merge));
    assertThat(stats.get(StatKey.transition("play maj and dragons", "play imagine dragons")).count()).isEqualTo(1);
    assertThat(stats.get(StatKey.pair("play maj and dragons", "play imagine dragons")).successes()).isEqualTo(1);
    assertThat(stats.get(StatKey.state("play imagine dragons")).successes()).isEqualTo(1);
  }

  @Test
  void anUnrelatedFollowUpAfterASuccessIsNotARephrase() {
    List<Turn> s = List.of(turn("1", 0, "play imagine dragons", false, 200_000),
        turn("2", 10_000, "play imagine dragons thunder", false, 100_000),
        turn("3", 20_000, "set a timer for ten minutes", false, 0));
    MinedSession m = miner.mine(s);
    assertThat(m.chains()).hasSize(3);
    assertThat(m.defect()).containsExactly(false, false, false);
  }

  @Test
  void aFollowUpAfterTheWindowIsNotARephraseAndGiveUpEndsInFailure() {
    List<Turn> s = List.of(turn("1", 0, "play maj and dragons", true, 0),
        turn("2", 600_000, "play imagine dragons", false, 100_000));
    MinedSession m = miner.mine(s);
    assertThat(m.chains()).hasSize(2);
    Map<String, StatValue> stats = new HashMap<>();
    SessionMiner.contributions(m, (k, v) -> stats.merge(k, v, StatValue::merge));
    assertThat(stats.get(StatKey.state("play maj and dragons")).endFailures()).isEqualTo(1);
  }

  @Test
  void sessionsAreCutByTheGapAndToleratesOutOfOrderArrival() {
    SessionBuffer buffer = new SessionBuffer(300_000, 10_000);
    List<List<Turn>> closed = new ArrayList<>();
    PendingSession p = buffer.add(null, turn("1", 1_000, "a", false, 0), closed::add);
    p = buffer.add(p, turn("3", 9_000, "c", false, 0), closed::add);
    p = buffer.add(p, turn("2", 5_000, "b", false, 0), closed::add); // late by 4 s
    assertThat(p.turns()).extracting(Turn::eventId).containsExactly("1", "2", "3");
    p = buffer.add(p, turn("4", 900_000, "d", false, 0), closed::add);
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0)).hasSize(3);
    assertThat(buffer.expired(p, 900_000 + 310_001)).isTrue();
  }

  @Test
  void aTurnOurRewriterChangedIsItsOwnState() {
    assertThat(StateNames.rewritten("play maj and dragons", "play imagine dragons")).contains(" => ");
    assertThat(StateNames.heard("a => b")).isEqualTo("a");
    assertThat(StateNames.executed("a => b")).isEqualTo("b");
  }

  @Test
  void customerSketchesMergeAssociativelyAndSaturate() {
    CustomerSketch a = CustomerSketch.EMPTY;
    for (int i = 0; i < 100; i++) {
      a = a.merge(CustomerSketch.of("c" + i));
    }
    assertThat(a.count()).isEqualTo(CustomerSketch.CAP);
    CustomerSketch x = CustomerSketch.of("x").merge(CustomerSketch.of("y"));
    CustomerSketch y = CustomerSketch.of("y").merge(CustomerSketch.of("x"));
    assertThat(x).isEqualTo(y);
    StatValue v = new StatValue(3, 2, 1, x, CustomerSketch.of("x"));
    assertThat(StatValue.fromBytes(v.toBytes())).isEqualTo(v);
  }

  @Test
  void aFileOrderedByCustomerMinesTheSameAsOneOrderedByTime() throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("order");
    new org.selflearn.rewriter.simulator.LogSimulator(org.selflearn.rewriter.simulator.BuiltInWorld.build(4),
        org.selflearn.rewriter.simulator.SimulationOptions.of(3000, 6, 4)).run(dir, d -> { });
    java.nio.file.Path byTime = dir.resolve("train.jsonl");
    List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(byTime));
    lines.sort(java.util.Comparator.comparing((String l) -> field(l, "customerId"))
        .thenComparing(l -> field(l, "timestamp")));
    java.nio.file.Path byCustomer = dir.resolve("by-customer.jsonl");
    java.nio.file.Files.write(byCustomer, lines);
    assertThat(mine(byCustomer)).isEqualTo(mine(byTime));
  }

  private static String field(String line, String name) {
    int i = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return line.substring(i, line.indexOf('"', i));
  }

  private Map<String, StatValue> mine(java.nio.file.Path file) {
    FileMiner m = new FileMiner(settings);
    m.mine(file, r -> { });
    return m.finish();
  }
}
