package org.selflearn.rewriter.common.text;

import java.util.Arrays;

/**
 * String similarity measures in [0, 1] on primitive arrays; all symmetric, 1 for equal inputs. Stateless.
 */
public final class Similarity {
  /** Characters below this have a bit mask of their own in the bit-parallel {@link #levenshtein}. */
  private static final int ASCII = 128;

  private Similarity() {}

  /**
   * Levenshtein distance. When the shorter text has at most 64 characters, all below U+0080 (every normalised request
   * and phonetic code here), it is computed bit-parallel, one machine word per column (G. Myers, "A fast bit-vector
   * algorithm for approximate string matching based on dynamic programming", J. ACM 46(3), 1999, in the edit-distance
   * form of H. Hyyrö, "Explaining and extending the bit-parallel approximate string matching algorithm of Myers",
   * 2001); otherwise by the two-row dynamic programme. Both give the same distance.
   */
  public static int levenshtein(CharSequence a, CharSequence b) {
    CharSequence p = a.length() <= b.length() ? a : b;
    CharSequence t = p == a ? b : a;
    if (p.length() == 0) {
      return t.length();
    }
    if (p.length() > Long.SIZE) {
      return dynamicProgramme(a, b);
    }
    long[] peq = new long[ASCII];
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c >= ASCII) {
        return dynamicProgramme(a, b);
      }
      peq[c] |= 1L << i;
    }
    long last = 1L << (p.length() - 1);
    long pv = -1L;
    long mv = 0;
    int score = p.length();
    for (int j = 0; j < t.length(); j++) {
      char c = t.charAt(j);
      long eq = c < ASCII ? peq[c] : 0;
      long xv = eq | mv;
      long xh = (((eq & pv) + pv) ^ pv) | eq;
      long ph = mv | ~(xh | pv);
      long mh = pv & xh;
      if ((ph & last) != 0) {
        score++;
      } else if ((mh & last) != 0) {
        score--;
      }
      ph = (ph << 1) | 1; // the first row of the table counts up: one more deletion per column
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return score;
  }

  /** Levenshtein distance by the two-row dynamic programme (any lengths, any characters). */
  static int dynamicProgramme(CharSequence a, CharSequence b) {
    int n = a.length();
    int m = b.length();
    if (n == 0) {
      return m;
    }
    if (m == 0) {
      return n;
    }
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /** 1 − distance / longer length. */
  public static double editSimilarity(CharSequence a, CharSequence b) {
    int max = Math.max(a.length(), b.length());
    return max == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / max;
  }

  /** Dice coefficient of the multisets of character trigrams of {@code " " + s + " "}. */
  public static double trigramDice(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int[] ga = trigrams(a);
    int[] gb = trigrams(b);
    if (ga.length + gb.length == 0) {
      return 0.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < ga.length && j < gb.length) {
      if (ga[i] == gb[j]) {
        common++;
        i++;
        j++;
      } else if (ga[i] < gb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return 2.0 * common / (ga.length + gb.length);
  }

  /** Sorted hashes of the padded character trigrams of a string. */
  public static int[] trigrams(String s) {
    String p = " " + s + " ";
    if (p.length() < 3) {
      return new int[0];
    }
    int[] out = new int[p.length() - 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (p.charAt(i) * 31 + p.charAt(i + 1)) * 31 + p.charAt(i + 2);
    }
    Arrays.sort(out);
    return out;
  }

  /** Jaccard overlap of the token sets of two normalised texts. */
  public static double tokenJaccard(String a, String b) {
    String[] ta = tokens(a);
    String[] tb = tokens(b);
    if (ta.length == 0 && tb.length == 0) {
      return 1.0;
    }
    int common = 0;
    for (int i = 0; i < ta.length; i++) {
      if (i > 0 && ta[i].equals(ta[i - 1])) {
        continue;
      }
      if (Arrays.binarySearch(tb, ta[i]) >= 0) {
        common++;
      }
    }
    int ua = distinct(ta);
    int ub = distinct(tb);
    return (double) common / (ua + ub - common);
  }

  /** Sorted tokens of a normalised text. */
  static String[] tokens(String s) {
    if (s.isEmpty()) {
      return new String[0];
    }
    String[] t = s.split(" ");
    Arrays.sort(t);
    return t;
  }

  private static int distinct(String[] sorted) {
    int d = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || !sorted[i].equals(sorted[i - 1])) {
        d++;
      }
    }
    return d;
  }
}
