package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.selflearn.rewriter.common.codec.DecodeResult;
import org.selflearn.rewriter.common.codec.EventFileReader;

/** Refuses a log file with no valid event before a long job starts on it (reads only up to the first valid one). */
final class InputScan {
  private InputScan() {}

  static void requireValidEvent(Path logs, String option) {
    long rejected = 0;
    Map<String, Long> byField = new TreeMap<>();
    try (EventFileReader r = EventFileReader.open(logs)) {
      DecodeResult d;
      while ((d = r.next()) != null) {
        if (d.isOk()) {
          return;
        }
        rejected++;
        byField.merge(d.rejection().field(), 1L, Long::sum);
      }
    }
    if (rejected == 0) {
      throw new BadInputException(option + ": " + logs + " holds no events (empty file)");
    }
    throw new BadInputException(option + ": " + logs + " holds no valid event: all " + rejected + " rejected ("
        + Console.inline(byField) + "); ./rewrite validate --logs " + logs + " shows each reason");
  }

  /** One line summing up the rejects of a pass, e.g. {@code 5 events, 6 rejected (by field: customerId 3, $ 2)}. */
  static String rejectsLine(Object events, Object rejected, Object byField, Path rejects) {
    long r = rejected instanceof Number n ? n.longValue() : 0;
    String head = Console.value(events) + " events, " + Console.value(r) + " rejected";
    if (r == 0) {
      return head;
    }
    return head + (byField instanceof Map<?, ?> m && !m.isEmpty() ? " (by field: " + Console.inline(m) + ")" : "")
        + "; each one with its reason in " + rejects;
  }
}
