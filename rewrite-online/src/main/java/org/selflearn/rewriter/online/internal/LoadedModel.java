package org.selflearn.rewriter.online.internal;

import org.selflearn.rewriter.online.LayerCalibration;
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
  private final LayerCalibration calibration;

  /** A model that serves every layer at the ranker's own threshold. */
  public LoadedModel(RewriteTable table, GlobalIndex global, PersonalMemory personal, LogisticRanker ranker,
      Embedder embedder, WordingClasses wordings) {
    this(table, global, personal, ranker, embedder, wordings,
        LayerCalibration.allOn(ranker == null ? 0.5 : ranker.threshold()));
  }

  public LoadedModel(RewriteTable table, GlobalIndex global, PersonalMemory personal, LogisticRanker ranker,
      Embedder embedder, WordingClasses wordings, LayerCalibration calibration) {
    this.calibration = calibration;
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
    LogisticRanker ranker = LogisticRanker.load(dir.ranker());
    return new LoadedModel(table, global, personal, ranker, e, WordingClasses.load(dir.root()),
        LayerCalibration.load(dir.root(), ranker.threshold()));
  }

  /** The model with another table (hot reload); the caller closes the old table. */
  public LoadedModel withTable(RewriteTable newTable) {
    return new LoadedModel(newTable, global, personal, ranker, embedder, wordings, calibration);
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

  /** Which layers serve, as training's calibration chose. */
  public LayerCalibration calibration() {
    return calibration;
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
