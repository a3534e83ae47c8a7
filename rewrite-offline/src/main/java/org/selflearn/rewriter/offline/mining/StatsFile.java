package org.selflearn.rewriter.offline.mining;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.selflearn.rewriter.markov.PairStats;
import org.selflearn.rewriter.markov.RephraseOutcomes;

/**
 * The versioned on-disk format of mined statistics, {@code DIR/stats.tsv.gz}: a header line
 * {@code #rewriter-stats<TAB>1}, then one line per statistic, sorted by key:
 * {@code KIND<TAB>state[<TAB>state]<TAB>count<TAB>successes<TAB>endFailures<TAB>customers<TAB>successCustomers}.
 * KIND is S (state), T (adjacent transition), P (ordered pair in a chain) or R (what followed a source in its chains);
 * see {@link StatValue}.
 */
public final class StatsFile {
  public static final String FILE_NAME = "stats.tsv.gz";
  public static final String HEADER = "#rewriter-stats\t1";

  private StatsFile() {}

  /** Writes raw statistics to {@code dir/stats.tsv.gz}, sorted by key (deterministic output). */
  public static Path write(Map<String, StatValue> raw, Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
          new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
        w.write(HEADER);
        w.newLine();
        for (Map.Entry<String, StatValue> e : new TreeMap<>(raw).entrySet()) {
          StatValue v = e.getValue();
          w.write(e.getKey() + "\t" + v.count() + "\t" + v.successes() + "\t" + v.endFailures() + "\t"
              + v.customers().count() + "\t" + v.successCustomers().count());
          w.newLine();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write statistics to " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** Reads {@code dir/stats.tsv.gz}; refuses an unknown version with a clear error. */
  public static MinedStats read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    Map<String, MinedStats.StateRow> states = new HashMap<>();
    List<MinedStats.TransitionRow> transitions = new ArrayList<>();
    List<PairStats> pairs = new ArrayList<>();
    Map<String, RephraseOutcomes> rephrased = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalArgumentException(file + ": not a statistics file of version 1 (header \"" + header
            + "\", expected \"" + HEADER.replace("\t", "\\t") + "\")");
      }
      String line;
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        String[] f = line.split("\t", -1);
        if (f.length < 7) {
          throw new IllegalArgumentException(file + " line " + n + ": expected at least 7 tab-separated fields");
        }
        int k = f.length - 5;
        String key = String.join("\t", java.util.Arrays.copyOf(f, k));
        MinedStats.add(key, Long.parseLong(f[k]), Long.parseLong(f[k + 1]), Long.parseLong(f[k + 2]),
            Integer.parseInt(f[k + 3]), Integer.parseInt(f[k + 4]), states, transitions, pairs, rephrased);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read statistics " + file + ": " + e.getMessage(), e);
    }
    return new MinedStats(states, transitions, pairs, rephrased);
  }
}
