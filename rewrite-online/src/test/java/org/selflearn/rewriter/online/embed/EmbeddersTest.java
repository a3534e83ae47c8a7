package org.selflearn.rewriter.online.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Opens the real bundled encoder. Run on the module path (rewrite-online is a named module), this is what shows that
 * DJL still finds its OnnxRuntime engine through ServiceLoader, that the tokenizer's and ONNX Runtime's native
 * libraries load, and that the model is read from the root of the langchain4j jar.
 */
class EmbeddersTest {
  @Test
  void shouldEmbedWithTheBundledEncoderSoThatAMishearingIsCloserThanAnotherRequest() {
    try (Embedder e = Embedders.open("MINILM", "-")) {
      assertThat(e.dimension()).isEqualTo(384);
      float[] meant = e.embed("play imagine dragons");
      float norm = Embedder.cosine(meant, meant);
      assertThat(norm).isCloseTo(1f, within(1e-3f));
      float misheard = Embedder.cosine(meant, e.embed("play magine dragon"));
      float unrelated = Embedder.cosine(meant, e.embed("turn off the hallway lights"));
      assertThat(misheard).isGreaterThan(unrelated + 0.2f);
    }
  }

  @Test
  void shouldOpenNoEncoderForNone() {
    assertThat(Embedders.open("NONE", "-")).isSameAs(Embedder.NONE);
  }

  @Test
  void shouldRejectAnUnknownSpecListingTheValidOnes() {
    assertThatThrownBy(() -> Embedders.open("BERT", "-")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"BERT\"").hasMessageContaining("[MINILM, ONNX, NONE]");
  }

  @Test
  void shouldNameTheDirectoryWhenAnOnnxModelIsMissing() {
    assertThatThrownBy(() -> Embedders.open("ONNX", "/nonexistent-model-dir")).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("/nonexistent-model-dir");
  }
}
