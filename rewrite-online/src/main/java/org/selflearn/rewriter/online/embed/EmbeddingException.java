package org.selflearn.rewriter.online.embed;

/** The ONNX model could not be loaded or run; names the model path. */
public final class EmbeddingException extends RuntimeException {
  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
