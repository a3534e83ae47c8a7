package org.selflearn.rewriter.online.version;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One servable version of a model: the loaded parts and the engine that reads them (its caches belong to this
 * version's global index), reference-counted. Created with one reference, which the {@link ModelVersions} manager
 * holds while the version is current; each request adds one with {@link #tryAcquire} and drops it with
 * {@link #release}. The last release releases the native parts, which close once no other version uses them.
 */
public final class ModelVersion {
  private static final Logger LOG = LoggerFactory.getLogger(ModelVersion.class);

  private final LoadedModel model;
  private final RewriteEngine engine;
  private final Source source;
  private final SharedResource<RewriteTable> table;
  private final SharedResource<Embedder> embedder;
  private final List<SharedResource<?>> others;
  private final AtomicInteger refs = new AtomicInteger(1);
  private volatile Runnable onClosed = () -> { };

  /**
   * Where a version was loaded from.
   *
   * @param directory the model directory read (a version's directory, or the root of a plain one)
   * @param name the whole-model version's name ({@code v-NNNNNN}), or null for a plain directory
   * @param embedderSpec the embedder its manifest names (kind and ONNX directory), to tell whether the next version
   *     can share it
   */
  public record Source(ModelDirectory directory, String name, String embedderSpec) {}

  private ModelVersion(LoadedModel model, RewriteEngine engine, Source source, SharedResource<RewriteTable> table,
      SharedResource<Embedder> embedder, List<SharedResource<?>> others) {
    this.model = model;
    this.engine = engine;
    this.source = source;
    this.table = table;
    this.embedder = embedder;
    this.others = List.copyOf(others);
  }

  /**
   * The first version of a freshly opened model; it owns every native part (the embedder only when
   * {@code ownsEmbedder}: an embedder passed in by the caller stays the caller's to close).
   */
  public static ModelVersion of(LoadedModel model, RewriteEngine engine, boolean ownsEmbedder, Source source) {
    Embedder e = model.embedder();
    return of(model, engine, ownsEmbedder ? SharedResource.owned(e) : SharedResource.borrowed(e), source);
  }

  /**
   * A version of a whole new model: it owns its table, global index and personal memory, and shares the embedder
   * part given (retained by the caller for this version, or a new one it owns).
   */
  public static ModelVersion of(LoadedModel model, RewriteEngine engine, SharedResource<Embedder> embedder,
      Source source) {
    if (embedder.get() != model.embedder()) {
      throw new IllegalArgumentException("the embedder part is not the model's embedder");
    }
    List<SharedResource<?>> parts = new ArrayList<>();
    parts.add(SharedResource.owned(model.global()));
    if (model.ownsPersonal()) {
      parts.add(SharedResource.owned(model.personal()));
    }
    return new ModelVersion(model, engine, source, model.table() == null ? null : SharedResource.owned(model.table()),
        embedder, parts);
  }

  /** Where this version was loaded from. */
  public Source source() {
    return source;
  }

  /**
   * This version's embedder, retained once more for a next version that shares it (this version must be alive).
   */
  public SharedResource<Embedder> shareEmbedder() {
    return embedder.retain();
  }

  /**
   * A version that serves {@code fresh} in place of this version's table and shares everything else (the other
   * parts stay open while either version uses them). This version must be alive (held by the caller).
   */
  public ModelVersion withTable(RewriteTable fresh) {
    List<SharedResource<?>> retained = new ArrayList<>(others.size());
    SharedResource<Embedder> sharedEmbedder;
    try {
      for (SharedResource<?> part : others) {
        retained.add(part.retain());
      }
      sharedEmbedder = embedder.retain();
    } catch (RuntimeException e) {
      releaseAll(retained);
      throw e;
    }
    return new ModelVersion(model.withTable(fresh), engine, source, SharedResource.owned(fresh), sharedEmbedder,
        retained);
  }

  public LoadedModel model() {
    return model;
  }

  public RewriteEngine engine() {
    return engine;
  }

  /** Adds a user unless the version was closed already; pair every success with one {@link #release}. */
  public boolean tryAcquire() {
    for (;;) {
      int n = refs.get();
      if (n <= 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /**
   * Drops a user; the last one releases the parts (closing those no other version uses). A part that fails to close
   * is logged, not thrown: the caller is a request that has its answer already.
   */
  public void release() {
    int n = refs.decrementAndGet();
    if (n > 0) {
      return;
    }
    if (n < 0) {
      refs.incrementAndGet();
      throw new IllegalStateException("model version released more often than acquired");
    }
    List<SharedResource<?>> parts = new ArrayList<>(others);
    if (table != null) {
      parts.add(0, table);
    }
    parts.add(embedder);
    releaseAll(parts);
    onClosed.run();
  }

  /** Whether the last user has released this version. */
  public boolean isClosed() {
    return refs.get() <= 0;
  }

  /** Runs once when the version closes (set by the manager before it publishes the version). */
  void onClosed(Runnable r) {
    this.onClosed = r;
  }

  private static void releaseAll(List<SharedResource<?>> parts) {
    for (SharedResource<?> p : parts) {
      try {
        p.release();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Exception | Error e) {
        LOG.warn("closing a model part failed: {}", e.toString());
      }
    }
  }
}
