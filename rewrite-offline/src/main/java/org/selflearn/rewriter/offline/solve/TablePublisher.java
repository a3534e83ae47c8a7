package org.selflearn.rewriter.offline.solve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rocksdb.EnvOptions;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;
import org.selflearn.rewriter.offline.io.Json;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;
import org.selflearn.rewriter.online.table.TableEntryCodec;
import org.selflearn.rewriter.online.table.TableStoreException;

/**
 * Writes a rewrite table as a new version and switches {@code CURRENT} to it atomically: SST file written, ingested
 * into a fresh RocksDB in a temporary directory, manifest written, the directory renamed to {@code v-NNNNNN}, then
 * {@code CURRENT} replaced by an atomic rename. A crash before the last rename leaves the previous version serving.
 */
public final class TablePublisher {
  static {
    RocksDB.loadLibrary();
  }

  private final Clock clock;
  private final int keepVersions;
  private final Consumer<PublishStep> hook;

  public TablePublisher(Clock clock, int keepVersions) {
    this(clock, keepVersions, step -> { });
  }

  /** With a hook called after each step (tests use it to simulate a crash). */
  public TablePublisher(Clock clock, int keepVersions, Consumer<PublishStep> hook) {
    if (keepVersions < 1) {
      throw new IllegalArgumentException("keepVersions must be >= 1, got " + keepVersions);
    }
    this.clock = clock;
    this.keepVersions = keepVersions;
    this.hook = hook;
  }

  /** Publishes entries keyed by normalised source; returns the new version's name. */
  public String publish(Path tableDir, Map<String, TableEntry> entries, Map<String, Object> metadata) {
    try {
      Files.createDirectories(tableDir);
      String version = String.format(Locale.ROOT, "v-%06d", nextVersion(tableDir));
      Path tmp = tableDir.resolve("." + version + ".tmp");
      deleteRecursively(tmp);
      Files.createDirectories(tmp);
      Path sst = tableDir.resolve("." + version + ".sst");
      String checksum = writeSst(sst, entries);
      hook.accept(PublishStep.SST_WRITTEN);
      ingest(tmp, sst);
      Files.deleteIfExists(sst);
      hook.accept(PublishStep.INGESTED);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("formatVersion", RewriteTable.FORMAT_VERSION);
      manifest.put("valueFormatVersion", (int) TableEntryCodec.VERSION);
      manifest.put("version", version);
      manifest.put("createdAt", clock.instant().toString());
      manifest.put("entries", entries.size());
      manifest.put("sha256", checksum);
      manifest.putAll(metadata);
      Json.write(tmp.resolve(RewriteTable.MANIFEST), manifest);
      hook.accept(PublishStep.MANIFEST_WRITTEN);
      Files.move(tmp, tableDir.resolve(version), StandardCopyOption.ATOMIC_MOVE);
      hook.accept(PublishStep.VERSION_RENAMED);
      Path currentTmp = tableDir.resolve(RewriteTable.CURRENT + ".tmp");
      Files.writeString(currentTmp, version + "\n", StandardCharsets.UTF_8);
      atomicReplace(currentTmp, tableDir.resolve(RewriteTable.CURRENT));
      hook.accept(PublishStep.CURRENT_SWITCHED);
      prune(tableDir, version);
      hook.accept(PublishStep.PRUNED);
      return version;
    } catch (IOException e) {
      throw new TableStoreException("cannot publish rewrite table under " + tableDir + ": " + e.getMessage(), e);
    }
  }

  private static String writeSst(Path sst, Map<String, TableEntry> entries) {
    TreeMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
    for (Map.Entry<String, TableEntry> e : entries.entrySet()) {
      sorted.put(e.getKey().getBytes(StandardCharsets.UTF_8), TableEntryCodec.encode(e.getValue()));
    }
    MessageDigest sha = sha256();
    try (Options options = new Options(); EnvOptions env = new EnvOptions();
        SstFileWriter writer = new SstFileWriter(env, options)) {
      writer.open(sst.toString());
      if (sorted.isEmpty()) {
        // RocksDB cannot finish an empty SST: an empty table is written as one reserved, unreachable key
        writer.put(new byte[] {0}, new byte[0]);
      }
      for (Map.Entry<byte[], byte[]> e : sorted.entrySet()) {
        writer.put(e.getKey(), e.getValue());
        sha.update(e.getKey());
        sha.update(e.getValue());
      }
      writer.finish();
    } catch (RocksDBException e) {
      throw new TableStoreException("cannot write SST file " + sst + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void ingest(Path dbDir, Path sst) {
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, dbDir.toString());
        IngestExternalFileOptions ingest = new IngestExternalFileOptions().setMoveFiles(true)) {
      db.ingestExternalFile(List.of(sst.toString()), ingest);
      db.compactRange();
    } catch (RocksDBException e) {
      throw new TableStoreException("cannot ingest " + sst + " into " + dbDir + ": " + e.getMessage(), e);
    }
  }

  private static int nextVersion(Path tableDir) throws IOException {
    int max = 0;
    try (Stream<Path> s = Files.list(tableDir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.matches("v-\\d{6}")) {
          max = Math.max(max, Integer.parseInt(n.substring(2)));
        }
      }
    }
    return max + 1;
  }

  private void prune(Path tableDir, String current) throws IOException {
    List<Path> versions = new ArrayList<>();
    try (Stream<Path> s = Files.list(tableDir)) {
      s.filter(p -> p.getFileName().toString().matches("v-\\d{6}")).forEach(versions::add);
    }
    versions.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (int i = 0; i < versions.size() - keepVersions; i++) {
      if (!versions.get(i).getFileName().toString().equals(current)) {
        deleteRecursively(versions.get(i));
      }
    }
    try (Stream<Path> s = Files.list(tableDir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(".v-")) {
          deleteRecursively(p); // leftovers of an earlier crashed publish
        }
      }
    }
  }

  private static void atomicReplace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new TableStoreException("the file system of " + to + " cannot rename atomically", e);
    }
  }

  private static void deleteRecursively(Path p) {
    org.selflearn.rewriter.offline.io.Directories.deleteTree(p);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
