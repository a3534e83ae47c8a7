package org.selflearn.rewriter.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.GlobalIndexWriter;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalPair;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.rank.FeatureExtractor;
import org.selflearn.rewriter.online.rank.LogisticRanker;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;
import org.selflearn.rewriter.online.table.TableEntryCodec;

/**
 * A small model directory written without training (no embedder; a ranker that scores every candidate 0.5 with
 * threshold 0.4, so any eligible candidate is a rewrite), and a table publisher for hot-reload tests.
 */
final class TestModels {
  static final List<String> GLOBAL = List.of("play imagine dragons", "whats the weather in boise",
      "order more gnocchi", "turn off the hallway lights", "play the latest album by fleetwood mac");

  private TestModels() {}

  /** Writes a model directory with table version 1 and returns its root. */
  static Path write(Path root) {
    try {
      Files.createDirectories(root);
      Files.writeString(root.resolve("model-manifest.json"),
          "{\"formatVersion\": " + ModelDirectory.FORMAT_VERSION + ", \"embedder\": \"NONE\"}");
      ModelDirectory dir = new ModelDirectory(root);
      publishTable(dir.table(), 1);
      try (GlobalIndexWriter w = new GlobalIndexWriter(dir.global())) {
        for (String t : GLOBAL) {
          w.add(new GlobalEntry(t, 200, 150, 60, "Test|Test", true, new float[0]));
        }
      }
      try (PersonalMemory m = PersonalMemory.create(dir.personal())) {
        m.put("c-1", new PersonalProfile(List.of(new PersonalEntry("whats the weather in wilkerson california", 7,
            1000L, 0, "Weather|GetWeather", new byte[0])), List.of(new PersonalPair("whats the weather in wilkerson",
            "whats the weather in wilkerson california", 3))));
      }
      writeRanker(dir.ranker());
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeRanker(Path file) {
    int n = FeatureExtractor.NAMES.size();
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    new LogisticRanker(new double[n], 0, new double[n], ones, 0.4, Map.of()).save(file);
  }

  /**
   * Publishes table version {@code n} ({@code hello wrld → hello world <n>}, {@code play maj and dragons → play
   * imagine dragons}) and points {@code CURRENT} at it atomically, as the offline publisher does.
   */
  static void publishTable(Path tableDir, int n) throws IOException {
    writeTableVersion(tableDir, n);
    pointCurrentAt(tableDir, n);
  }

  /** Writes table version {@code n} without publishing it. */
  static void writeTableVersion(Path tableDir, int n) throws IOException {
    Path tmp = tableDir.resolve(versionName(n) + ".tmp");
    Files.createDirectories(tmp);
    Map<String, TableEntry> entries = Map.of("hello wrld", new TableEntry("hello world " + n, 0.9, 9, 9, 0, 1),
        "play maj and dragons", new TableEntry("play imagine dragons", 0.9, 9, 9, 0, 1));
    try (Options o = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(o, tmp.toString());
        FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
      for (Map.Entry<String, TableEntry> e : entries.entrySet()) {
        db.put(e.getKey().getBytes(StandardCharsets.UTF_8), TableEntryCodec.encode(e.getValue()));
      }
      db.flush(f);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
    Files.writeString(tmp.resolve(RewriteTable.MANIFEST),
        "{\"formatVersion\": " + RewriteTable.FORMAT_VERSION + ", \"entries\": " + entries.size() + "}");
    Files.move(tmp, tableDir.resolve(versionName(n)), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Points {@code CURRENT} at version {@code n} (written before) by an atomic rename. */
  static void pointCurrentAt(Path tableDir, int n) throws IOException {
    Path current = tableDir.resolve(RewriteTable.CURRENT + ".tmp");
    Files.writeString(current, versionName(n) + "\n");
    Files.move(current, tableDir.resolve(RewriteTable.CURRENT), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes whole-model version {@code n} under {@code home/versions/} (renamed into place when complete, as the
   * publisher does), with a table whose current version {@code n} rewrites {@code hello wrld → hello world <n>}.
   */
  static Path writeModelVersion(Path home, int n) throws IOException {
    Path tmp = home.resolve(ModelHome.VERSIONS).resolve(".tmp-" + versionName(n));
    write(tmp);
    if (n != 1) { // write() published table version 1 already
      publishTable(new ModelDirectory(tmp).table(), n);
    }
    Path dir = home.resolve(ModelHome.VERSIONS).resolve(versionName(n));
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    return dir;
  }

  /** Points the model directory's {@code CURRENT} at whole-model version {@code n} by an atomic rename. */
  static void pointModelAt(Path home, int n) throws IOException {
    Path current = home.resolve(ModelHome.CURRENT + ".tmp");
    Files.writeString(current, versionName(n) + "\n");
    Files.move(current, home.resolve(ModelHome.CURRENT), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  static String versionName(int n) {
    return String.format(java.util.Locale.ROOT, "v-%06d", n);
  }

  /** Open file descriptors of this process (Linux), or -1 elsewhere. */
  static int openFileDescriptors() {
    Path fd = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fd)) {
      return -1;
    }
    try (var s = Files.list(fd)) {
      return (int) s.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
