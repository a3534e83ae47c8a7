package org.selflearn.rewriter.offline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.io.Directories;
import org.selflearn.rewriter.offline.io.HeapPeak;
import org.selflearn.rewriter.offline.stream.MiningScope;
import org.selflearn.rewriter.offline.stream.StreamJob;
import org.selflearn.rewriter.offline.stream.Topics;

/**
 * One timed run of the stream bench: a job of one scope reads its whole input topic from the start under a fresh
 * application id (with its own output topics and state directory); the time is from start until every event is mined
 * and committed: every session closed (the job's idle flush closes the last ones; {@code sessions} says how many file
 * mode mines) and, at least one commit interval later, every input and repartition partition committed to its end.
 * So every run does the same work, however fast it goes. The process's CPU time is measured too: a machine shared
 * with other work disturbs it less than the elapsed time.
 *
 * @param seconds from start until caught up
 * @param startSeconds from start until the first event was read
 * @param cpuSeconds CPU time of the whole process meanwhile (job, broker, GC, RocksDB's threads); negative if unknown
 * @param peakHeapMb peak heap (job and broker share the JVM)
 * @param counts the job's own counters
 */
record StreamBenchRun(double seconds, double startSeconds, double cpuSeconds, long peakHeapMb, String counts) {
  private static final long TIMEOUT_NANOS = 900_000_000_000L;

  /** Runs a job of {@code scope} named {@code id} over the input topic of {@code base}, which holds that many sessions. */
  static StreamBenchRun measure(RewriterConfig base, MiningScope scope, String id, long sessions, int partitions,
      String bootstrap, Admin admin, Path dir) throws Exception {
    RewriterConfig c = base.with(ConfigKeys.APPLICATION_ID, id).with(ConfigKeys.STATS_TOPIC, id + "-stats")
        .with(ConfigKeys.FACTS_TOPIC, id + "-facts").with(ConfigKeys.DEAD_LETTER_TOPIC, id + "-dlq");
    Topics.ensure(admin, c, partitions, (short) 1);
    Path state = Files.createTempDirectory(dir, "state");
    try (StreamJob job = new StreamJob(c, bootstrap, state.toString(), new SimpleMeterRegistry(), scope)) {
      System.gc();
      HeapPeak.reset();
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      long firstEvent = 0;
      long allMined = 0;
      long commitNanos = c.get(ConfigKeys.COMMIT_INTERVAL_MS) * 1_000_000L;
      long deadline = t0 + TIMEOUT_NANOS;
      job.start();
      while (allMined == 0 || System.nanoTime() - allMined < commitNanos || !StreamJob.lagAtMostOne(admin, id)) {
        Thread.sleep(100);
        if (firstEvent == 0 && job.metrics().eventsIn() > 0) {
          firstEvent = System.nanoTime();
        }
        if (allMined == 0 && job.metrics().sessions() >= sessions) {
          allMined = System.nanoTime();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("stream bench: " + id + " did not mine the " + sessions + " sessions of"
              + " file mode within " + TIMEOUT_NANOS / 1_000_000_000L + " s (" + job.metrics().describe() + ")");
        }
      }
      long t1 = System.nanoTime();
      return new StreamBenchRun((t1 - t0) / 1e9, (firstEvent - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9,
          HeapPeak.megabytes(), job.metrics().describe());
    } finally {
      Directories.deleteTree(state);
    }
  }

  /** One line: elapsed rate, rate after start-up, CPU per event, heap, counters. */
  String describe(long events) {
    return String.format(Locale.ROOT, "%,d events in %.1f s = %,.0f events/s; after start-up (%.1f s to the first"
        + " event): %,.0f events/s; process CPU %.1f s = %.0f µs per event; peak heap %d MB (%s)", events, seconds,
        events / seconds, startSeconds, events / (seconds - startSeconds), cpuSeconds, cpuSeconds * 1e6 / events,
        peakHeapMb, counts);
  }

  /** CPU time of the whole process in ns, -1 when the JVM does not say. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }
}
