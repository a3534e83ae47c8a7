package org.selflearn.rewriter.online;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
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

  /** Outcomes and fail-open reasons registered up front (at zero), so that no request pays for creating a meter. */
  private static final List<String> KNOWN_OUTCOMES = List.of("PRECOMPUTED", "PERSONAL", "GLOBAL", "below-threshold",
      "usually-succeeds", "no-candidate", "not-servable", "empty", "budget", "too-long", "closed", "overloaded",
      "error");
  private static final List<String> KNOWN_FAILURES = List.of("budget", "too-long", "closed", "overloaded");

  RewriterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = Timer.builder("rewriter.latency").publishPercentiles(0.5, 0.99).register(registry);
    KNOWN_OUTCOMES.forEach(o -> counter(outcomes, "rewriter.requests", "outcome", o));
    KNOWN_FAILURES.forEach(f -> counter(failures, "rewriter.failures", "reason", f));
  }

  /**
   * Loads and runs the meter classes once on a throwaway registry (the first record of a percentile timer costs
   * 10–20 ms of class loading), so that the first request does not pay for it and nothing is counted.
   */
  static void warmUp() {
    SimpleMeterRegistry scratch = new SimpleMeterRegistry();
    try {
      Timer t = Timer.builder("rewriter.latency").publishPercentiles(0.5, 0.99).register(scratch);
      Counter c = Counter.builder("rewriter.requests").tag("outcome", "warm-up").register(scratch);
      for (int i = 0; i < 100; i++) {
        t.record(i, TimeUnit.MICROSECONDS);
        c.increment();
      }
    } finally {
      scratch.close();
    }
  }

  private Counter counter(Map<String, Counter> counters, String name, String tag, String value) {
    return counters.computeIfAbsent(value, v -> Counter.builder(name).tag(tag, v).register(registry));
  }

  void record(RewriteResult r, long nanos) {
    try {
      String outcome = r.changed() ? r.source().name() : r.reason();
      counter(outcomes, "rewriter.requests", "outcome", outcome).increment();
      latency.record(nanos, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      // metrics are best effort on the request path
    }
  }

  void failure(String reason) {
    try {
      counter(failures, "rewriter.failures", "reason", reason).increment();
    } catch (RuntimeException e) {
      // metrics are best effort on the request path
    }
  }

  void watchVersions(IntSupplier open) {
    this.openVersions = open;
    Gauge.builder("rewriter.model.versions", this, m -> m.openVersions()).register(registry);
  }

  /** Requests by outcome so far (outcomes not seen yet are left out). */
  public Map<String, Long> outcomes() {
    return nonZero(outcomes);
  }

  /** Fail-open events by reason so far (reasons not seen yet are left out). */
  public Map<String, Long> failures() {
    return nonZero(failures);
  }

  private static Map<String, Long> nonZero(Map<String, Counter> counters) {
    Map<String, Long> m = new TreeMap<>();
    counters.forEach((k, c) -> {
      if (c.count() > 0) {
        m.put(k, (long) c.count());
      }
    });
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
