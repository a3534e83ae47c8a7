package org.selflearn.rewriter.offline.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.RewriteDecision;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.solve.SolveJob;
import org.selflearn.rewriter.offline.solve.SolveResult;
import org.selflearn.rewriter.online.index.PersonalProfile;

/**
 * Mining → selection → personal memory on a small hand-made population: a recurring misrecognition far from the
 * intended words in sound and spelling is learned from recurrence alone; a short form that two groups of customers
 * complete differently stays out of the global table and is rewritten per customer from their own chains.
 */
class RecurrenceAndAmbiguityTest {
  private static final String GARBLED = "turn on the like since kitchen";
  private static final String LIGHTS = "turn on the lights in the kitchen";
  private static final String SHORT = "wake me up";
  private static SolveResult solved;
  private static SessionCollector collector;
  private static long clock = Instant.parse("2026-11-01T08:00:00Z").toEpochMilli();
  private static int ids;

  @BeforeAll
  static void mine() {
    RewriterConfig config = RewriterConfig.defaults();
    collector = new SessionCollector(1200, 1000);
    FileMiner miner = new FileMiner(MiningSettings.from(config)).onSession(collector);
    for (int day = 0; day < 4; day++) {
      for (int c = 0; c < 12; c++) { // one voice's garbled request, repaired by saying it again
        session(miner, "v" + c, GARBLED, LIGHTS);
      }
      for (int c = 0; c < 3; c++) { // others give up and ask something else: a follow-up, not what they meant
        session(miner, "g" + c, GARBLED, "what is the weather");
      }
      for (int c = 0; c < 8; c++) { // a short form two groups complete differently
        session(miner, "a" + c, SHORT, SHORT + " at half past six");
        session(miner, "b" + c, SHORT, SHORT + " at quarter to eight");
      }
      for (int c = 0; c < 20; c++) {
        session(miner, "s" + c, LIGHTS);
      }
    }
    solved = new SolveJob(config).solve(MinedStats.of(miner.finish()));
  }

  /** One session: every turn but the last fails, the last succeeds. */
  private static void session(FileMiner miner, String customer, String... utterances) {
    clock += 3_600_000;
    String session = "s-" + clock;
    for (int i = 0; i < utterances.length; i++) {
      boolean last = i == utterances.length - 1;
      miner.accept(new InteractionEvent("e-" + (ids++), Instant.ofEpochMilli(clock + i * 6_000L), customer, null,
          null, session, null, utterances[i], Double.NaN, null,
          new Response(last ? ResponseStatus.SUCCESS : ResponseStatus.ERROR, null), Signals.NONE, null, null));
    }
  }

  @Test
  void aRecurringErrorFarFromTheIntendedWordsIsLearnedFromRecurrence() {
    assertThat(solved.entries()).containsKey(GARBLED);
    assertThat(solved.entries().get(GARBLED).target()).isEqualTo(LIGHTS);
  }

  @Test
  void aShortFormThatCustomersCompleteDifferentlyIsNotAGlobalRewrite() {
    assertThat(solved.entries()).doesNotContainKey(SHORT);
    assertThat(solved.decisions()).filteredOn(d -> d.source().equals(SHORT) && !d.reason().equals("not-best"))
        .singleElement().extracting(RewriteDecision::reason).isEqualTo("ambiguous");
  }

  @Test
  void eachCustomersOwnChainsRewriteTheShortFormTheirWay() {
    assertThat(profile("a3").ownRewrite(SHORT, 3, 0.6)).isEqualTo(SHORT + " at half past six");
    assertThat(profile("b5").ownRewrite(SHORT, 3, 0.6)).isEqualTo(SHORT + " at quarter to eight");
    assertThat(profile("s1").ownRewrite(SHORT, 3, 0.6)).as("no history, no personal rewrite").isNull();
    assertThat(profile("a3").ownRewrite(SHORT, 5, 0.6)).as("four chains are fewer than five").isNull();
  }

  private static PersonalProfile profile(String customer) {
    CustomerMemory memory = collector.inputs(Map.of()).memories().get(customer);
    Map<String, Integer> pairs = memory == null ? Map.of() : memory.pairs();
    return new PersonalProfile(List.of(), IndexBuilder.ownPairs(pairs));
  }
}
