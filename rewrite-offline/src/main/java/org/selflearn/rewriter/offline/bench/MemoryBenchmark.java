package org.selflearn.rewriter.offline.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.GlobalIndex;
import org.selflearn.rewriter.online.index.GlobalIndexWriter;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalPair;
import org.selflearn.rewriter.online.index.PersonalProfile;

/**
 * Memory of the online indexes at scale: a global index of N requests (lexical and phonetic fields, no vectors: HNSW
 * building is about 1 ms a vector and is measured separately), and personal memories of C customers with 10 entries
 * each (384-byte quantised vectors). Prints on-disk size and the heap retained after opening and searching.
 */
final class MemoryBenchmark {
  private static final String[] WORDS = {"play", "the", "weather", "in", "turn", "on", "off", "lights", "add", "to",
      "my", "list", "set", "timer", "for", "minutes", "music", "by", "songs", "album", "order", "more", "what", "is"};

  private MemoryBenchmark() {}

  static void run(int[] globalSizes, int customers, Path dir) throws Exception {
    for (int n : globalSizes) {
      Path g = dir.resolve("global-" + n);
      SplittableRandom rng = new SplittableRandom(n);
      try (GlobalIndexWriter w = new GlobalIndexWriter(g)) {
        for (int i = 0; i < n; i++) {
          w.add(new GlobalEntry(text(rng, i), 10 + rng.nextInt(1000), 9, 5 + rng.nextInt(60), "Music|PlayMusic",
              true, new float[0]));
        }
      }
      long before = heap();
      try (GlobalIndex index = new GlobalIndex(g)) {
        for (int i = 0; i < 2_000; i++) {
          index.lexical(text(rng, rng.nextInt(n)), 20);
        }
        System.out.printf(Locale.ROOT, "memory: global index of %,d requests: %.1f MB on disk, heap retained"
            + " +%d MB after 2,000 searches%n", n, size(g) / 1e6, (heap() - before) >> 20);
      }
    }
    Path p = dir.resolve("personal");
    SplittableRandom rng = new SplittableRandom(7);
    try (PersonalMemory m = PersonalMemory.create(p)) {
      byte[] vector = new byte[384];
      for (int c = 0; c < customers; c++) {
        List<PersonalEntry> entries = new java.util.ArrayList<>();
        for (int e = 0; e < 10; e++) {
          rng.nextBytes(vector);
          entries.add(new PersonalEntry(text(rng, rng.nextInt(50_000)), 1 + rng.nextInt(20), 1_700_000_000_000L,
              0, "Music|PlayMusic", vector.clone()));
        }
        m.put("c-" + c, new PersonalProfile(entries, List.of(new PersonalPair("a", "b", 2))));
      }
    }
    long before = heap();
    try (PersonalMemory m = PersonalMemory.open(p)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 20_000; i++) {
        m.get("c-" + rng.nextInt(customers));
      }
      double us = (System.nanoTime() - t0) / 1e3 / 20_000;
      System.out.printf(Locale.ROOT, "memory: personal memories of %,d customers (10 entries each): %.1f MB on disk,"
          + " heap retained +%d MB, RocksDB block cache bounded at 32 MB off-heap; %.1f µs per profile read%n",
          customers, size(p) / 1e6, (heap() - before) >> 20, us);
    }
  }

  private static String text(SplittableRandom rng, int i) {
    SplittableRandom r = new SplittableRandom(i);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 3 + r.nextInt(4); k++) {
      sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return sb.append("item").append(i).toString();
  }

  private static long heap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long size(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
