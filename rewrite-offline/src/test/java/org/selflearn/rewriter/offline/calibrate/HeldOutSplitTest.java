package org.selflearn.rewriter.offline.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.Signals;

/** The in-memory time split of self-calibration: earlier events to train on, the latest day(s) to judge on. */
class HeldOutSplitTest {
  private static InteractionEvent at(String id, String time) {
    return new InteractionEvent(id, Instant.parse(time), "c-" + id, null, null, null, null, "play " + id, Double.NaN,
        null, new Response(ResponseStatus.SUCCESS, null), Signals.NONE, null, null);
  }

  @Test
  void theLatestShareIsHeldOutFromTheStartOfItsDayAndBothPartsStayInTimeOrder() {
    List<InteractionEvent> events = new ArrayList<>();
    for (int day = 1; day <= 5; day++) {
      for (int h = 0; h < 4; h++) {
        events.add(at("d" + day + "h" + h, "2026-11-0" + day + "T" + (10 + h * 3) + ":00:00Z"));
      }
    }
    List<InteractionEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(3));
    // 20 events, 30% held out: the event at index 14 (day 4, 16:00) is in day 4, so the cut moves to day 4's start
    HeldOutSplit split = HeldOutSplit.of(shuffled, 0.3);
    assertThat(split.cut()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
    assertThat(split.fit()).containsExactlyElementsOf(events.subList(0, 12));
    assertThat(split.heldOut()).containsExactlyElementsOf(events.subList(12, 20));
    assertThat(split.fitEvents() + split.heldOutEvents()).isEqualTo(20);
  }

  @Test
  void eventsAtOneInstantKeepTheirFileOrderAndCannotBeSplitFromEachOther() {
    List<InteractionEvent> same = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      same.add(at("s" + i, "2026-11-01T10:00:00Z"));
    }
    assertThat(HeldOutSplit.of(new ArrayList<>(same), 0.2)).isNull();
    assertThat(HeldOutSplit.of(new ArrayList<>(List.of(at("one", "2026-11-01T10:00:00Z"))), 0.2)).isNull();
    List<InteractionEvent> withLater = new ArrayList<>();
    withLater.add(at("late", "2026-11-01T11:00:00Z"));
    withLater.addAll(same);
    HeldOutSplit split = HeldOutSplit.of(withLater, 0.2);
    assertThat(split.cut()).as("one day only: cut at the instant itself").isEqualTo(Instant.parse(
        "2026-11-01T11:00:00Z"));
    assertThat(split.fit()).containsExactlyElementsOf(same);
    assertThat(split.heldOut()).extracting(InteractionEvent::eventId).containsExactly("late");
  }
}
