package org.selflearn.rewriter.online.index;

/**
 * One of a customer's own successful requests.
 *
 * @param text normalised request
 * @param count successes
 * @param lastMillis time of the latest success
 * @param deviceType ordinal of the device type of the latest success
 * @param domainIntent {@code domain|intent} of the latest success, or empty
 * @param vector embedding quantised to bytes (value × 127), empty without an embedder
 */
public record PersonalEntry(String text, int count, long lastMillis, int deviceType, String domainIntent,
    byte[] vector) {

  /** Quantises a unit vector to signed bytes. */
  public static byte[] quantize(float[] v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) Math.max(-127, Math.min(127, Math.round(v[i] * 127f)));
    }
    return b;
  }

  /** Cosine of a unit query vector with this entry's quantised vector. */
  public float cosine(float[] query) {
    if (vector.length == 0 || vector.length != query.length) {
      return 0;
    }
    float dot = 0;
    float norm = 0;
    for (int i = 0; i < vector.length; i++) {
      dot += query[i] * vector[i];
      norm += vector[i] * vector[i];
    }
    return norm == 0 ? 0 : (float) (dot / Math.sqrt(norm));
  }
}
