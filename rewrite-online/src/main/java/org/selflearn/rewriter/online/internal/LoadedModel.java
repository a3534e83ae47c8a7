package org.selflearn.rewriter.online.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.GlobalIndex;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.online.rank.LogisticRanker;
import org.selflearn.rewriter.online.table.RewriteTable;

/**
 * Everything a rewrite reads, opened and validated once: table (may be absent), global index, personal memory,
 * ranker, embedder. Closing closes all of them.
 */
public final class LoadedModel implements AutoCloseable {
  private final RewriteTable table;
  private final GlobalIndex global;
  private final PersonalMemory personal;
  private final LogisticRanker ranker;
  private final Embedder embedder;
  private final WordingClasses wordings;

  public LoadedModel(RewriteTable table, GlobalIndex global, PersonalMemory personal, LogisticRanker ranker,
      Embedder embedder, WordingClasses wordings) {
    this.table = table;
    this.global = global;
    this.personal = personal;
    this.ranker = ranker;
    this.embedder = embedder;
    this.wordings = wordings;
  }

  /** Opens a model directory; the embedder named in its manifest is reused when {@code embedder} is null. */
  public static LoadedModel open(ModelDirectory dir, Embedder embedder) {
    JsonNode manifest = dir.readManifest();
    Embedder e = embedder != null ? embedder
        : Embedders.open(manifest.path("embedder").asText("NONE"), manifest.path("onnxModelDir").asText("-"));
    RewriteTable table = RewriteTable.currentVersion(dir.table()) == null ? null : RewriteTable.openCurrent(dir.table());
    GlobalIndex global = new GlobalIndex(dir.global());
    PersonalMemory personal = Files.isDirectory(dir.personal()) ? PersonalMemory.open(dir.personal()) : null;
    return new LoadedModel(table, global, personal, LogisticRanker.load(dir.ranker()), e,
        WordingClasses.load(dir.root()));
  }

  /** The model with another table (hot reload); the caller closes the old table. */
  public LoadedModel withTable(RewriteTable newTable) {
    return new LoadedModel(newTable, global, personal, ranker, embedder, wordings);
  }

  public RewriteTable table() {
    return table;
  }

  public GlobalIndex global() {
    return global;
  }

  public PersonalMemory personal() {
    return personal;
  }

  public LogisticRanker ranker() {
    return ranker;
  }

  /** Interchangeable wordings learned when training (empty for models without them). */
  public WordingClasses wordings() {
    return wordings;
  }

  public Embedder embedder() {
    return embedder;
  }

  @Override
  public void close() {
    if (table != null) {
      table.close();
    }
    global.close();
    if (personal != null) {
      personal.close();
    }
    embedder.close();
  }
}
