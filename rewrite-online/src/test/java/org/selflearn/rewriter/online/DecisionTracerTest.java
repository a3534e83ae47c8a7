package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.training.DecisionTracer;

/** Self-calibration's tracer gives the rewriter's own traces, and its first pass the chain layers' part of them. */
class DecisionTracerTest {
  @TempDir
  Path dir;

  @Test
  void tracesAsTheRewriterDoesAndTracesTheChainLayersWithoutRetrieval() {
    Path model = TestModels.write(dir.resolve("m"));
    List<RewriteRequest> requests = List.of(
        RewriteRequest.of("whats the weather in wilkerson", "c-1"), // own history
        RewriteRequest.of("play maj and dragons", "c-9"), // table
        RewriteRequest.of("play imagine dragon", "c-9"), // a near-miss of a global request: ranked
        RewriteRequest.of("set a timer", "c-9"), // nothing
        RewriteRequest.of("  ", "c-1"));
    List<DecisionTrace> served = new java.util.ArrayList<>();
    double threshold;
    try (QueryRewriter rewriter = QueryRewriter.open(model, RewriterConfig.defaults())) {
      requests.forEach(r -> served.add(rewriter.trace(r)));
      threshold = rewriter.threshold();
    }
    try (DecisionTracer tracer = DecisionTracer.open(model, RewriterConfig.defaults())) {
      assertThat(tracer.threshold()).isEqualTo(threshold);
      for (int i = 0; i < requests.size(); i++) {
        RewriteRequest r = requests.get(i);
        DecisionTrace whole = tracer.trace(r);
        assertThat(whole).as(r.utterance()).isEqualTo(served.get(i));
        assertThat(tracer.traceChainLayers(r)).as(r.utterance()).isEqualTo(
            new DecisionTrace(whole.ownHistory(), whole.table(), null, null, Double.NaN));
      }
      List<RewriteRequest> batch = new java.util.ArrayList<>(requests);
      for (RewriteRequest r : requests) { // the same customers and texts in other contexts: one retrieval each
        batch.add(new RewriteRequest(r.utterance(), r.customerId(), DeviceType.TV,
            java.time.Instant.parse("2026-11-02T21:00:00Z"), "Music", false));
      }
      assertThat(tracer.withRanked(batch, batch.stream().map(tracer::traceChainLayers).toList()))
          .containsExactlyElementsOf(batch.stream().map(tracer::trace).toList());
      assertThat(tracer.trace(requests.get(0)).ownHistory()).isEqualTo("whats the weather in wilkerson california");
      assertThat(tracer.trace(requests.get(1)).table()).isEqualTo("play imagine dragons");
      DecisionTrace ranked = tracer.trace(requests.get(2));
      assertThat(ranked.ranked()).isEqualTo("play imagine dragons");
      assertThat(ranked.rankedSource()).isEqualTo(RewriteSource.GLOBAL);
    }
  }

  @Test
  void aLentEncoderIsUsedAndLeftOpenForItsOwner() {
    Path model = TestModels.write(dir.resolve("m"));
    int[] embedded = new int[1];
    boolean[] closed = new boolean[1];
    Embedder lent = new Embedder() {
      @Override
      public int dimension() {
        return 0;
      }

      @Override
      public float[] embed(String text) {
        embedded[0]++;
        return new float[0];
      }

      @Override
      public String describe() {
        return "lent";
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    try (DecisionTracer tracer = DecisionTracer.open(model, RewriterConfig.defaults(), lent)) {
      assertThat(tracer.trace(RewriteRequest.of("play imagine dragon", "c-9")).ranked())
          .isEqualTo("play imagine dragons");
    }
    assertThat(embedded[0]).as("retrieval embedded with the lent encoder").isPositive();
    assertThat(closed[0]).as("the owner closes it").isFalse();
  }
}
