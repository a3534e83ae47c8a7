package org.selflearn.rewriter.offline.calibrate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.selflearn.rewriter.common.codec.EventEncoder;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.event.InteractionEvent;

/**
 * A time split of a log file into the part a calibration model is trained on and the latest part it is judged on.
 *
 * @param fit events before the cut, as a JSON Lines file
 * @param heldOut events at or after the cut
 * @param cut the first instant of the held-out part
 * @param fitEvents events in {@code fit}
 * @param heldOutEvents events in {@code heldOut}
 */
public record HeldOutSplit(Path fit, Path heldOut, Instant cut, long fitEvents, long heldOutEvents) {

  /**
   * Splits {@code logs} so that about {@code fraction} of its valid events, the latest, are held out; the cut moves
   * back to the start of its UTC day when both parts stay non-empty (sessions rarely cross midnight). Rejected lines
   * are left out of both parts.
   *
   * @return the split, or null when the logs are too small to split (fewer than two distinct instants)
   */
  public static HeldOutSplit create(Path logs, double fraction, Path dir) {
    List<InteractionEvent> events = new ArrayList<>();
    EventFileReader.forEach(logs, events::add, r -> { });
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
    Path fit = dir.resolve("fit.jsonl");
    Path heldOut = dir.resolve("held-out.jsonl");
    EventEncoder encoder = new EventEncoder();
    long nFit = 0;
    long nHeld = 0;
    try (BufferedWriter f = Files.newBufferedWriter(fit, StandardCharsets.UTF_8);
        BufferedWriter h = Files.newBufferedWriter(heldOut, StandardCharsets.UTF_8)) {
      for (InteractionEvent e : events) {
        boolean late = !e.timestamp().isBefore(cut);
        (late ? h : f).write(encoder.encode(e));
        (late ? h : f).newLine();
        if (late) {
          nHeld++;
        } else {
          nFit++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the calibration split into " + dir + ": " + e.getMessage(), e);
    }
    return nHeld == 0 ? null : new HeldOutSplit(fit, heldOut, cut, nFit, nHeld);
  }
}
