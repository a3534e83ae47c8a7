package org.selflearn.rewriter.config;

/** The known key nearest to a mistyped name (Levenshtein distance), for "did you mean" hints. */
final class NearestKey {
  private NearestKey() {}

  static ConfigKey<?> byName(String name) {
    return nearest(name, false);
  }

  static ConfigKey<?> byEnvName(String envName) {
    return nearest(envName, true);
  }

  private static ConfigKey<?> nearest(String typed, boolean env) {
    ConfigKey<?> best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey<?> k : ConfigKeys.all()) {
      int d = distance(typed, env ? k.envName() : k.name());
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Edit distance (insertions, deletions, substitutions), two rows. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
