package org.selflearn.rewriter.online.internal;

import java.nio.file.Path;
import org.selflearn.rewriter.online.embed.CachingEmbedder;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.embed.OnnxEmbedder;

/** Opens the embedder a configuration or a model manifest names: MINILM, NONE, or ONNX:&lt;dir&gt;. */
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
