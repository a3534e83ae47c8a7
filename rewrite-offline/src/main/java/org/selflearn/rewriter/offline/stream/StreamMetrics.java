package org.selflearn.rewriter.offline.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Micrometer counters of the mining job: events in, rejected, duplicates, sessions, rephrase chains, erasures. */
public final class StreamMetrics {
  final Counter eventsIn;
  final Counter rejected;
  final Counter duplicates;
  final Counter sessions;
  final Counter chains;
  final Counter erasures;
  final Counter erasuresWithoutKey;
  final Counter lateForPrivacyWindow;

  public StreamMetrics(MeterRegistry registry) {
    eventsIn = registry.counter("mining.events.in");
    rejected = registry.counter("mining.events.rejected");
    duplicates = registry.counter("mining.events.duplicates");
    sessions = registry.counter("mining.sessions");
    chains = registry.counter("mining.chains");
    erasures = registry.counter("mining.erasures");
    erasuresWithoutKey = registry.counter("mining.erasures.without-key");
    lateForPrivacyWindow = registry.counter("mining.sessions.late-for-privacy-window");
  }

  /** Events read so far (valid, rejected and duplicate). */
  public long eventsIn() {
    return (long) eventsIn.count();
  }

  /** Sessions mined so far. */
  public long sessions() {
    return (long) sessions.count();
  }

  /** A one-line summary (no customer data). */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "events %.0f, rejected %.0f, duplicates %.0f, sessions %.0f,"
        + " chains %.0f, erasures %.0f", eventsIn.count(), rejected.count(), duplicates.count(), sessions.count(),
        chains.count(), erasures.count());
  }
}
