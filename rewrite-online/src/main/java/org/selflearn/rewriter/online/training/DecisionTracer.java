package org.selflearn.rewriter.online.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.DecisionTrace;
import org.selflearn.rewriter.online.ModelHome;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.internal.LoadedModel;
import org.selflearn.rewriter.online.internal.RewriteEngine;
import org.selflearn.rewriter.online.internal.Retrieval;

/**
 * Self-calibration's view of a freshly trained model: what each layer would propose for logged requests, through the
 * serving path's own decision engine (the traces of {@link org.selflearn.rewriter.online.QueryRewriter#trace}),
 * without what serving needs and an offline replay does not: no request pool, no budget, no warm-up. Retrieval reads
 * only the customer and the request text, so a batch of requests ({@link #withRanked}) retrieves once per customer
 * and text and ranks each request in its own context. The layers that need no retrieval can be traced alone
 * ({@link #traceChainLayers}). Thread-safe; closing closes the model.
 */
public final class DecisionTracer implements AutoCloseable {
  private final LoadedModel model;
  private final RewriteEngine engine;

  private DecisionTracer(LoadedModel model, RewriteEngine engine) {
    this.model = model;
    this.engine = engine;
  }

  /** Opens a model directory (plain or versioned) with the encoder its manifest names. */
  public static DecisionTracer open(Path modelDir, RewriterConfig config) {
    return open(modelDir, config, null);
  }

  /**
   * Opens a model directory with an encoder the caller keeps (and closes after the tracer): the one the model was
   * built with, whose cache already holds the texts it embedded; or null to open the one the manifest names.
   */
  public static DecisionTracer open(Path modelDir, RewriterConfig config, Embedder encoder) {
    ModelHome home = new ModelHome(modelDir);
    return new DecisionTracer(LoadedModel.open(home.current(), encoder == null ? null : new Lent(encoder)),
        new RewriteEngine(OnlineSettings.from(config)));
  }

  /** An encoder the caller keeps: closing the model does not close it. */
  private record Lent(Embedder encoder) implements Embedder {
    @Override
    public int dimension() {
      return encoder.dimension();
    }

    @Override
    public float[] embed(String text) {
      return encoder.embed(text);
    }

    @Override
    public String describe() {
      return encoder.describe();
    }
  }

  /** The model ranker's own trigger threshold. */
  public double threshold() {
    return model.ranker().threshold();
  }

  /** What every layer would propose for a request, ignoring the model's calibration. */
  public DecisionTrace trace(RewriteRequest r) {
    return engine.trace(model, r, RewriteEngine.normalize(r.utterance()));
  }

  /**
   * Completes first-pass traces ({@link #traceChainLayers}, one per request, in order) with the ranked layers'
   * proposals: the same traces as {@link #trace(RewriteRequest)}, retrieving once per customer and request text; the
   * sets of requests sharing a retrieval run in parallel.
   */
  public List<DecisionTrace> withRanked(List<RewriteRequest> requests, List<DecisionTrace> chainLayers) {
    Map<List<String>, List<Integer>> sharing = new LinkedHashMap<>();
    String[] texts = new String[requests.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = RewriteEngine.normalize(requests.get(i).utterance());
      sharing.computeIfAbsent(Arrays.asList(requests.get(i).customerId(), texts[i]), k -> new ArrayList<>()).add(i);
    }
    DecisionTrace[] out = new DecisionTrace[texts.length];
    new ArrayList<>(sharing.values()).parallelStream().forEach(indices -> {
      String q = texts[indices.get(0)];
      Retrieval found = q.isEmpty() ? null : engine.retrieve(model, requests.get(indices.get(0)).customerId(), q);
      for (int i : indices) {
        out[i] = found == null ? chainLayers.get(i)
            : engine.withRanked(chainLayers.get(i), requests.get(i), q, found, model);
      }
    });
    return Arrays.asList(out);
  }

  /** What the customer's own history and the table would propose; the ranked fields are empty (no retrieval). */
  public DecisionTrace traceChainLayers(RewriteRequest r) {
    return engine.traceChainLayers(model, r, RewriteEngine.normalize(r.utterance()));
  }

  @Override
  public void close() {
    model.close();
  }
}
