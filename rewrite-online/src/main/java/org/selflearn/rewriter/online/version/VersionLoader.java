package org.selflearn.rewriter.online.version;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.PersonalStore;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.internal.WarmUp;

/**
 * Opens a whole new {@link ModelVersion} from a versioned model directory while the previous one keeps serving:
 * every part is opened and validated by {@link LoadedModel#open}, then warmed on a thread of its own (never on the
 * request pool, which stays free for requests), and only then handed to {@link ModelVersions#refresh} to install.
 * The embedder is shared with the previous version when both manifests name the same one; everything else (table,
 * global index, personal memory, ranker, calibration, wordings) is the new version's own.
 */
public final class VersionLoader {
  private VersionLoader() {}

  /** What a manifest names as its embedder: kind, plus the model directory for {@code ONNX}. */
  public static String embedderSpec(ModelDirectory dir) {
    JsonNode m = dir.readManifest();
    String kind = m.path("embedder").asText("NONE");
    return "ONNX".equals(kind) ? kind + ":" + m.path("onnxModelDir").asText("-") : kind;
  }

  /**
   * Opens version {@code name} of {@code home} ({@code null}: the root of a plain directory). {@code previous} must
   * be alive (the refresh holds it); {@code sharedPersonal}, when not null, is read instead of the version's own
   * personal memory (sharded serving). If opening fails, whatever was opened or retained is released again.
   */
  public static ModelVersion load(ModelHome home, String name, OnlineSettings settings, ModelVersion previous,
      PersonalStore sharedPersonal) {
    ModelDirectory dir = home.directory(name);
    String spec = embedderSpec(dir);
    SharedResource<Embedder> shared = spec.equals(previous.source().embedderSpec()) ? previous.shareEmbedder() : null;
    LoadedModel model;
    try {
      model = LoadedModel.open(dir, shared == null ? null : shared.get(), sharedPersonal);
    } catch (RuntimeException | Error e) {
      if (shared != null) {
        releaseQuietly(shared, e);
      }
      throw e;
    }
    SharedResource<Embedder> embedder = shared != null ? shared : SharedResource.owned(model.embedder());
    return ModelVersion.of(model, new RewriteEngine(settings), embedder, new ModelVersion.Source(dir, name, spec));
  }

  /** Warms a version on one short-lived thread of its own; failures go to {@code failed}, as at open. */
  public static void warmUp(ModelVersion v, Consumer<Throwable> failed) {
    ExecutorService one = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "rewriter-warm-up");
      t.setDaemon(true);
      return t;
    });
    try {
      WarmUp.run(v.engine(), v.model(), one, 1, failed);
    } finally {
      one.shutdownNow();
    }
  }

  private static void releaseQuietly(SharedResource<?> r, Throwable failure) {
    try {
      r.release();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }
}
