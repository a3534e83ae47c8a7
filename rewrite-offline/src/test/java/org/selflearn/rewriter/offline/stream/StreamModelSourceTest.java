package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.RequestVote;
import org.selflearn.rewriter.offline.mining.RequestVote.Outcome;
import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.VoteWindows;

class StreamModelSourceTest {
  private static final RewriterConfig PRIVATE = RewriterConfig.defaults().with(ConfigKeys.PRIVACY_EPSILON, 1.0);
  private static final String VOTE = new RequestVote("misheard", Outcome.FIXED, "meant").key();

  private static StatValue count(long n) {
    return new StatValue(n, 0, 0, CustomerSketch.EMPTY, CustomerSketch.EMPTY);
  }

  @Test
  void withWindowsAPublishReleasesTheNewestClosedWindowAsPlainVotes() {
    VoteWindows weekly = new VoteWindows(7);
    Map<String, StatValue> stats = Map.of(weekly.key(2937, VOTE), count(3), weekly.key(2938, VOTE), count(1));
    List<String> said = new ArrayList<>();
    Map<String, StatValue> out = StreamModelSource.releasable(stats,
        PRIVATE.with(ConfigKeys.PRIVACY_WINDOW_DAYS, 7), said::add);
    assertThat(out).containsOnlyKeys(VOTE);
    assertThat(out.get(VOTE).count()).isEqualTo(3);
    assertThat(said).singleElement().asString().contains(weekly.firstDay(2937).toString())
        .contains(weekly.lastDay(2937).toString());
  }

  @Test
  void whileOnlyOneWindowHasVotesNothingIsReleasedAndTheErrorSaysWhichWindowIsOpen() {
    VoteWindows weekly = new VoteWindows(7);
    assertThatThrownBy(() -> StreamModelSource.releasable(Map.of(weekly.key(2938, VOTE), count(1)),
        PRIVATE.with(ConfigKeys.PRIVACY_WINDOW_DAYS, 7), m -> { })).hasMessageContaining("privacy.window-days is 7")
        .hasMessageContaining(weekly.firstDay(2938).toString()).hasMessageContaining("still open");
  }

  @Test
  void aSettingThatDisagreesWithWhatTheJobMinedIsRefusedNamingTheKey() {
    VoteWindows weekly = new VoteWindows(7);
    assertThatThrownBy(() -> StreamModelSource.releasable(Map.of(weekly.key(1, VOTE), count(1)), PRIVATE,
        m -> { })).hasMessageContaining("privacy.window-days is 0");
    assertThatThrownBy(() -> StreamModelSource.releasable(Map.of(VOTE, count(1)),
        PRIVATE.with(ConfigKeys.PRIVACY_WINDOW_DAYS, 7), m -> { })).hasMessageContaining("privacy.window-days is 7")
        .hasMessageContaining("no windowed votes");
    Map<String, StatValue> single = Map.of(VOTE, count(1));
    assertThat(StreamModelSource.releasable(single, PRIVATE, m -> { })).isSameAs(single);
  }
}
