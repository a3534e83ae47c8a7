package org.selflearn.rewriter.online.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.selflearn.rewriter.common.codec.Jackson;

/**
 * Read-only view of the current version of a rewrite table. Thread-safe; {@link #lookup} is a RocksDB point read.
 * Closing while a lookup runs is the caller's bug (model versions are reference-counted so that it cannot happen);
 * a lookup after close fails with {@link TableStoreException} instead of reading freed native memory.
 */
public final class RewriteTable implements AutoCloseable {
  /** The table format (layout + manifest + value encoding) this reader understands. */
  public static final int FORMAT_VERSION = 1;
  public static final String CURRENT = "CURRENT";
  public static final String MANIFEST = "manifest.json";

  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final RocksDB db;
  private final String version;
  private final long entries;
  private volatile boolean closed;

  private RewriteTable(Options options, RocksDB db, String version, long entries) {
    this.options = options;
    this.db = db;
    this.version = version;
    this.entries = entries;
  }

  /** The version directory name that {@code CURRENT} names, or null when nothing was published yet. */
  public static String currentVersion(Path tableDir) {
    Path current = tableDir.resolve(CURRENT);
    if (!Files.isRegularFile(current)) {
      return null;
    }
    try {
      return Files.readString(current, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new TableStoreException("cannot read " + current + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a model directory's table is to be opened: {@code CURRENT} names a version (true), or the directory holds
   * no table version at all (false: the model has no table). A table directory holding versions but no
   * {@code CURRENT} is refused, naming the missing file: serving such a model silently without its table would lose
   * every precomputed rewrite.
   */
  public static boolean expected(Path tableDir) {
    if (currentVersion(tableDir) != null) {
      return true;
    }
    if (Files.isDirectory(tableDir)) {
      try (var versions = Files.list(tableDir)) {
        java.util.Optional<Path> any = versions.filter(p -> Files.isDirectory(p)
            && p.getFileName().toString().startsWith("v-")).findFirst();
        if (any.isPresent()) {
          throw new TableStoreException(tableDir.resolve(CURRENT) + " is missing, but " + tableDir + " holds table"
              + " version " + any.get().getFileName() + ": write the name of the version to serve into " + CURRENT
              + ", or train the model again", null);
        }
      } catch (IOException e) {
        throw new TableStoreException("cannot list " + tableDir + ": " + e.getMessage(), e);
      }
    }
    return false;
  }

  /** Opens the current version read-only; refuses an unknown format version. */
  public static RewriteTable openCurrent(Path tableDir) {
    String version = currentVersion(tableDir);
    if (version == null) {
      throw new TableStoreException("no published rewrite table under " + tableDir + " (missing " + CURRENT + ")");
    }
    Path dir = tableDir.resolve(version);
    long entries = checkManifest(dir.resolve(MANIFEST));
    Options options = new Options().setCreateIfMissing(false).setMaxOpenFiles(64);
    try {
      return new RewriteTable(options, RocksDB.openReadOnly(options, dir.toString()), version, entries);
    } catch (RocksDBException e) {
      options.close();
      throw new TableStoreException("cannot open rewrite table " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long checkManifest(Path manifest) {
    try {
      JsonNode m = Jackson.readTree(manifest);
      int v = m.path("formatVersion").asInt(-1);
      if (v != FORMAT_VERSION) {
        throw new TableStoreException("rewrite table " + manifest.getParent() + " has format version " + v
            + "; this reader understands version " + FORMAT_VERSION);
      }
      return m.path("entries").asLong();
    } catch (IOException e) {
      throw new TableStoreException("cannot read table manifest " + manifest + ": " + e.getMessage(), e);
    }
  }

  /** The rewrite of a normalised request, or null. */
  public TableEntry lookup(String normalizedRequest) {
    if (closed) {
      throw new TableStoreException("rewrite table version " + version + " is closed");
    }
    try {
      byte[] v = db.get(normalizedRequest.getBytes(StandardCharsets.UTF_8));
      return v == null ? null : TableEntryCodec.decode(v);
    } catch (RocksDBException e) {
      throw new TableStoreException("rewrite table lookup failed in version " + version + ": " + e.getMessage(), e);
    }
  }

  public String version() {
    return version;
  }

  public long entries() {
    return entries;
  }

  /** Closes the table; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    db.close();
    options.close();
  }
}
