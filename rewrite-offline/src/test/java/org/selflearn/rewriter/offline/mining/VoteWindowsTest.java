package org.selflearn.rewriter.offline.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;

class VoteWindowsTest {
  private static final long DAY = 86_400_000L;
  private static final String VOTE = new RequestVote("misheard", Outcome.FIXED, "meant").key();

  private static StatValue count(long n) {
    return new StatValue(n, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY);
  }

  @Test
  void windowsAreTumblingRunsOfDaysOfEventTime() {
    VoteWindows weekly = new VoteWindows(7);
    assertThat(weekly.of(0)).isZero();
    assertThat(weekly.of(7 * DAY - 1)).isZero();
    assertThat(weekly.of(7 * DAY)).isOne();
    assertThat(weekly.of(-1)).isEqualTo(-1);
    long oct12 = LocalDate.of(2026, 10, 12).toEpochDay() * DAY;
    long w = weekly.of(oct12);
    assertThat(weekly.firstDay(w)).isBeforeOrEqualTo(LocalDate.of(2026, 10, 12));
    assertThat(weekly.lastDay(w)).isAfterOrEqualTo(LocalDate.of(2026, 10, 12))
        .isEqualTo(weekly.firstDay(w).plusDays(6));
    assertThat(new VoteWindows(0).of(oct12)).as("a single window").isZero();
    assertThatThrownBy(() -> new VoteWindows(-1)).hasMessageContaining("privacy.window-days");
  }

  @Test
  void aWindowedKeyCarriesItsWindowAndThePlainVoteKey() {
    VoteWindows weekly = new VoteWindows(7);
    String k = weekly.key(2937, VOTE);
    assertThat(StatKey.kind(k)).isEqualTo(StatKey.WINDOWED_VOTE);
    assertThat(VoteWindows.windowOf(k)).isEqualTo(2937);
    assertThat(VoteWindows.voteKeyOf(k)).isEqualTo(VOTE);
    assertThat(RequestVote.parse(VoteWindows.voteKeyOf(k)).target()).isEqualTo("meant");
    assertThat(new VoteWindows(0).key(0, VOTE)).as("one window: file mode's keys").isEqualTo(VOTE);
    assertThatThrownBy(() -> VoteWindows.windowOf(VOTE)).hasMessageContaining("not a windowed vote key");
  }

  @Test
  void thePublishedWindowIsTheNewestClosedOne() {
    VoteWindows weekly = new VoteWindows(7);
    String ok = new RequestVote("works", Outcome.OK, null).key();
    Map<String, StatValue> stats = Map.of(weekly.key(10, VOTE), count(4), weekly.key(11, VOTE), count(6),
        weekly.key(11, ok), count(2), weekly.key(12, ok), count(1));
    assertThat(VoteWindows.windowed(stats)).isTrue();
    assertThat(VoteWindows.latestClosed(stats)).as("12 is still open").isEqualTo(11);
    assertThat(VoteWindows.votesOf(stats, 11)).containsOnlyKeys(VOTE, ok);
    assertThat(VoteWindows.votesOf(stats, 11).get(VOTE).count()).isEqualTo(6);
    assertThat(VoteWindows.latestClosed(Map.of(weekly.key(12, ok), count(1)))).as("one window only").isEqualTo(-1);
    assertThat(VoteWindows.windowed(Map.of(VOTE, count(1)))).isFalse();
  }

  @Test
  void theDigestOfAWindowsVotesChangesWhenAVoteIsRetracted() {
    String ok = new RequestVote("works", Outcome.OK, null).key();
    String d = VoteWindows.digest(Map.of(VOTE, count(6), ok, count(2)));
    assertThat(d).hasSize(16).isEqualTo(VoteWindows.digest(new java.util.HashMap<>(Map.of(ok, count(2), VOTE,
        count(6)))));
    assertThat(VoteWindows.digest(Map.of(VOTE, count(5), ok, count(2)))).isNotEqualTo(d);
  }
}
