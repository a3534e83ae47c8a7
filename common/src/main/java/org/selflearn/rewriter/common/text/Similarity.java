package org.selflearn.rewriter.common.text;

import java.util.Arrays;

/**
 * String similarity measures in [0, 1] on primitive arrays; all symmetric, 1 for equal inputs. Stateless.
 */
public final class Similarity {
  private Similarity() {}

  /** Levenshtein distance, two-row dynamic programme. */
  public static int levenshtein(CharSequence a, CharSequence b) {
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
