package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.offline.mining.PendingSession;
import org.selflearn.rewriter.offline.mining.SessionBuffer;
import org.selflearn.rewriter.offline.mining.Turn;

class ExpiryQueueTest {
  @Test
  void shouldHandOutKeysInDueOrderAndOnlyWhenDue() {
    ExpiryQueue q = new ExpiryQueue();
    q.add("b", 200);
    q.add("a", 100);
    q.add("never", Long.MAX_VALUE);
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.pollDue(99)).isNull();
    assertThat(q.pollDue(150)).isEqualTo("a");
    assertThat(q.pollDue(150)).isNull();
    assertThat(q.pollDue(1_000)).isEqualTo("b");
    assertThat(q.pollDue(1_000)).isNull();
  }

  @Test
  void aRecordIsDueWhenItsSessionExpiresOrItsOldestIdLeavesTheHorizon() {
    SessionBuffer buffer = new SessionBuffer(60_000, 5_000);
    Turn turn = new Turn("e-1", 10_000, "c-1", "d-1", DeviceType.SPEAKER, "play jazz", "play jazz", "", "", false, false,
        Feedback.NONE, 0);
    PendingSession open = new PendingSession(List.of(turn));
    SessionRecord r = SessionRecord.EMPTY.with(open, 1L, 10_000);
    assertThat(r.dueAt(buffer, 3_600_000)).isEqualTo(buffer.closesAt(open)).isEqualTo(75_001);
    assertThat(buffer.expired(open, 75_000)).isFalse();
    assertThat(buffer.expired(open, 75_001)).isTrue();
    SessionRecord closed = r.withOpen(null);
    assertThat(closed.dueAt(buffer, 3_600_000)).isEqualTo(3_610_001);
    assertThat(closed.forgetBefore(3_610_001 - 3_600_000).isEmpty()).isTrue();
    assertThat(closed.forgetBefore(3_610_000 - 3_600_000).isEmpty()).isFalse();
    assertThat(SessionRecord.EMPTY.dueAt(buffer, 3_600_000)).isEqualTo(Long.MAX_VALUE);
  }
}
