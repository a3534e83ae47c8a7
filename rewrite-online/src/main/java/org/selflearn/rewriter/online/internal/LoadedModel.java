package org.selflearn.rewriter.online.internal;

import org.selflearn.rewriter.online.LayerCalibration;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.embed.Embedders;
import org.selflearn.rewriter.online.index.GlobalIndex;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalStore;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.online.rank.LogisticRanker;
import org.selflearn.rewriter.online.table.RewriteTable;

/**
 * Everything a rewrite reads, opened and validated once: table (may be absent), global index, personal memory,
 * ranker, embedder. Closing closes all of them, except a personal store supplied from outside (sharded serving),
 * which outlives model versions and stays its owner's to close.
 */
public final class LoadedModel implements AutoCloseable {
  private final RewriteTable table;
  private final GlobalIndex global;
  private final PersonalStore personal;
  private final boolean ownsPersonal;
  private final LogisticRanker ranker;
  private final Embedder embedder;
  private final WordingClasses wordings;
  private final LayerCalibration calibration;

  /** A model that serves every layer at the ranker's own threshold. */
  public LoadedModel(RewriteTable table, GlobalIndex global, PersonalStore personal, LogisticRanker ranker,
      Embedder embedder, WordingClasses wordings) {
    this(table, global, personal, ranker, embedder, wordings,
        LayerCalibration.allOn(ranker == null ? 0.5 : ranker.threshold()));
  }

  public LoadedModel(RewriteTable table, GlobalIndex global, PersonalStore personal, LogisticRanker ranker,
      Embedder embedder, WordingClasses wordings, LayerCalibration calibration) {
    this(table, global, personal, true, ranker, embedder, wordings, calibration);
  }

  private LoadedModel(RewriteTable table, GlobalIndex global, PersonalStore personal, boolean ownsPersonal,
      LogisticRanker ranker, Embedder embedder, WordingClasses wordings, LayerCalibration calibration) {
    this.ownsPersonal = ownsPersonal;
    this.calibration = calibration;
    this.table = table;
    this.global = global;
    this.personal = personal;
    this.ranker = ranker;
    this.embedder = embedder;
    this.wordings = wordings;
  }

  /**
   * Opens a model directory; the embedder named in its manifest is opened when {@code embedder} is null. Files read
   * into the heap (manifest, ranker, wordings) come first, so that a bad one costs nothing to undo; if opening a
   * native part then fails, every part opened so far (including an embedder opened here, not one passed in) is
   * closed before the exception propagates, so the same process can open the directory again.
   */
  public static LoadedModel open(ModelDirectory dir, Embedder embedder) {
    return open(dir, embedder, null);
  }

  /**
   * Opens a model directory like {@link #open(ModelDirectory, Embedder)}; with a {@code sharedPersonal} store the
   * directory's own personal memory (if any) is not opened, and the shared one is read instead and never closed here.
   */
  public static LoadedModel open(ModelDirectory dir, Embedder embedder, PersonalStore sharedPersonal) {
    JsonNode manifest = dir.readManifest();
    LogisticRanker ranker = LogisticRanker.load(dir.ranker());
    WordingClasses wordings = WordingClasses.load(dir.root());
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Embedder e = embedder;
      if (e == null) {
        e = Embedders.open(manifest.path("embedder").asText("NONE"), manifest.path("onnxModelDir").asText("-"));
        opened.push(e);
      }
      RewriteTable table = null;
      if (RewriteTable.expected(dir.table())) {
        table = RewriteTable.openCurrent(dir.table());
        opened.push(table);
      }
      GlobalIndex global = new GlobalIndex(dir.global());
      opened.push(global);
      PersonalStore personal = sharedPersonal;
      if (personal == null && Files.isDirectory(dir.personal())) {
        personal = PersonalMemory.open(dir.personal());
        opened.push(personal);
      }
      return new LoadedModel(table, global, personal, sharedPersonal == null, ranker, e, wordings,
          LayerCalibration.load(dir.root(), ranker.threshold()));
    } catch (RuntimeException | Error failure) {
      closeAll(opened, failure);
      throw failure;
    }
  }

  /** The model with another table (hot reload); the caller closes the old table. */
  public LoadedModel withTable(RewriteTable newTable) {
    return new LoadedModel(newTable, global, personal, ownsPersonal, ranker, embedder, wordings, calibration);
  }

  public RewriteTable table() {
    return table;
  }

  public GlobalIndex global() {
    return global;
  }

  public PersonalStore personal() {
    return personal;
  }

  /** Whether this model opened its personal store (and closes it), rather than sharing one it was given. */
  public boolean ownsPersonal() {
    return personal != null && ownsPersonal;
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

  /** Closes every part (also when one fails to close: the first failure is thrown after the rest are closed). */
  @Override
  public void close() {
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    parts.add(embedder);
    if (ownsPersonal()) {
      parts.push(personal);
    }
    parts.push(global);
    if (table != null) {
      parts.push(table);
    }
    RuntimeException failure = new IllegalStateException("closing the model failed");
    closeAll(parts, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  /** Closes parts in order, adding what they throw to {@code failure} as suppressed exceptions. */
  private static void closeAll(Deque<AutoCloseable> parts, Throwable failure) {
    for (AutoCloseable c : parts) {
      try {
        c.close();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Exception | Error e) {
        failure.addSuppressed(e);
      }
    }
  }
}
