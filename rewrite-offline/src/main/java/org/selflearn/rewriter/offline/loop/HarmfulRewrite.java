package org.selflearn.rewriter.offline.loop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.offline.solve.TablePublisher;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;
import org.selflearn.rewriter.online.table.TableEntryCodec;
import org.selflearn.rewriter.online.table.TableStoreException;

/**
 * A wrong entry put into one round's rewrite table, as a bad rule or a poisoned mining run would: the round's model is
 * trained as usual, then its table is republished as a new version holding every trained entry plus this one (with a
 * high confidence, so it serves). The next rounds train from scratch on all logs, including the failures this entry
 * caused, and must not bring it back.
 *
 * @param round the round whose table gets the entry, >= 1
 * @param source the request to rewrite (normalised on construction)
 * @param target the wrong request to execute instead
 */
public record HarmfulRewrite(int round, String source, String target) {
  public HarmfulRewrite {
    if (round < 1) {
      throw new IllegalArgumentException("the harmful rewrite's round must be >= 1 (round 0 has no rewriter), got "
          + round);
    }
    source = TextNormalizer.normalize(source);
    target = TextNormalizer.normalize(target);
    if (source.isEmpty() || target.isEmpty() || source.equals(target)) {
      throw new IllegalArgumentException("a harmful rewrite needs a source and a different target, got '" + source
          + "' -> '" + target + "'");
    }
  }

  /** Parses {@code SOURCE=>TARGET}. */
  public static HarmfulRewrite parse(int round, String spec) {
    int i = spec.indexOf("=>");
    if (i < 0) {
      throw new IllegalArgumentException("expected SOURCE=>TARGET, got '" + spec + "'");
    }
    return new HarmfulRewrite(round, spec.substring(0, i), spec.substring(i + 2));
  }

  /** Republishes the current table under {@code tableDir} with this entry added; returns the new version. */
  public String inject(Path tableDir, Clock clock, int keepVersions) {
    Map<String, TableEntry> entries = read(tableDir);
    entries.put(source, new TableEntry(target, 0.99, 1_000, 1_000, 0.0, 0.99));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("injectedHarmful", source + " => " + target);
    return new TablePublisher(clock, keepVersions).publish(tableDir, entries, meta);
  }

  /** Every entry of the current table version. */
  static Map<String, TableEntry> read(Path tableDir) {
    String version = RewriteTable.currentVersion(tableDir);
    Map<String, TableEntry> entries = new LinkedHashMap<>();
    if (version == null) {
      return entries;
    }
    Path dir = tableDir.resolve(version);
    try (Options options = new Options(); RocksDB db = RocksDB.openReadOnly(options, dir.toString());
        RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (key.length == 1 && key[0] == 0) {
          continue; // the reserved key of an empty table
        }
        entries.put(new String(key, StandardCharsets.UTF_8), TableEntryCodec.decode(it.value()));
      }
    } catch (RocksDBException e) {
      throw new TableStoreException("cannot read rewrite table " + dir + ": " + e.getMessage(), e);
    }
    return entries;
  }
}
