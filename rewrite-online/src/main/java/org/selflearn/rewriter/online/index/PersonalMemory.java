package org.selflearn.rewriter.online.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Per-customer memories in RocksDB, keyed by SHA-256 of the customer id (the store never holds ids in clear).
 * Thread-safe. The block cache is bounded (32 MB), so memory does not grow with the number of customers. A read or
 * write after {@link #close} fails with {@link IndexException} instead of touching freed native memory (the online
 * rewriter's reference-counted model versions keep a store open while any request reads it).
 */
public final class PersonalMemory implements PersonalStore {
  /** What {@link PersonalLookup#heldBy} says for a store opened in this process. */
  public static final String LOCAL = "local";

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final LRUCache cache;
  private final RocksDB db;
  private volatile boolean closed;

  private PersonalMemory(Path dir, boolean create) {
    this.dir = dir;
    this.cache = new LRUCache(32L << 20);
    this.options = new Options().setCreateIfMissing(create)
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
    try {
      this.db = RocksDB.open(options, dir.toString());
    } catch (RocksDBException e) {
      options.close();
      cache.close();
      throw new IndexException("cannot open personal memory " + dir + ": " + e.getMessage()
          + " (another process may hold it open)", e);
    }
  }

  /** Opens an existing store read-write (forget needs to write). */
  public static PersonalMemory open(Path dir) {
    return new PersonalMemory(dir, false);
  }

  /** Creates (or opens) a store for building. */
  public static PersonalMemory create(Path dir) {
    return new PersonalMemory(dir, true);
  }

  /** The customer's memory, or {@link PersonalProfile#EMPTY}. */
  public PersonalProfile get(String customerId) {
    checkOpen();
    try {
      byte[] v = db.get(key(customerId));
      return v == null ? PersonalProfile.EMPTY : PersonalProfile.fromBytes(v);
    } catch (RocksDBException e) {
      throw new IndexException("personal memory read failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public PersonalLookup lookup(String customerId, long timeoutNanos) {
    return PersonalLookup.found(get(customerId), LOCAL);
  }

  /** Replaces the customer's memory. */
  public void put(String customerId, PersonalProfile profile) {
    checkOpen();
    try {
      db.put(key(customerId), profile.toBytes());
    } catch (RocksDBException e) {
      throw new IndexException("personal memory write failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Erases the customer's memory; returns whether there was one. Durable when it returns. */
  @Override
  public boolean forget(String customerId) {
    checkOpen();
    try {
      byte[] k = key(customerId);
      boolean existed = db.get(k) != null;
      db.delete(k);
      db.flushWal(true);
      return existed;
    } catch (RocksDBException e) {
      throw new IndexException("personal memory erase failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Up to {@code n} stored memories in key order, whoever they belong to (for warming up the personal path of
   * the request path with realistic profiles; ids are not stored, so none is returned).
   */
  @Override
  public List<PersonalProfile> sampleProfiles(int n) {
    checkOpen();
    List<PersonalProfile> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid() && out.size() < n; it.next()) {
        out.add(PersonalProfile.fromBytes(it.value()));
      }
    }
    return out;
  }

  /** The key a customer's memory is stored under: SHA-256 of the id, so no store holds ids in clear. */
  public static byte[] key(String customerId) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IndexException("personal memory " + dir + " is closed", null);
    }
  }

  /** Closes the store and releases its lock; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    db.close();
    options.close();
    cache.close();
  }
}
