package org.selflearn.rewriter.online.embed;

import java.nio.file.Path;

/**
 * Opens the embedder a configuration ({@code online.embedder}, read by training) or a model manifest (read when
 * serving) names: {@code MINILM} (the bundled encoder), {@code NONE}, or {@code ONNX} with a directory holding
 * {@code model.onnx} and {@code tokenizer.json}. Either ONNX kind is wrapped in a bounded cache of recent texts. The
 * caller owns what it opens and closes it.
 */
public final class Embedders {
  private static final int CACHE = 20_000;

  private Embedders() {}

  /** The embedder of a spec; {@code onnxDir} is used for {@code ONNX}. */
  public static Embedder open(String spec, String onnxDir) {
    return switch (spec) {
      case "NONE" -> Embedder.NONE;
      case "MINILM" -> new CachingEmbedder(OnnxEmbedder.bundledMiniLm(), CACHE);
      case "ONNX" -> new CachingEmbedder(OnnxEmbedder.fromDirectory(Path.of(onnxDir)), CACHE);
      default -> throw new IllegalArgumentException("unknown embedder \"" + spec + "\", expected one of"
          + " [MINILM, ONNX, NONE]");
    };
  }
}
