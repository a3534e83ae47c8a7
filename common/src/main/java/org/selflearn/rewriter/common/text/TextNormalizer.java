package org.selflearn.rewriter.common.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form of an utterance, used by every module.
 *
 * <ol>
 *   <li>Unicode NFKD, combining marks removed ({@code beyoncé → beyonce});
 *   <li>case folded with {@link Locale#ROOT};
 *   <li>apostrophes removed ({@code what's → whats}), {@code &} read as {@code and};
 *   <li>every other character that is not a letter or a digit becomes a space;
 *   <li>a token made only of digits, up to 999999, is spelled out in words ({@code 10 → ten},
 *       {@code 2024 → two thousand twenty four}): speech recognisers emit both forms for the same speech, and words
 *       are what customers say; longer digit strings (phone numbers, codes) are kept as digits;
 *   <li>whitespace collapsed to single spaces, trimmed.
 * </ol>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {
  private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};

  private TextNormalizer() {}

  /** Normalises one utterance; null becomes the empty string. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    // NFKD leaves pure ASCII unchanged, and nearly every utterance is ASCII: skip the costly general normaliser
    String decomposed = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder cleaned = new StringBuilder(decomposed.length() + 8);
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK || c == '\'' || c == '\u2019' || c == '\u2018') {
        continue;
      }
      if (c == '&') {
        cleaned.append(" and ");
      } else if (Character.isLetterOrDigit(c)) {
        cleaned.append(c);
      } else {
        cleaned.append(' ');
      }
    }
    StringBuilder out = new StringBuilder(cleaned.length() + 16);
    for (String token : cleaned.toString().toLowerCase(Locale.ROOT).split(" ")) {
      if (token.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(isSpellableNumber(token) ? numberToWords(Integer.parseInt(token)) : token);
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpellableNumber(String token) {
    if (token.length() > 6 || (token.length() > 1 && token.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Spells out 0..999999 in English words without "and" ({@code 115 → one hundred fifteen}). */
  public static String numberToWords(int n) {
    if (n < 0 || n > 999_999) {
      throw new IllegalArgumentException("numberToWords supports 0..999999, got " + n);
    }
    if (n < 20) {
      return ONES[n];
    }
    StringBuilder sb = new StringBuilder();
    if (n >= 1000) {
      sb.append(numberToWords(n / 1000)).append(" thousand");
      n %= 1000;
      if (n == 0) {
        return sb.toString();
      }
      sb.append(' ');
    }
    if (n >= 100) {
      sb.append(ONES[n / 100]).append(" hundred");
      n %= 100;
      if (n == 0) {
        return sb.toString();
      }
      sb.append(' ');
    }
    if (n < 20) {
      sb.append(ONES[n]);
    } else {
      sb.append(TENS[n / 10]);
      if (n % 10 != 0) {
        sb.append(' ').append(ONES[n % 10]);
      }
    }
    return sb.toString();
  }
}
