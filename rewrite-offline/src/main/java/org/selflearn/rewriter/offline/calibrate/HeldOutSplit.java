package org.selflearn.rewriter.offline.calibrate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.event.InteractionEvent;

/**
 * A time split of a log file, in memory, into the part a calibration model is trained on and the latest part it is
 * judged on. The log is read and decoded once (in parallel): both parts are handed on as events, never written out and
 * read back.
 *
 * @param fit events before the cut, in time order (ties in file order)
 * @param heldOut events at or after the cut, in the same order
 * @param cut the first instant of the held-out part
 */
public record HeldOutSplit(List<InteractionEvent> fit, List<InteractionEvent> heldOut, Instant cut) {

  /**
   * Splits {@code logs} so that about {@code fraction} of its valid events, the latest, are held out; the cut moves
   * back to the start of its UTC day when both parts stay non-empty (sessions rarely cross midnight). Rejected lines
   * are left out of both parts.
   *
   * @return the split, or null when the logs are too small to split (fewer than two distinct instants)
   */
  public static HeldOutSplit create(Path logs, double fraction) {
    return of(EventFileReader.readValid(logs, Runtime.getRuntime().availableProcessors()), fraction);
  }

  /** The split of valid events in any order (sorted here, stably, by time); null when too small to split. */
  static HeldOutSplit of(List<InteractionEvent> events, double fraction) {
    if (events.size() < 2) {
      return null;
    }
    events.sort(Comparator.comparing(InteractionEvent::timestamp));
    int at = Math.min(events.size() - 1, Math.max(1, (int) Math.floor(events.size() * (1 - fraction))));
    Instant cut = events.get(at).timestamp();
    Instant day = cut.truncatedTo(ChronoUnit.DAYS);
    if (events.get(0).timestamp().isBefore(day)) {
      cut = day;
    }
    if (!events.get(0).timestamp().isBefore(cut)) {
      return null;
    }
    int first = at; // the cut is at or before the event at 'at': the held-out part starts at or before it
    while (first > 0 && !events.get(first - 1).timestamp().isBefore(cut)) {
      first--;
    }
    return new HeldOutSplit(new ArrayList<>(events.subList(0, first)),
        new ArrayList<>(events.subList(first, events.size())), cut);
  }

  public int fitEvents() {
    return fit.size();
  }

  public int heldOutEvents() {
    return heldOut.size();
  }
}
