package org.selflearn.rewriter.serve;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests{route, outcome}}: one timer per route template and outcome, with a latency histogram
 * (Prometheus {@code _bucket} series from 0.1 ms to 10 s). Routes are templates ({@code /v1/customers/{id}/memory}),
 * so customer ids never become label values.
 */
final class HttpMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String route, String outcome, long nanos) {
    timers.computeIfAbsent(route + ' ' + outcome, k -> Timer.builder("http.server.requests")
        .description("HTTP requests by route template and outcome")
        .tag("route", route).tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }
}
