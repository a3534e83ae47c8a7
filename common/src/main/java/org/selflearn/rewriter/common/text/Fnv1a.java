package org.selflearn.rewriter.common.text;

import java.nio.charset.StandardCharsets;

/**
 * FNV-1a 64 of a string's UTF-8 bytes: the one hash of identifiers in the project (customer sketches, remembered
 * event ids). Stored statistics hold these values, so the function must never change.
 */
public final class Fnv1a {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Fnv1a() {}

  /** The hash; ASCII text is hashed without copying it to bytes. */
  public static long hash64(String s) {
    long h = OFFSET;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return hashBytes(s.getBytes(StandardCharsets.UTF_8));
      }
      h ^= c;
      h *= PRIME;
    }
    return h;
  }

  private static long hashBytes(byte[] bytes) {
    long h = OFFSET;
    for (byte b : bytes) {
      h ^= (b & 0xff);
      h *= PRIME;
    }
    return h;
  }
}
