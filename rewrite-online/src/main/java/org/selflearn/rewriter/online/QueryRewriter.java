package org.selflearn.rewriter.online;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.PersonalLookup;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.index.PersonalStore;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.internal.WarmUp;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.version.ModelVersion;
import org.selflearn.rewriter.online.version.ModelVersions;
import org.selflearn.rewriter.online.version.VersionLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable rewriter. Open once with {@link #open} (which validates everything and warms every stage, so the
 * first request meets the budget); {@link #rewrite} is thread-safe, never throws (except a
 * {@link VirtualMachineError}, which is never swallowed), and never blocks past {@code online.budget-ms}: the
 * length check, normalisation and table lookup run on the caller's thread, retrieval and ranking on an internal
 * pool whose result is awaited for the rest of the budget. On any failure or timeout the request is returned
 * unchanged and the reason counted in {@link #metrics()}.
 *
 * <p>Each request acquires the model version current when it starts and releases it when done (a retrieval task
 * holds its own reference, so a timed-out task never reads a closed version). The directory opened may be a plain
 * model directory or a versioned one ({@link ModelHome}: {@code CURRENT} naming one of {@code versions/v-NNNNNN}).
 * A newly published whole-model version, or a newly published table of the serving model, becomes a new version
 * without pausing requests: it is opened and warmed completely before it is installed, so no request sees a
 * half-loaded model, and the old version's files close when its last request is done. After {@link #close} a
 * request is answered unchanged with reason {@code closed}, without touching native memory.
 */
public final class QueryRewriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRewriter.class);

  private final ModelHome home;
  private final OnlineSettings settings;
  private final RewriterMetrics metrics;
  private final ModelVersions versions;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService reloader;
  private final long budgetNanos;
  private final PersonalStore sharedPersonal;

  private QueryRewriter(ModelHome home, OnlineSettings settings, ModelVersion first, MeterRegistry registry,
      PersonalStore sharedPersonal) {
    this.home = home;
    this.sharedPersonal = sharedPersonal;
    this.settings = settings;
    this.metrics = new RewriterMetrics(registry);
    this.versions = new ModelVersions(first);
    metrics.watchVersions(versions::openVersions);
    this.budgetNanos = (long) (settings.budgetMillis() * 1_000_000);
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096),
        r -> daemon(r, "rewriter-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
    this.pool.prestartAllCoreThreads();
    ScheduledExecutorService reloads = null;
    try {
      WarmUp.run(first.engine(), first.model(), pool, threads, e -> {
        metrics.failure("warm-up");
        LOG.warn("warm-up failed: {}", e.toString());
      });
      RewriterMetrics.warmUp();
      if (settings.reloadSeconds() > 0) {
        reloads = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "rewriter-reload"));
        reloads.scheduleWithFixedDelay(this::reloadQuietly, settings.reloadSeconds(), settings.reloadSeconds(),
            TimeUnit.SECONDS);
      }
    } catch (RuntimeException | Error e) {
      pool.shutdownNow();
      throw e;
    }
    this.reloader = reloads;
  }

  /** Opens a model directory with a configuration; everything is validated here, not on the request path. */
  public static QueryRewriter open(Path modelDir, RewriterConfig config) {
    return open(modelDir, config, new SimpleMeterRegistry(), null);
  }

  /**
   * Opens a model directory. If opening fails, whatever was opened is closed again before the exception propagates,
   * so the same process can retry.
   *
   * @param registry where metrics go
   * @param embedder an embedder to share (e.g. with an index build): the caller keeps it and closes it after the
   *     rewriter; or null to open (and own) the one the model names
   */
  public static QueryRewriter open(Path modelDir, RewriterConfig config, MeterRegistry registry, Embedder embedder) {
    return open(modelDir, config, registry, embedder, null);
  }

  /**
   * Opens a model directory whose customers' memories are read from {@code sharedPersonal} instead of the model's
   * own personal store: the sharded deployment, where serving instances share the partitions of a stream-kept table
   * (README, "Several serving instances"). Every version of the model reads the same store; the caller keeps it and
   * closes it after the rewriter. A null store is {@link #open(Path, RewriterConfig, MeterRegistry, Embedder)}.
   */
  public static QueryRewriter open(Path modelDir, RewriterConfig config, MeterRegistry registry, Embedder embedder,
      PersonalStore sharedPersonal) {
    ModelHome home = new ModelHome(modelDir);
    OnlineSettings settings = OnlineSettings.from(config);
    String name = home.currentVersion();
    ModelDirectory dir = home.directory(name);
    String spec = VersionLoader.embedderSpec(dir);
    ModelVersion first = ModelVersion.of(LoadedModel.open(dir, embedder, sharedPersonal), new RewriteEngine(settings),
        embedder == null, new ModelVersion.Source(dir, name, spec));
    try {
      return new QueryRewriter(home, settings, first, registry, sharedPersonal);
    } catch (RuntimeException | Error e) {
      first.release();
      throw e;
    }
  }

  /** Rewrites one request, or returns it unchanged. Never throws, except a {@link VirtualMachineError}. */
  public RewriteResult rewrite(RewriteRequest request) {
    long start = System.nanoTime();
    RewriteResult result;
    try {
      result = decide(request, start);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      metrics.failure("error:" + e.getClass().getSimpleName());
      result = RewriteResult.unchanged(request == null ? null : request.utterance(), "error");
    }
    metrics.record(result, System.nanoTime() - start);
    return result;
  }

  private RewriteResult decide(RewriteRequest r, long start) {
    String utterance = r.utterance();
    if (utterance.length() > settings.maxUtteranceChars()) {
      return failOpen(utterance, "too-long");
    }
    ModelVersion v = versions.acquire();
    if (v == null) {
      return failOpen(utterance, "closed");
    }
    try {
      return decide(v, r, start);
    } finally {
      v.release();
    }
  }

  private RewriteResult decide(ModelVersion v, RewriteRequest r, long start) {
    String q = RewriteEngine.normalize(r.utterance());
    PersonalLookup own = q.isEmpty() ? PersonalLookup.NONE
        : v.engine().lookup(v.model(), r, budgetNanos - (System.nanoTime() - start));
    if (own.failure() != null) {
      metrics.failure("personal:" + own.failure()); // the request goes on with the global layers
    }
    return decide(v, r, q, own, start).withMemoryHeldBy(own.heldBy());
  }

  private RewriteResult decide(ModelVersion v, RewriteRequest r, String q, PersonalLookup own, long start) {
    RewriteResult table = v.engine().precomputed(v.model(), r, q, own.profile());
    if (table != null) {
      return table;
    }
    long left = budgetNanos - (System.nanoTime() - start);
    if (left <= 0) {
      return failOpen(r.utterance(), "budget");
    }
    Future<RewriteResult> f;
    try {
      f = pool.submit(() -> retrieveAndRank(v, r, q, own.profile()));
    } catch (RejectedExecutionException e) {
      return failOpen(r.utterance(), versions.isClosed() ? "closed" : "overloaded");
    }
    try {
      return f.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return failOpen(r.utterance(), "budget");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof VirtualMachineError vme) {
        throw vme;
      }
      LOG.warn("rewrite failed open: {}", cause.toString());
      return failOpen(r.utterance(), "error:" + cause.getClass().getSimpleName(), "error");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failOpen(r.utterance(), "interrupted", "error");
    }
  }

  /**
   * What every layer would propose for a request, ignoring which layers the model's calibration lets serve and the
   * ranked layers' thresholds. For offline use (self-calibration, explanations): no budget, and it may throw.
   *
   * @throws IllegalStateException when the rewriter is closed
   */
  public DecisionTrace trace(RewriteRequest request) {
    ModelVersion v = acquireOpen();
    try {
      return v.engine().trace(v.model(), request, RewriteEngine.normalize(request.utterance()));
    } finally {
      v.release();
    }
  }

  /** Runs on a pool thread with its own reference: the caller may time out and release its reference first. */
  private static RewriteResult retrieveAndRank(ModelVersion v, RewriteRequest r, String q, PersonalProfile own) {
    if (!v.tryAcquire()) {
      return RewriteResult.unchanged(r.utterance(), "closed");
    }
    try {
      return v.engine().retrieveAndRank(v.model(), r, q, own);
    } finally {
      v.release();
    }
  }

  private RewriteResult failOpen(String utterance, String reason) {
    return failOpen(utterance, reason, reason);
  }

  private RewriteResult failOpen(String utterance, String counted, String reason) {
    metrics.failure(counted);
    return RewriteResult.unchanged(utterance, reason);
  }

  /**
   * Erases a customer's personal memory; returns whether there was one.
   *
   * @throws IllegalStateException when the rewriter is closed
   */
  public boolean forget(String customerId) {
    ModelVersion v = acquireOpen();
    try {
      return v.model().personal() != null && v.model().personal().forget(customerId);
    } finally {
      v.release();
    }
  }

  /**
   * Switches to a newly published whole-model version (a versioned model directory whose {@code CURRENT} changed),
   * or else to a newly published table version of the serving model, if any; returns whether it did. A new model
   * version is opened, validated and warmed completely before it is installed (sharing the embedder when its manifest
   * names the same one); if that fails, the previous version keeps serving and the failure is thrown. One reload
   * runs at a time: concurrent calls wait for it and then find nothing new. Requests in flight finish on the version
   * they started on, which closes when the last of them is done. Returns false once the rewriter is closed.
   */
  public boolean reloadIfChanged() {
    return versions.refresh(current -> {
      String model = home.currentVersion();
      if (!java.util.Objects.equals(model, current.source().name())) {
        ModelVersion next = VersionLoader.load(home, model, settings, current, sharedPersonal);
        VersionLoader.warmUp(next, e -> {
          metrics.failure("warm-up");
          LOG.warn("warm-up of model version {} failed: {}", model, e.toString());
        });
        LOG.info("model reloaded: {} -> {}", current.source().name(), model);
        return next;
      }
      Path tableDir = current.source().directory().table();
      String published = RewriteTable.currentVersion(tableDir);
      RewriteTable serving = current.model().table();
      if (published == null || serving != null && published.equals(serving.version())) {
        return null;
      }
      RewriteTable fresh = RewriteTable.openCurrent(tableDir);
      try {
        ModelVersion next = current.withTable(fresh);
        LOG.info("rewrite table reloaded: {} -> {}", serving == null ? null : serving.version(), fresh.version());
        return next;
      } catch (RuntimeException | Error e) {
        fresh.close();
        throw e;
      }
    });
  }

  private void reloadQuietly() {
    try {
      reloadIfChanged();
    } catch (RuntimeException e) {
      metrics.failure("reload");
      LOG.warn("reload failed, still serving the previous version: {}", e.getMessage());
    }
  }

  /** The version of the table serving now, or null (none published, or the rewriter is closed). */
  public String tableVersion() {
    ModelVersion v = versions.acquire();
    if (v == null) {
      return null;
    }
    try {
      return v.model().table() == null ? null : v.model().table().version();
    } finally {
      v.release();
    }
  }

  /**
   * The whole-model version serving now ({@code v-NNNNNN} under {@code MODEL_DIR/versions/}), or null for a plain
   * model directory or once the rewriter is closed.
   */
  public String modelVersion() {
    ModelVersion v = versions.acquire();
    if (v == null) {
      return null;
    }
    try {
      return v.source().name();
    } finally {
      v.release();
    }
  }

  public RewriterMetrics metrics() {
    return metrics;
  }

  /**
   * The loaded ranker's trigger threshold.
   *
   * @throws IllegalStateException when the rewriter is closed
   */
  public double threshold() {
    ModelVersion v = acquireOpen();
    try {
      return v.model().ranker().threshold();
    } finally {
      v.release();
    }
  }

  private ModelVersion acquireOpen() {
    ModelVersion v = versions.acquire();
    if (v == null) {
      throw new IllegalStateException("the rewriter for " + home.root() + " is closed");
    }
    return v;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Stops serving: later requests are answered unchanged ({@code closed}); the model closes when the last request
   * in flight is done (retrieval tasks are interrupted and awaited up to 5 s). Idempotent.
   */
  @Override
  public void close() {
    versions.close();
    if (reloader != null) {
      reloader.shutdownNow();
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
      if (reloader != null) {
        reloader.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
