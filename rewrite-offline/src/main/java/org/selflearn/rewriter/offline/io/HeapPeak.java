package org.selflearn.rewriter.offline.io;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use as the JVM's memory pools report it: the sum of each heap pool's peak, an upper bound of the true peak
 * (pools peak at different moments). Used in job summaries and benchmarks.
 */
public final class HeapPeak {
  private HeapPeak() {}

  /** Peak heap in MB since the JVM started or since the last {@link #reset()}. */
  public static long megabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  /** Starts a new measurement. */
  public static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }
}
