package org.selflearn.rewriter.online.embed;

/** Maps a normalised request to a unit-length vector. Implementations are thread-safe. */
public interface Embedder extends AutoCloseable {
  /** Vector dimension; 0 means no dense retrieval. */
  int dimension();

  /** The L2-normalised embedding of one text. */
  float[] embed(String text);

  /** A short description for manifests and explanations. */
  String describe();

  @Override
  default void close() {}

  /** The embedder of {@code online.embedder=NONE}: no dense retrieval. */
  Embedder NONE = new Embedder() {
    @Override
    public int dimension() {
      return 0;
    }

    @Override
    public float[] embed(String text) {
      return new float[0];
    }

    @Override
    public String describe() {
      return "none";
    }
  };

  /** Dot product of two unit vectors (cosine); 0 when either is empty. */
  static float cosine(float[] a, float[] b) {
    if (a.length == 0 || a.length != b.length) {
      return 0;
    }
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
