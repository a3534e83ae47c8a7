package org.selflearn.rewriter.offline.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.privacy.ContributionBounder;

class CustomerVotesTest {
  private static final ContributionBounder ONE_REQUEST = new ContributionBounder(3, 1, RequestVotes.BOUNDING_KEY);

  private static String key(String request, Outcome o, String target) {
    return new RequestVote(request, o, target).key();
  }

  /** The changes one session causes, vote key → count. */
  private static Map<String, Long> add(CustomerVotes votes, MinedSession s) {
    Map<String, Long> changes = new TreeMap<>();
    votes.add(s, (k, v) -> changes.merge(k, v.count(), Long::sum));
    return changes;
  }

  @Test
  void whenACustomersVoteChangesTheOldOneIsRetractedAndTheNewOneAdded() {
    CustomerVotes votes = new CustomerVotes("c", ONE_REQUEST);
    assertThat(add(votes, RequestVotesTest.chain("c", true, "works"))).containsExactly(
        Map.entry(key("works", Outcome.OK, null), 1L));
    assertThat(add(votes, RequestVotesTest.chain("c", true, "works")))
        .as("the same vote again: no count changes, its newer facts go out").containsExactly(
            Map.entry(key("works", Outcome.OK, null), 0L));
    assertThat(add(votes, RequestVotesTest.chain("c", true, "misheard", "meant")))
        .as("a rephrased request is kept first: M = 1 moves the vote").containsOnly(
            Map.entry(key("works", Outcome.OK, null), -1L), Map.entry(key("misheard", Outcome.FIXED, "meant"), 1L));
    Map<String, Long> changes = add(votes, RequestVotesTest.chain("c", false, "misheard", "garbled"));
    add(votes, RequestVotesTest.chain("c", false, "misheard", "garbled again")).forEach((k, n) -> changes.merge(k, n,
        Long::sum));
    changes.values().removeIf(n -> n == 0);
    assertThat(changes).as("two of its three chains lost: the vote on the same request changes").containsOnly(
            Map.entry(key("misheard", Outcome.FIXED, "meant"), -1L), Map.entry(key("misheard", Outcome.LOST, null),
                1L));
    assertThat(votes.votes()).containsOnlyKeys(key("misheard", Outcome.LOST, null));
  }

  @Test
  void erasureRetractsEveryVoteTheCustomerCasts() {
    CustomerVotes votes = new CustomerVotes("c", new ContributionBounder(3, 2, RequestVotes.BOUNDING_KEY));
    add(votes, RequestVotesTest.chain("c", true, "a", "b"));
    add(votes, RequestVotesTest.chain("c", true, "d"));
    assertThat(votes.votes()).hasSize(2);
    Map<String, Long> retracted = new TreeMap<>();
    votes.retract((k, v) -> retracted.merge(k, v.count(), Long::sum));
    assertThat(retracted).hasSize(2).allSatisfy((k, n) -> assertThat(n).isEqualTo(-1L));
    assertThat(votes.votes()).isEmpty();
    assertThat(votes.parts()).isZero();
  }

  @Test
  void perCustomerWindowsKeptThroughTheirBinaryFormSumToTheVotesFileModeCounts() {
    List<MinedSession> sessions = RequestVotesTest.world(6);
    ContributionBounder bounder = new ContributionBounder(3, 2, RequestVotes.BOUNDING_KEY);
    Map<String, byte[]> store = new HashMap<>();
    Map<String, Long> tally = new TreeMap<>();
    for (MinedSession s : sessions) {
      String customer = s.turns().get(0).customerId();
      byte[] stored = store.get(customer);
      CustomerVotes w = stored == null ? new CustomerVotes(customer, bounder)
          : CustomerVotes.fromBytes(customer, bounder, stored);
      w.add(s, (k, v) -> tally.merge(k, v.count(), Long::sum));
      store.put(customer, w.toBytes());
    }
    tally.values().removeIf(n -> n == 0);
    Map<String, Long> fileMode = new TreeMap<>();
    RequestVotesTest.votes(sessions).forEach((k, v) -> fileMode.put(k, v.count()));
    assertThat(tally).isNotEmpty().isEqualTo(fileMode);
  }

  @Test
  void theBinaryFormKeepsTheWindowAndRefusesAnotherVersion() {
    CustomerVotes votes = new CustomerVotes("c", ONE_REQUEST);
    add(votes, RequestVotesTest.chain("c", true, "misheard", "meant"));
    add(votes, RequestVotesTest.chain("c", false, "lost one", "lost two"));
    CustomerVotes back = CustomerVotes.fromBytes("c", ONE_REQUEST, votes.toBytes());
    assertThat(back.votes()).isEqualTo(votes.votes());
    assertThat(back.parts()).isEqualTo(votes.parts()).isEqualTo(4);
    byte[] other = votes.toBytes();
    other[0] = 9;
    assertThatThrownBy(() -> CustomerVotes.fromBytes("c", ONE_REQUEST, other))
        .hasMessageContaining("CustomerVotes format version 9");
  }

  @Test
  void aLaterWindowClosesTheCurrentOneWithoutRetractingItsVotesAndALateSessionIsNotCounted() {
    VoteWindows weekly = new VoteWindows(7);
    CustomerVotes votes = new CustomerVotes("c", ONE_REQUEST, weekly);
    String first = weekly.key(0, key("misheard", Outcome.FIXED, "meant"));
    assertThat(add(votes, RequestVotesTest.chainOnDay(2, "c", true, "misheard", "meant")))
        .containsOnly(Map.entry(first, 1L));
    Map<String, Long> next = new TreeMap<>();
    assertThat(votes.add(RequestVotesTest.chainOnDay(9, "c", true, "works"), (k, v) -> next.merge(k, v.count(),
        Long::sum))).isTrue();
    assertThat(next).as("window 0's vote stays counted; window 1 starts empty, M = 1 again")
        .containsOnly(Map.entry(weekly.key(1, key("works", Outcome.OK, null)), 1L));
    assertThat(votes.currentWindow()).isEqualTo(1);
    Map<String, Long> late = new TreeMap<>();
    assertThat(votes.add(RequestVotesTest.chainOnDay(5, "c", true, "too late", "fixed"), (k, v) -> late.put(k,
        v.count()))).as("a session of the closed window 0").isFalse();
    assertThat(late).isEmpty();

    CustomerVotes back = CustomerVotes.fromBytes("c", ONE_REQUEST, weekly, votes.toBytes());
    assertThat(back.currentWindow()).isEqualTo(1);
    Map<String, Long> retracted = new TreeMap<>();
    back.retract((k, v) -> retracted.merge(k, v.count(), Long::sum));
    assertThat(retracted).as("erasure reaches the closed window's vote too").containsOnly(Map.entry(first, -1L),
        Map.entry(weekly.key(1, key("works", Outcome.OK, null)), -1L));
  }

  @Test
  void onlyTheLastTwoClosedWindowsAreRetainedForErasure() {
    VoteWindows daily = new VoteWindows(1);
    CustomerVotes votes = new CustomerVotes("c", ONE_REQUEST, daily);
    for (int day = 0; day < 5; day++) {
      add(votes, RequestVotesTest.chainOnDay(day, "c", true, "works"));
    }
    Map<String, Long> retracted = new TreeMap<>();
    votes.retract((k, v) -> retracted.merge(k, v.count(), Long::sum));
    assertThat(retracted.keySet()).extracting(VoteWindows::windowOf).containsExactlyInAnyOrder(2L, 3L, 4L);
  }

  @Test
  void aWindowWrittenBeforeWindowsExistedIsReadAsTheSingleWindow() {
    CustomerVotes votes = new CustomerVotes("c", ONE_REQUEST);
    add(votes, RequestVotesTest.chain("c", true, "misheard", "meant"));
    byte[] current = votes.toBytes();
    // format 1: no window, no closed keys — the parts only
    byte[] v1 = new byte[current.length - 12];
    v1[0] = 1;
    System.arraycopy(current, 13, v1, 1, current.length - 13);
    CustomerVotes back = CustomerVotes.fromBytes("c", ONE_REQUEST, v1);
    assertThat(back.votes()).isEqualTo(votes.votes());
    assertThat(back.currentWindow()).isZero();
  }

  @Test
  void aSessionOfAnotherCustomerIsRefused() {
    CustomerVotes votes = new CustomerVotes("c", ONE_REQUEST);
    assertThatThrownBy(() -> votes.add(RequestVotesTest.chain("d", true, "x"), (k, v) -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
