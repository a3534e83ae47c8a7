package org.selflearn.rewriter.online;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the online rewriter: {@code rewriter.requests{outcome}} (a source when rewritten, else the
 * reason left unchanged), {@code rewriter.failures{reason}} (failed open) and the {@code rewriter.latency} timer.
 */
public final class RewriterMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Timer latency;

  RewriterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = Timer.builder("rewriter.latency").publishPercentiles(0.5, 0.99).register(registry);
  }

  void record(RewriteResult r, long nanos) {
    String outcome = r.changed() ? r.source().name() : r.reason();
    outcomes.computeIfAbsent(outcome, o -> Counter.builder("rewriter.requests").tag("outcome", o)
        .register(registry)).increment();
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  void failure(String reason) {
    failures.computeIfAbsent(reason, o -> Counter.builder("rewriter.failures").tag("reason", o)
        .register(registry)).increment();
  }

  /** Requests by outcome so far. */
  public Map<String, Long> outcomes() {
    Map<String, Long> m = new TreeMap<>();
    outcomes.forEach((k, c) -> m.put(k, (long) c.count()));
    return m;
  }

  /** Fail-open events by reason so far. */
  public Map<String, Long> failures() {
    Map<String, Long> m = new TreeMap<>();
    failures.forEach((k, c) -> m.put(k, (long) c.count()));
    return m;
  }

  public MeterRegistry registry() {
    return registry;
  }
}
