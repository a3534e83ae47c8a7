package org.selflearn.rewriter.offline.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.selflearn.rewriter.offline.io.HeapPeak;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;

/** File-mode mining throughput on simulated logs of growing size (the file is written first, then mined). */
final class MiningBenchmark {
  private MiningBenchmark() {}

  static void run(int[] customers, int days, Path dir) {
    for (int c : customers) {
      Path world = dir.resolve("world-" + c);
      new LogSimulator(BuiltInWorld.build(1), SimulationOptions.of(c, days, 1)).run(world, d -> { });
      System.gc();
      HeapPeak.reset();
      long t0 = System.nanoTime();
      FileMiner miner = new FileMiner(MiningSettings.from(org.selflearn.rewriter.config.ConfigLoader.load(null)));
      miner.mine(world.resolve(LogSimulator.TRAIN_FILE), r -> { });
      miner.finish();
      double s = (System.nanoTime() - t0) / 1e9;
      long events = (long) miner.summary().toMap().get("events");
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
      System.gc();
      long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
      System.out.printf(Locale.ROOT, "mining (file mode): %,d events in %.2f s = %,.0f events/s; peak heap %d MB, at"
          + " the end %d MB (%d MB retained after a full GC: the statistics held by the miner)%n", events, s,
          events / s, HeapPeak.megabytes(), used, retained);
      if (miner.summary().toMap().isEmpty()) {
        throw new IllegalStateException("no summary"); // keeps the miner reachable until after the measurement
      }
    }
  }
}
