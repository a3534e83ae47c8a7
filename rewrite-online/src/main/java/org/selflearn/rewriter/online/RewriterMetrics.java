package org.selflearn.rewriter.online;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Micrometer meters of the online rewriter: {@code rewriter.requests{outcome}} (a source when rewritten, else the
 * reason left unchanged), {@code rewriter.failures{reason}} (failed open: {@code budget}, {@code too-long},
 * {@code closed}, {@code overloaded}, {@code error:<exception>}, …), the {@code rewriter.latency} timer and the
 * {@code rewriter.model.versions} gauge (model versions still open: the current one plus old ones that requests still
 * hold). Recording never throws: a failing registry must not turn a rewrite into an error at the caller.
 */
public final class RewriterMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Timer latency;
  private volatile IntSupplier openVersions = () -> 0;

  RewriterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = Timer.builder("rewriter.latency").publishPercentiles(0.5, 0.99).register(registry);
  }

  void record(RewriteResult r, long nanos) {
    try {
      String outcome = r.changed() ? r.source().name() : r.reason();
      outcomes.computeIfAbsent(outcome, o -> Counter.builder("rewriter.requests").tag("outcome", o)
          .register(registry)).increment();
      latency.record(nanos, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      // metrics are best effort on the request path
    }
  }

  void failure(String reason) {
    try {
      failures.computeIfAbsent(reason, o -> Counter.builder("rewriter.failures").tag("reason", o)
          .register(registry)).increment();
    } catch (RuntimeException e) {
      // metrics are best effort on the request path
    }
  }

  void watchVersions(IntSupplier open) {
    this.openVersions = open;
    Gauge.builder("rewriter.model.versions", this, m -> m.openVersions()).register(registry);
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

  /** Model versions not yet closed (0 once the rewriter is closed and its last request is done). */
  public int openVersions() {
    return openVersions.getAsInt();
  }

  public MeterRegistry registry() {
    return registry;
  }
}
