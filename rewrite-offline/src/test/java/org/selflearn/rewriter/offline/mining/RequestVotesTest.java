package org.selflearn.rewriter.offline.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.config.ConfigLoader;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.privacy.ContributionBounder;
import org.selflearn.rewriter.offline.privacy.ContributionBounder.Contribution;

class RequestVotesTest {
  private static final int L = 3;
  private static final int M = 2;
  private static int ids;

  /**
   * One session of one chain: every turn but the last was rephrased; the last succeeded when {@code success}. States
   * are the texts.
   */
  static MinedSession chain(String customer, boolean success, String... states) {
    return chainOnDay(0, customer, success, states);
  }

  /** {@link #chain} on a given UTC day since 1970-01-01. */
  static MinedSession chainOnDay(long day, String customer, boolean success, String... states) {
    List<Turn> turns = new ArrayList<>();
    boolean[] defect = new boolean[states.length];
    boolean[] rephrased = new boolean[states.length];
    for (int i = 0; i < states.length; i++) {
      boolean last = i == states.length - 1;
      turns.add(new Turn("e-" + ids++, day * 86_400_000L + 1_000L * (ids % 80_000), customer, "d", DeviceType.SPEAKER, states[i], states[i],
          last && success ? "Music|Play" : "", "", last && !success, false, Feedback.NONE, 0));
      defect[i] = !(last && success);
      rephrased[i] = !last;
    }
    return new MinedSession(turns, defect, rephrased, List.<int[]>of(new int[] {0, states.length - 1}));
  }

  static Map<String, StatValue> votes(List<MinedSession> sessions) {
    RequestVotes v = new RequestVotes(new ContributionBounder(L, M, RequestVotes.BOUNDING_KEY));
    sessions.forEach(v::accept);
    return v.finish();
  }

  private static String key(String request, Outcome o, String target) {
    return new RequestVote(request, o, target).key();
  }

  @Test
  void eachChainTellsEachRequestInItWhatTheChainCameTo() {
    List<Contribution<RequestVotes.Part>> parts = new ArrayList<>();
    RequestVotes.parts(chain("c", true, "a", "b", "a", "c"), parts::add);
    RequestVotes.parts(chain("c", false, "d", "e"), parts::add);
    RequestVotes.parts(chain("c", true, "f"), parts::add);
    assertThat(parts).extracting(p -> p.source() + " " + p.value().outcome() + " " + p.value().target())
        .containsExactly("a FIXED c", "b FIXED c", "c OK null", "d LOST null", "e FAILED null", "f OK null");
    assertThat(parts.get(0).chain()).as("one chain id for the parts of one chain").isEqualTo(parts.get(1).chain());
    assertThat(parts.get(2).value().domain().value()).as("the fact of a success travels with it")
        .isEqualTo("Music|Play");
  }

  @Test
  void aCustomerCastsOneVotePerRequestTheOutcomeMostOfTheirKeptChainsHad() {
    Map<String, StatValue> v = votes(List.of(chain("c", true, "s", "t"), chain("c", true, "s", "t"),
        chain("c", true, "s"), chain("d", true, "s")));
    assertThat(v).containsOnlyKeys(key("s", Outcome.FIXED, "t"), key("s", Outcome.OK, null),
        key("t", Outcome.OK, null));
    assertThat(v.get(key("s", Outcome.FIXED, "t")).count()).as("c: two chains of three were fixed with t")
        .isEqualTo(1);
    assertThat(v.get(key("s", Outcome.OK, null)).count()).as("d said it once, and it worked").isEqualTo(1);
    assertThat(v.get(key("t", Outcome.OK, null)).count()).isEqualTo(1);
  }

  @Test
  void aTieGoesToTheChainRankedFirst() {
    Contribution<RequestVotes.Part> ok = new Contribution<>("c", "s", "k1",
        new RequestVotes.Part(Outcome.OK, null, null, null));
    Contribution<RequestVotes.Part> fixed = new Contribution<>("c", "s", "k2",
        new RequestVotes.Part(Outcome.FIXED, "t", null, null));
    assertThat(RequestVotes.vote("s", List.of(ok, fixed)).outcome()).isEqualTo(Outcome.OK);
    assertThat(RequestVotes.vote("s", List.of(fixed, ok)).outcome()).isEqualTo(Outcome.FIXED);
    assertThat(RequestVotes.vote("s", List.of(ok, fixed, fixed)).outcome()).as("a majority wins")
        .isEqualTo(Outcome.FIXED);
  }

  /** 300 customers, each a few chains over 40 requests, fixed with one of 5 targets or not. */
  static List<MinedSession> world(long seed) {
    Random r = new Random(seed);
    List<MinedSession> out = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      for (int k = 0, n = 1 + r.nextInt(8); k < n; k++) {
        String source = "request " + r.nextInt(40);
        out.add(r.nextBoolean() ? chain("c-" + c, r.nextBoolean(), source, "target " + r.nextInt(5))
            : chain("c-" + c, r.nextInt(4) > 0, source));
      }
    }
    return out;
  }

  @Test
  void oneCustomerWithTenThousandEventsMovesAtMostMVoteCountsByOneEach() {
    List<MinedSession> base = world(1);
    List<MinedSession> withHeavy = new ArrayList<>(base);
    for (int e = 0; e < 5_000; e++) { // 10,000 turns: the same request rephrased half the time, 60 others
      String source = e % 2 == 0 ? "request 7" : "request " + (e % 60);
      withHeavy.add(chain("c-heavy", true, source, "target " + (e % 13)));
    }
    Map<String, StatValue> a = votes(base);
    Map<String, StatValue> b = votes(withHeavy);
    Set<String> keys = new HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    int changed = 0;
    for (String k : keys) {
      long d = Math.abs(count(b, k) - count(a, k));
      assertThat(d).as("change of %s", k).isLessThanOrEqualTo(1);
      changed += d > 0 ? 1 : 0;
    }
    assertThat(changed).as("vote counts changed").isPositive().isLessThanOrEqualTo(M);
  }

  private static long count(Map<String, StatValue> votes, String key) {
    StatValue v = votes.get(key);
    return v == null ? 0 : v.count();
  }

  @Test
  void theRequestsACustomerRephrasedIntoSuccessAreKeptFirst() {
    List<MinedSession> sessions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sessions.add(chain("c", true, "works " + i));
      sessions.add(chain("c", false, "garbled " + i, "still garbled " + i));
    }
    sessions.add(chain("c", true, "misheard", "meant"));
    sessions.add(chain("c", true, "misheard too", "meant too"));
    assertThat(votes(sessions).keySet()).containsExactlyInAnyOrder(key("misheard", Outcome.FIXED, "meant"),
        key("misheard too", Outcome.FIXED, "meant too"));
  }

  @Test
  void withoutAFixTheOtherRequestsAreChosenByHash() {
    List<MinedSession> sessions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sessions.add(chain("c", true, "works " + i));
      sessions.add(chain("c", false, "garbled " + i, "still garbled " + i));
    }
    Map<String, StatValue> votes = votes(sessions);
    assertThat(votes).hasSize(M);
    assertThat(votes(sessions.reversed()).keySet()).isEqualTo(votes.keySet());
  }

  @Test
  void theVotesDoNotDependOnTheOrderSessionsArriveIn() {
    List<MinedSession> sessions = world(2);
    Map<String, StatValue> once = votes(sessions);
    Collections.shuffle(sessions, new Random(3));
    assertThat(votes(sessions)).isEqualTo(once);
  }

  @Test
  void withPrivacyOnTheFileMinerMinesOnlyBoundedVotes() {
    RewriterConfig on = ConfigLoader.load(null, Map.of("REWRITER_PRIVACY_EPSILON", "1"));
    FileMiner privateMiner = new FileMiner(MiningSettings.from(on));
    FileMiner plainMiner = new FileMiner(MiningSettings.from(RewriterConfig.defaults()));
    for (FileMiner miner : List.of(privateMiner, plainMiner)) {
      long t = Instant.parse("2026-11-01T08:00:00Z").toEpochMilli();
      for (int c = 0; c < 5; c++) {
        t += 3_600_000;
        event(miner, "c" + c, "s-" + t, t, "turn on the like since kitchen", false);
        event(miner, "c" + c, "s-" + t, t + 5_000, "turn on the lights in the kitchen", true);
      }
    }
    Map<String, StatValue> votes = privateMiner.finish();
    assertThat(votes.keySet()).allMatch(k -> StatKey.kind(k) == StatKey.VOTE);
    assertThat(votes.get(key("turn on the like since kitchen", Outcome.FIXED, "turn on the lights in the kitchen"))
        .count()).isEqualTo(5);
    assertThat(privateMiner.summary().toMap()).containsKey("bounding");
    assertThat(plainMiner.finish().keySet()).noneMatch(k -> StatKey.kind(k) == StatKey.VOTE);
    assertThat(plainMiner.summary().toMap()).doesNotContainKey("bounding");
  }

  private static void event(FileMiner miner, String customer, String session, long t, String utterance,
      boolean success) {
    miner.accept(new InteractionEvent("e-" + ids++, Instant.ofEpochMilli(t), customer, null, null, session,
        null, utterance, Double.NaN, null, new Response(success ? ResponseStatus.SUCCESS : ResponseStatus.ERROR,
        null), Signals.NONE, null, null));
  }
}
