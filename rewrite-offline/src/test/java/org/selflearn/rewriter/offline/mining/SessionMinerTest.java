package org.selflearn.rewriter.offline.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

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
    stats.values().forEach(v -> assertThat(StatValue.fromBytes(v.toBytes())).isEqualTo(v)); // as stored
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
  void aTurnOurRewriterChangedIsItsOwnStateApartFromWhatWasHeardAndWhatRan() {
    InteractionEvent rewritten = event("e-1", "play maj and dragons",
        new AppliedRewrite("play imagine dragons", RewriteSource.PRECOMPUTED, 0.9));
    Turn t = Turn.of(rewritten, false);
    assertThat(t.heard()).isEqualTo("play maj and dragons");
    assertThat(StateNames.heard(t.state())).isEqualTo("play maj and dragons");
    assertThat(StateNames.executed(t.state())).isEqualTo("play imagine dragons");
    Map<String, StatValue> stats = new HashMap<>();
    SessionMiner.contributions(miner.mine(List.of(t)), (k, v) -> stats.merge(k, v, StatValue::merge));
    assertThat(stats).containsOnlyKeys(StatKey.state(t.state()));
    assertThat(stats.get(StatKey.state(t.state())).successes()).isEqualTo(1);
    assertThat(Turn.of(event("e-2", "play maj and dragons", null), false).state()).isEqualTo("play maj and dragons");
  }

  private static InteractionEvent event(String id, String heard, AppliedRewrite rewrite) {
    return new InteractionEvent(id, Instant.parse("2026-11-01T08:00:00Z"), "c-1", null, DeviceType.SPEAKER, null,
        null, heard, 0.9, null, new Response(ResponseStatus.SUCCESS, "ok"), Signals.NONE, rewrite, null);
  }

  @Test
  void aFileOrderedByCustomerMinesTheSameAsOneOrderedByTime(@TempDir Path dir) throws IOException {
    new LogSimulator(BuiltInWorld.build(4), SimulationOptions.of(3000, 6, 4)).run(dir, d -> { });
    Path byTime = dir.resolve("train.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(byTime));
    lines.sort(Comparator.comparing((String l) -> field(l, "customerId")).thenComparing(l -> field(l, "timestamp")));
    Path byCustomer = dir.resolve("by-customer.jsonl");
    Files.write(byCustomer, lines);
    assertThat(mine(byCustomer)).isEqualTo(mine(byTime));
  }

  private static String field(String line, String name) {
    int i = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return line.substring(i, line.indexOf('"', i));
  }

  private Map<String, StatValue> mine(Path file) {
    FileMiner m = new FileMiner(settings);
    m.mine(file, r -> { });
    return m.finish();
  }
}
