package org.selflearn.rewriter.common.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Double Metaphone keys of a normalised utterance (Philips 2000, "The Double Metaphone Search Algorithm"): one code
 * per token, joined by spaces, and the same codes concatenated without spaces so that word-boundary errors of speech
 * recognition ({@code maj and dragons} / {@code imagine dragons}) still compare closely. Thread-safe; the codes of
 * tokens seen before are looked up rather than computed again.
 */
public final class PhoneticEncoder {
  private static final int MAX_CODE_LENGTH = 6;
  /**
   * Tokens whose codes are remembered: a vocabulary of requests repeats its words, and retrieval encodes every
   * candidate for every request. Beyond this many distinct tokens, new ones are encoded each time (memory stays
   * bounded).
   */
  static final int CACHED_TOKENS = 100_000;
  private final DoubleMetaphone metaphone;
  private final Map<String, String> codes = new ConcurrentHashMap<>();

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
        String code = code(normalized.substring(start, end));
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(code);
      }
      start = end + 1;
    }
    return sb.toString();
  }

  /** The code of one token (the token itself when it has none), remembered for the first {@link #CACHED_TOKENS}. */
  private String code(String token) {
    String known = codes.get(token);
    if (known != null) {
      return known;
    }
    String code = metaphone.doubleMetaphone(token);
    if (code == null || code.isEmpty()) {
      code = token;
    }
    if (codes.size() < CACHED_TOKENS) {
      codes.put(token, code);
    }
    return code;
  }

  /** The token codes concatenated without spaces: robust to word-boundary errors. */
  public String encodeJoined(String normalized) {
    return encodeTokens(normalized).replace(" ", "");
  }
}
