package org.selflearn.rewriter.online.version;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final SharedResource<RewriteTable> table;
  private final List<SharedResource<?>> others;
  private final AtomicInteger refs = new AtomicInteger(1);
  private volatile Runnable onClosed = () -> { };

  private ModelVersion(LoadedModel model, RewriteEngine engine, SharedResource<RewriteTable> table,
      List<SharedResource<?>> others) {
    this.model = model;
    this.engine = engine;
    this.table = table;
    this.others = List.copyOf(others);
  }

  /**
   * The first version of a freshly opened model; it owns every native part (the embedder only when
   * {@code ownsEmbedder}: an embedder passed in by the caller stays the caller's to close).
   */
  public static ModelVersion of(LoadedModel model, RewriteEngine engine, boolean ownsEmbedder) {
    List<SharedResource<?>> parts = new ArrayList<>();
    parts.add(SharedResource.owned(model.global()));
    if (model.personal() != null) {
      parts.add(SharedResource.owned(model.personal()));
    }
    Embedder e = model.embedder();
    parts.add(ownsEmbedder ? SharedResource.owned(e) : SharedResource.borrowed(e));
    return new ModelVersion(model, engine, model.table() == null ? null : SharedResource.owned(model.table()),
        parts);
  }

  /**
   * A version that serves {@code fresh} in place of this version's table and shares everything else (the other
   * parts stay open while either version uses them). This version must be alive (held by the caller).
   */
  public ModelVersion withTable(RewriteTable fresh) {
    List<SharedResource<?>> retained = new ArrayList<>(others.size());
    try {
      for (SharedResource<?> part : others) {
        retained.add(part.retain());
      }
    } catch (RuntimeException e) {
      releaseAll(retained);
      throw e;
    }
    return new ModelVersion(model.withTable(fresh), engine, SharedResource.owned(fresh), retained);
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
