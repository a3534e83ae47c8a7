package org.selflearn.rewriter.offline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.table.RewriteTable;

/**
 * Checks a model directory part by part before a command opens it, so that a damaged model is one line naming the
 * part and the path (exit code 2), never a stack trace, and nothing is created in it. The rewriter's own open checks
 * formats and versions; this adds what it would otherwise report as a library failure: missing parts, a
 * {@code CURRENT} naming a missing version, a garbage manifest, SST checksums, keys missing from {@code ranker.json}.
 */
final class ModelCheck {
  private static final List<String> RANKER_KEYS = List.of("formatVersion", "features", "weights", "bias", "mean",
      "scale", "threshold");

  private ModelCheck() {}

  /** Every part the online rewriter reads: manifest, table, global index, personal memory, ranker. */
  static ModelDirectory forRewriter(Path model, String option) {
    ModelDirectory dir = manifest(model, option);
    table(dir);
    global(dir);
    personal(dir);
    ranker(dir);
    return dir;
  }

  /**
   * The directory and its manifest: a plain model directory, or the version that a versioned one's {@code CURRENT}
   * names (which must exist).
   */
  static ModelDirectory manifest(Path model, String option) {
    InputFiles.existingDir(model, option);
    ModelDirectory dir = new ModelHome(model).current();
    dir.readManifest();
    return dir;
  }

  static void global(ModelDirectory dir) {
    Path g = dir.global();
    if (!Files.isDirectory(g)) {
      throw damaged(g, "the global index is missing");
    }
    try (Stream<Path> files = Files.list(g)) {
      if (files.noneMatch(f -> f.getFileName().toString().startsWith("segments_"))) {
        throw damaged(g, "not a Lucene index (no segments_N file)");
      }
    } catch (IOException e) {
      throw damaged(g, "cannot list: " + e.getMessage());
    }
  }

  /** The published table, when there is one: CURRENT, the version it names, its manifest and its SST checksums. */
  static void table(ModelDirectory dir) {
    Path t = dir.table();
    String version = RewriteTable.currentVersion(t);
    if (version == null) {
      return; // nothing published: the rewriter runs without a table
    }
    Path v = t.resolve(version);
    if (version.isEmpty() || !Files.isDirectory(v)) {
      throw damaged(t.resolve(RewriteTable.CURRENT), "names table version \"" + version + "\", which is missing"
          + " under " + t);
    }
    Path manifest = v.resolve(RewriteTable.MANIFEST);
    try {
      JsonNode m = Jackson.readTree(manifest);
      if (m == null || !m.isObject() || !m.has("formatVersion")) {
        throw damaged(manifest, "not a table manifest (no formatVersion)");
      }
    } catch (IOException e) {
      throw damaged(manifest, "not a table manifest (" + Failures.oneLine(e.getMessage()) + ")");
    }
    RocksDB.loadLibrary();
    try (Options o = new Options().setCreateIfMissing(false).setParanoidChecks(true);
        RocksDB db = RocksDB.openReadOnly(o, v.toString())) {
      db.verifyChecksum();
    } catch (RocksDBException e) {
      throw damaged(v, "the rewrite table cannot be read: " + e.getMessage());
    }
  }

  /** The personal memory, when the model has one: RocksDB needs its CURRENT file. */
  static void personal(ModelDirectory dir) {
    Path p = dir.personal();
    if (Files.isDirectory(p) && !Files.isRegularFile(p.resolve("CURRENT"))) {
      throw damaged(p, "the personal memory store has no CURRENT file");
    }
  }

  /** {@code ranker.json}: JSON with every key the ranker needs, arrays as long as the feature list. */
  static void ranker(ModelDirectory dir) {
    Path r = dir.ranker();
    if (!Files.isRegularFile(r)) {
      throw damaged(r, "the ranker is missing");
    }
    JsonNode n;
    try {
      n = Jackson.readTree(r);
    } catch (IOException e) {
      throw damaged(r, "not JSON (" + Failures.oneLine(e.getMessage()) + ")");
    }
    if (n == null || !n.isObject()) {
      throw damaged(r, "not a JSON object");
    }
    for (String key : RANKER_KEYS) {
      if (!n.hasNonNull(key)) {
        throw damaged(r, "missing key '" + key + "'");
      }
    }
    int features = n.get("features").size();
    for (String key : List.of("weights", "mean", "scale")) {
      if (!n.get(key).isArray() || n.get(key).size() != features) {
        throw damaged(r, "key '" + key + "' must be an array of " + features + " numbers (one per feature)");
      }
    }
  }

  private static BadInputException damaged(Path part, String why) {
    return new BadInputException("damaged model: " + part + ": " + why + " (rebuild it with ./rewrite train)");
  }
}
