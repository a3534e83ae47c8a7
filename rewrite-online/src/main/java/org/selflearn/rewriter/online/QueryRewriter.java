package org.selflearn.rewriter.online;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Objects;
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
import java.util.concurrent.atomic.AtomicReference;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable rewriter. Open once with {@link #open}; {@link #rewrite} is thread-safe, never throws, and never
 * blocks past {@code online.budget-ms}: the table lookup runs on the caller's thread, retrieval and ranking on an
 * internal pool whose result is awaited for the rest of the budget. On any failure or timeout the request is returned
 * unchanged and the reason counted in {@link #metrics()}. A newly published table version is picked up without
 * pausing requests.
 */
public final class QueryRewriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryRewriter.class);

  private final ModelDirectory dir;
  private final OnlineSettings settings;
  private final RewriteEngine engine;
  private final RewriterMetrics metrics;
  private final AtomicReference<LoadedModel> model;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService reloader;
  private final long budgetNanos;

  private QueryRewriter(ModelDirectory dir, OnlineSettings settings, LoadedModel loaded, MeterRegistry registry) {
    this.dir = dir;
    this.settings = settings;
    this.engine = new RewriteEngine(settings);
    this.metrics = new RewriterMetrics(registry);
    this.model = new AtomicReference<>(loaded);
    this.budgetNanos = (long) (settings.budgetMillis() * 1_000_000);
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096),
        r -> daemon(r, "rewriter-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
    warmUp(loaded, threads);
    if (settings.reloadSeconds() > 0) {
      reloader = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "rewriter-reload"));
      reloader.scheduleWithFixedDelay(this::reloadQuietly, settings.reloadSeconds(), settings.reloadSeconds(),
          TimeUnit.SECONDS);
    } else {
      reloader = null;
    }
  }

  /**
   * Runs one retrieval on every pool thread before serving, so that no request pays for creating a thread's
   * predictor or touching cold index files.
   */
  private void warmUp(LoadedModel m, int threads) {
    java.util.List<Future<?>> warm = new java.util.ArrayList<>();
    java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      warm.add(pool.submit(() -> {
        together.countDown();
        together.await(10, TimeUnit.SECONDS); // one task per thread
        return engine.retrieveAndRank(m, RewriteRequest.of("warm up the rewriter", null), "warm up the rewriter");
      }));
    }
    for (Future<?> f : warm) {
      try {
        f.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        metrics.failure("warm-up");
        LOG.warn("warm-up failed: {}", e.toString());
      }
    }
  }

  /** Opens a model directory with a configuration; everything is validated here, not on the request path. */
  public static QueryRewriter open(Path modelDir, RewriterConfig config) {
    return open(modelDir, config, new SimpleMeterRegistry(), null);
  }

  /**
   * Opens a model directory.
   *
   * @param registry where metrics go
   * @param embedder an embedder to share (e.g. with an index build), or null to open the one the model names
   */
  public static QueryRewriter open(Path modelDir, RewriterConfig config, MeterRegistry registry, Embedder embedder) {
    ModelDirectory dir = new ModelDirectory(modelDir);
    return new QueryRewriter(dir, OnlineSettings.from(config), LoadedModel.open(dir, embedder), registry);
  }

  /** Rewrites one request, or returns it unchanged. Never throws. */
  public RewriteResult rewrite(RewriteRequest request) {
    long start = System.nanoTime();
    RewriteResult result;
    try {
      result = decide(Objects.requireNonNull(request, "request"), start);
    } catch (RuntimeException | Error e) {
      String reason = "error:" + e.getClass().getSimpleName();
      metrics.failure(reason);
      result = RewriteResult.unchanged(request == null ? null : request.utterance(), "error");
    }
    metrics.record(result, System.nanoTime() - start);
    return result;
  }

  private RewriteResult decide(RewriteRequest r, long start) {
    LoadedModel m = model.get();
    String q = RewriteEngine.normalize(r.utterance());
    RewriteResult table = engine.precomputed(m, r, q);
    if (table != null) {
      return table;
    }
    Future<RewriteResult> f;
    try {
      f = pool.submit(() -> engine.retrieveAndRank(m, r, q));
    } catch (RejectedExecutionException e) {
      metrics.failure("overloaded");
      return RewriteResult.unchanged(r.utterance(), "overloaded");
    }
    try {
      long left = budgetNanos - (System.nanoTime() - start);
      return f.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      metrics.failure("budget");
      return RewriteResult.unchanged(r.utterance(), "budget");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      metrics.failure("error:" + cause.getClass().getSimpleName());
      LOG.warn("rewrite failed open: {}", cause.toString());
      return RewriteResult.unchanged(r.utterance(), "error");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      metrics.failure("interrupted");
      return RewriteResult.unchanged(r.utterance(), "error");
    }
  }

  /**
   * What every layer would propose for a request, ignoring which layers the model's calibration lets serve and the
   * ranked layers' thresholds. For offline use (self-calibration, explanations): no budget, and it may throw.
   */
  public DecisionTrace trace(RewriteRequest request) {
    return engine.trace(model.get(), request, RewriteEngine.normalize(request.utterance()));
  }

  /** Erases a customer's personal memory; returns whether there was one. */
  public boolean forget(String customerId) {
    LoadedModel m = model.get();
    return m.personal() != null && m.personal().forget(customerId);
  }

  /** Switches to a newly published table version, if any. Requests in flight finish on the old one. */
  public boolean reloadIfChanged() {
    LoadedModel m = model.get();
    String current = RewriteTable.currentVersion(dir.table());
    String serving = m.table() == null ? null : m.table().version();
    if (current == null || current.equals(serving)) {
      return false;
    }
    RewriteTable fresh = RewriteTable.openCurrent(dir.table());
    model.set(m.withTable(fresh));
    if (m.table() != null) {
      RewriteTable old = m.table();
      // in-flight lookups may still hold the old table: close it after they have surely finished
      ScheduledThreadPoolExecutor closer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "rewriter-close"));
      closer.schedule(() -> {
        old.close();
        closer.shutdown();
      }, Math.max(1, (long) (settings.budgetMillis() * 10)), TimeUnit.MILLISECONDS);
    }
    LOG.info("rewrite table reloaded: {} -> {}", serving, current);
    return true;
  }

  private void reloadQuietly() {
    try {
      reloadIfChanged();
    } catch (RuntimeException e) {
      metrics.failure("reload");
      LOG.warn("table reload failed, still serving the previous version: {}", e.getMessage());
    }
  }

  /** The version of the table serving now, or null. */
  public String tableVersion() {
    LoadedModel m = model.get();
    return m.table() == null ? null : m.table().version();
  }

  public RewriterMetrics metrics() {
    return metrics;
  }

  /** The loaded ranker's trigger threshold. */
  public double threshold() {
    return model.get().ranker().threshold();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    if (reloader != null) {
      reloader.shutdownNow();
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    model.get().close();
  }
}
