package org.selflearn.rewriter.offline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.selflearn.rewriter.offline.solve.TablePublisher;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;

/** Builds and publishes a table of N rewrites, then measures point lookups from the published version. */
final class TableBenchmark {
  private TableBenchmark() {}

  static void run(int rewrites, Path dir) throws IOException {
    Map<String, TableEntry> entries = new TreeMap<>();
    for (int i = 0; i < rewrites; i++) {
      entries.put("play the song number " + i + " by band " + (i % 997), new TableEntry("play song " + i
          + " by the band " + (i % 997), 0.9, 20, 8, 0.1, 0.95));
    }
    long t0 = System.nanoTime();
    new TablePublisher(Clock.systemUTC(), 2).publish(dir, entries, Map.of());
    double seconds = (System.nanoTime() - t0) / 1e9;
    long bytes;
    try (var s = Files.walk(dir)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf(Locale.ROOT, "table: %,d rewrites built and published in %.2f s, %.1f MB on disk%n", rewrites,
        seconds, bytes / 1e6);
    String[] keys = entries.keySet().toArray(new String[0]);
    try (RewriteTable t = RewriteTable.openCurrent(dir)) {
      SplittableRandom rng = new SplittableRandom(3);
      for (int i = 0; i < 50_000; i++) {
        t.lookup(keys[rng.nextInt(keys.length)]);
      }
      Percentiles hit = new Percentiles(200_000);
      Percentiles miss = new Percentiles(200_000);
      for (int i = 0; i < 200_000; i++) {
        String k = keys[rng.nextInt(keys.length)];
        long s = System.nanoTime();
        t.lookup(k);
        hit.add(System.nanoTime() - s);
        s = System.nanoTime();
        t.lookup(k + " x");
        miss.add(System.nanoTime() - s);
      }
      System.out.println("table: point lookup, hit:  " + hit.describe());
      System.out.println("table: point lookup, miss: " + miss.describe());
    }
  }
}
