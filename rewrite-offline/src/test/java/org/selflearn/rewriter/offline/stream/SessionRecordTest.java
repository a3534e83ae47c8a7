package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.offline.mining.PendingSession;
import org.selflearn.rewriter.offline.mining.Turn;

class SessionRecordTest {
  private static final Turn TURN = new Turn("e-1", 1_000, "c-1", "d-1", DeviceType.SPEAKER, "play maj and dragons",
      "play maj and dragons", "Music|PlayMusic", "", true, false, Feedback.NONE, 0);

  @Test
  void shouldRememberIdsUntilTheyLeaveTheHorizon() {
    SessionRecord r = SessionRecord.EMPTY.with(new PendingSession(List.of(TURN)), SessionRecord.idHash("e-1"), 1_000)
        .with(new PendingSession(List.of(TURN)), SessionRecord.idHash("e-2"), 5_000);
    assertThat(r.seen(SessionRecord.idHash("e-1"))).isTrue();
    assertThat(r.seen(SessionRecord.idHash("e-3"))).isFalse();
    assertThat(r.forgetBefore(0)).isSameAs(r);
    SessionRecord later = r.forgetBefore(2_000);
    assertThat(later.seen(SessionRecord.idHash("e-1"))).isFalse();
    assertThat(later.seen(SessionRecord.idHash("e-2"))).isTrue();
    assertThat(later.withOpen(null).forgetBefore(6_000).isEmpty()).isTrue();
  }

  @Test
  void shouldRoundTripThroughBytesWithAndWithoutAnOpenSession() {
    SessionRecord r = SessionRecord.EMPTY.with(new PendingSession(List.of(TURN)), 42L, 1_000);
    SessionRecord back = SessionRecord.fromBytes(r.toBytes());
    assertThat(back.open()).isEqualTo(r.open());
    assertThat(back.seenIds()).containsExactly(42L);
    assertThat(back.seenTimes()).containsExactly(1_000L);
    assertThat(SessionRecord.fromBytes(r.withOpen(null).toBytes()).open()).isNull();
  }

  @Test
  void shouldRefuseAnUnknownFormatVersion() {
    byte[] bytes = SessionRecord.EMPTY.toBytes();
    bytes[0] = 9;
    assertThatThrownBy(() -> SessionRecord.fromBytes(bytes)).hasMessageContaining("format version 9");
  }
}
