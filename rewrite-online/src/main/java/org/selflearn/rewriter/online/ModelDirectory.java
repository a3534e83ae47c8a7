package org.selflearn.rewriter.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.selflearn.rewriter.common.codec.Jackson;

/**
 * Layout of a model directory, as {@code ./rewrite train} writes it:
 * <pre>
 * MODEL_DIR/model-manifest.json   format version, embedder, counts
 * MODEL_DIR/table/                versioned RocksDB rewrite table (CURRENT, v-NNNNNN/)
 * MODEL_DIR/global/               Lucene global index
 * MODEL_DIR/personal/             RocksDB personal memories
 * MODEL_DIR/ranker.json           the learned ranker and its threshold
 * MODEL_DIR/stats/                the mined statistics (for explain)
 * MODEL_DIR/baselines/            baselines for replay (pair counting, spelling correction)
 * MODEL_DIR/train-summary.json    what training did
 * </pre>
 *
 * @param root the directory
 */
public record ModelDirectory(Path root) {
  /** Version of this layout and manifest. */
  public static final int FORMAT_VERSION = 1;

  public Path manifest() {
    return root.resolve("model-manifest.json");
  }

  public Path table() {
    return root.resolve("table");
  }

  public Path global() {
    return root.resolve("global");
  }

  public Path personal() {
    return root.resolve("personal");
  }

  public Path ranker() {
    return root.resolve("ranker.json");
  }

  public Path stats() {
    return root.resolve("stats");
  }

  public Path baselines() {
    return root.resolve("baselines");
  }

  public Path trainSummary() {
    return root.resolve("train-summary.json");
  }

  /** Reads and checks the manifest; fails naming the file when it is missing or of another version. */
  public JsonNode readManifest() {
    if (!Files.isRegularFile(manifest())) {
      throw new IllegalArgumentException("not a model directory (no " + manifest().getFileName() + "): " + root
          + " — build one with ./rewrite train");
    }
    try {
      JsonNode n = Jackson.readTree(manifest());
      int v = n.path("formatVersion").asInt(-1);
      if (v != FORMAT_VERSION) {
        throw new IllegalArgumentException("model directory " + root + " has format version " + v
            + ", this build reads version " + FORMAT_VERSION);
      }
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + manifest() + ": " + e.getMessage(), e);
    }
  }
}
