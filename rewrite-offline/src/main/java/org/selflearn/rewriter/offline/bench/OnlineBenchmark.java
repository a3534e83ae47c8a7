package org.selflearn.rewriter.offline.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;

/**
 * Online latency on the requests of a log file: a warm-up pass, then one measured pass single-threaded (latency split
 * into table hits, requests answered by the "usually succeeds" check, and full retrieve-and-rank), then throughput
 * with 2 threads.
 */
final class OnlineBenchmark {
  private OnlineBenchmark() {}

  static void run(Path model, Path logs, int limit) throws Exception {
    List<RewriteRequest> requests = new ArrayList<>();
    EventFileReader.forEach(logs, e -> {
      if (requests.size() < limit) {
        requests.add(new RewriteRequest(e.utterance(), e.customerId(), e.deviceType(), e.timestamp(), null, false));
      }
    }, r -> { });
    System.gc();
    long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    try (QueryRewriter rewriter = QueryRewriter.open(model, org.selflearn.rewriter.config.ConfigLoader.load(null))) {
      System.gc();
      long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(Locale.ROOT, "online: model opened, heap +%d MB (RocksDB block cache of the personal store"
          + " bounded at 32 MB off-heap; Lucene index memory-mapped)%n", (heapAfter - heapBefore) >> 20);
      Percentiles cold = new Percentiles(requests.size());
      for (RewriteRequest r : requests) {
        long s = System.nanoTime();
        RewriteResult res = rewriter.rewrite(r);
        if (!"table".equals(res.reason()) && !"usually-succeeds".equals(res.reason())) {
          cold.add(System.nanoTime() - s);
        }
      }
      System.out.println("online, 1 thread, retrieve + rank, first pass (embedding cache cold): " + cold.describe());
      Percentiles table = new Percentiles(requests.size());
      Percentiles known = new Percentiles(requests.size());
      Percentiles full = new Percentiles(requests.size());
      Percentiles all = new Percentiles(requests.size());
      for (RewriteRequest r : requests) {
        long s = System.nanoTime();
        RewriteResult res = rewriter.rewrite(r);
        long d = System.nanoTime() - s;
        all.add(d);
        if ("table".equals(res.reason())) {
          table.add(d);
        } else if ("usually-succeeds".equals(res.reason())) {
          known.add(d);
        } else {
          full.add(d);
        }
      }
      System.out.println("online, 1 thread, table hit:        " + table.describe());
      System.out.println("online, 1 thread, usually succeeds: " + known.describe());
      System.out.println("online, 1 thread, retrieve + rank:  " + full.describe());
      System.out.println("online, 1 thread, all requests:     " + all.describe());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Percentiles two = new Percentiles(requests.size());
      long t0 = System.nanoTime();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int start = t;
        fs.add(pool.submit(() -> {
          for (int i = start; i < requests.size(); i += 2) {
            long s = System.nanoTime();
            rewriter.rewrite(requests.get(i));
            synchronized (two) {
              two.add(System.nanoTime() - s);
            }
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      System.out.printf(Locale.ROOT, "online, 2 threads: %,.0f rewrites/s; %s%n", requests.size() / secs,
          two.describe());
      System.out.println("online: fail-open counts " + rewriter.metrics().failures());
    }
  }
}
