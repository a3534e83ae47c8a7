package org.selflearn.rewriter.offline.io;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap use as the JVM's memory pools report it: the sum of each heap pool's peak, an upper bound of the true peak
 * (pools peak at different moments), garbage included, so it grows with {@code -Xmx}. And the peak live heap: the
 * largest heap left after any garbage collection, which is what a job needs and does not depend on {@code -Xmx}. Used
 * in job summaries and benchmarks.
 *
 * <p>Only the end of a collection counts for the live peak ({@link #collects}): a pause inside a concurrent cycle
 * (G1's Remark and Cleanup, reported by the "G1 Concurrent GC" bean as "end of concurrent GC pause"; ZGC's and
 * Shenandoah's pauses) leaves the young generation as it was, so the heap "after" it is the heap in use, garbage and
 * all, at a moment that depends on load and heap sizing. Counted, such pauses set the peak (measured on the publish
 * bench: 865 MB after a Cleanup pause where the young collections around it left at most 755 MB).
 */
public final class HeapPeak {
  private static final AtomicLong LIVE_PEAK = new AtomicLong();

  static {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) n.getUserData());
          if (collects(info.getGcAction())) {
            long live = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
              if (heapPools.contains(e.getKey())) {
                MemoryUsage u = e.getValue();
                live += u.getUsed();
              }
            }
            LIVE_PEAK.accumulateAndGet(live, Math::max);
          }
        }, null, null);
      }
    }
  }

  private HeapPeak() {}

  /**
   * Whether a collection notification with this action ends a collection ("end of minor GC", "end of major GC",
   * "end of GC cycle"), rather than a pause inside a concurrent cycle ("end of concurrent GC pause", "end of GC
   * pause"), after which the heap still holds every young object, live or not.
   */
  static boolean collects(String gcAction) {
    return gcAction != null && !gcAction.toLowerCase(java.util.Locale.ROOT).contains("pause");
  }

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

  /** The largest heap in use after a garbage collection, in MB, since {@link #reset()} (0 before any collection). */
  public static long liveMegabytes() {
    return LIVE_PEAK.get() >> 20;
  }

  /** Starts a new measurement. */
  public static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    LIVE_PEAK.set(0);
  }
}
