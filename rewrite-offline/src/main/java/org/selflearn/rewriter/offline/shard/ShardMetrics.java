package org.selflearn.rewriter.offline.shard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the sharded personal store counts: profiles written and erased, records skipped, requests forwarded. */
final class ShardMetrics {
  private final Counter written;
  private final Counter erased;
  private final Counter skipped;
  private final MeterRegistry registry;

  ShardMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.written = Counter.builder("rewriter.shard.profiles.written").register(registry);
    this.erased = Counter.builder("rewriter.shard.profiles.erased").register(registry);
    this.skipped = Counter.builder("rewriter.shard.records.skipped").register(registry);
  }

  void written() {
    written.increment();
  }

  void erased() {
    erased.increment();
  }

  void skipped() {
    skipped.increment();
  }

  /** A lookup answered from {@code where}: {@code local}, {@code forwarded}, {@code standby} or {@code none}. */
  void lookup(String where) {
    registry.counter("rewriter.shard.lookups", "from", where).increment();
  }
}
