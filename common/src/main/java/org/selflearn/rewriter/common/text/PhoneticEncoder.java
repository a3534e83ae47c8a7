package org.selflearn.rewriter.common.text;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Double Metaphone keys of a normalised utterance (Philips 2000, "The Double Metaphone Search Algorithm"): one code
 * per token, joined by spaces, and the same codes concatenated without spaces so that word-boundary errors of speech
 * recognition ({@code maj and dragons} / {@code imagine dragons}) still compare closely. Thread-safe.
 */
public final class PhoneticEncoder {
  private static final int MAX_CODE_LENGTH = 6;
  private final DoubleMetaphone metaphone;

  public PhoneticEncoder() {
    metaphone = new DoubleMetaphone();
    metaphone.setMaxCodeLen(MAX_CODE_LENGTH);
  }

  /** Codes of each token of a normalised text, space separated ({@code "play imagine" → "PL AMJN"}). */
  public String encodeTokens(String normalized) {
    StringBuilder sb = new StringBuilder(normalized.length());
    int start = 0;
    int n = normalized.length();
    while (start < n) {
      int end = normalized.indexOf(' ', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        String token = normalized.substring(start, end);
        String code = metaphone.doubleMetaphone(token);
        if (code == null || code.isEmpty()) {
          code = token;
        }
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(code);
      }
      start = end + 1;
    }
    return sb.toString();
  }

  /** The token codes concatenated without spaces: robust to word-boundary errors. */
  public String encodeJoined(String normalized) {
    return encodeTokens(normalized).replace(" ", "");
  }
}
