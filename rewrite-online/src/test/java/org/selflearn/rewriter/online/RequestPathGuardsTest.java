package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.embed.Embedder;

/** The budget covers every stage, the host's fatal errors are not swallowed, and metrics cannot throw. */
class RequestPathGuardsTest {
  @TempDir
  Path tmp;
  Path model;

  @BeforeEach
  void writeModel() {
    model = TestModels.write(tmp.resolve("model"));
  }

  @Test
  void aTwentyMillionCharacterRequestIsAnsweredTooLongWithinTheBudget() {
    String huge = "play maj and dragons ".repeat(1_000_000); // 21M characters
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults())) {
      long t0 = System.nanoTime();
      RewriteResult res = r.rewrite(RewriteRequest.of(huge, "c-1"));
      double ms = (System.nanoTime() - t0) / 1e6;
      assertThat(res.reason()).isEqualTo("too-long");
      assertThat(res.effective()).isSameAs(huge);
      assertThat(ms).as("milliseconds").isLessThan(ConfigKeys.BUDGET_MS.defaultValue());
      assertThat(r.metrics().failures()).containsEntry("too-long", 1L);
      assertThat(r.metrics().outcomes()).containsEntry("too-long", 1L);
    }
  }

  @Test
  void theLengthLimitIsConfigurableAndInclusive() {
    RewriterConfig c = RewriterConfig.defaults().with(ConfigKeys.MAX_UTTERANCE_CHARS, 10);
    try (QueryRewriter r = QueryRewriter.open(model, c)) {
      assertThat(r.rewrite(RewriteRequest.of("hello wrld", null)).rewrite()).isEqualTo("hello world 1"); // 10 chars
      assertThat(r.rewrite(RewriteRequest.of("hello wrld!", null)).reason()).isEqualTo("too-long");
    }
  }

  @Test
  void aVirtualMachineErrorIsRethrownWhileOtherErrorsFailOpen() {
    Embedder failing = new ThrowingEmbedder();
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults(), new SimpleMeterRegistry(), failing)) {
      assertThatThrownBy(() -> r.rewrite(RewriteRequest.of("play imagine dragon", null)))
          .isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
      RewriteResult res = r.rewrite(RewriteRequest.of("order more nocchi", null));
      assertThat(res.reason()).isEqualTo("error");
      assertThat(res.effective()).isEqualTo("order more nocchi");
      assertThat(r.metrics().failures()).containsKey("error:NoClassDefFoundError");
    }
  }

  @Test
  void aFailingMeterRegistryNeverReachesTheCaller() {
    AtomicBoolean broken = new AtomicBoolean();
    SimpleMeterRegistry registry = new SimpleMeterRegistry() {
      @Override
      protected Counter newCounter(Meter.Id id) {
        if (broken.get()) {
          throw new IllegalStateException("registry down");
        }
        return super.newCounter(id);
      }
    };
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults(), registry, null)) {
      broken.set(true);
      RewriteResult res = r.rewrite(RewriteRequest.of("hello wrld", null));
      assertThat(res.rewrite()).isEqualTo("hello world 1");
      assertThat(r.rewrite(RewriteRequest.of("x".repeat(2_000), null)).reason()).isEqualTo("too-long");
    }
  }

  /** Dense retrieval off; embedding a request throws an OutOfMemoryError or a NoClassDefFoundError. */
  private static final class ThrowingEmbedder implements Embedder {
    @Override
    public int dimension() {
      return 0;
    }

    @Override
    public float[] embed(String text) {
      if (text.equals("play imagine dragon")) {
        throw new OutOfMemoryError("simulated");
      }
      if (text.equals("order more nocchi")) {
        throw new NoClassDefFoundError("simulated");
      }
      return new float[0];
    }

    @Override
    public String describe() {
      return "throwing";
    }
  }
}
