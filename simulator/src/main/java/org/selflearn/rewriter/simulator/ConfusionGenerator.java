package org.selflearn.rewriter.simulator;

import java.util.SplittableRandom;

/**
 * Generates plausible speech-recognition errors of a wording: a vowel or a voiced/unvoiced consonant swapped, a word
 * split or two words merged, a final letter dropped. Used for per-customer (accent) confusions and for the one-off
 * noise of the long tail. Deterministic for a given random source.
 */
public final class ConfusionGenerator {
  private static final String VOWELS = "aeiou";
  private static final String[][] SOUND_ALIKE = {{"p", "b"}, {"t", "d"}, {"k", "g"}, {"f", "v"}, {"s", "z"},
      {"c", "k"}, {"ph", "f"}, {"ee", "ea"}, {"m", "n"}, {"th", "d"}, {"sh", "ch"}, {"er", "a"}};

  private ConfusionGenerator() {}

  /** A misheard variant of {@code text} that differs from it, or {@code text} if none could be made. */
  public static String mishear(String text, SplittableRandom rng) {
    String[] tokens = text.split(" ");
    int longest = 0;
    for (int i = 1; i < tokens.length; i++) {
      if (tokens[i].length() > tokens[longest].length()) {
        longest = i;
      }
    }
    // the longest word (usually the entity) is the one speech recognition gets wrong
    int target = rng.nextDouble() < 0.7 ? longest : rng.nextInt(tokens.length);
    for (int attempt = 0; attempt < 6; attempt++) {
      String changed = change(tokens[target], rng);
      if (!changed.equals(tokens[target]) && !changed.isBlank()) {
        tokens[target] = changed;
        return String.join(" ", tokens).trim().replaceAll(" +", " ");
      }
    }
    return text;
  }

  private static String change(String w, SplittableRandom rng) {
    if (w.length() < 3) {
      return w;
    }
    switch (rng.nextInt(5)) {
      case 0 -> {
        int i = rng.nextInt(w.length());
        char c = w.charAt(i);
        if (VOWELS.indexOf(c) >= 0) {
          char r = VOWELS.charAt(rng.nextInt(VOWELS.length()));
          return w.substring(0, i) + r + w.substring(i + 1);
        }
        return w;
      }
      case 1 -> {
        String[] pair = SOUND_ALIKE[rng.nextInt(SOUND_ALIKE.length)];
        boolean forward = rng.nextBoolean();
        String from = forward ? pair[0] : pair[1];
        String to = forward ? pair[1] : pair[0];
        int i = w.indexOf(from);
        return i < 0 ? w : w.substring(0, i) + to + w.substring(i + from.length());
      }
      case 2 -> {
        int i = 2 + rng.nextInt(Math.max(1, w.length() - 3));
        return i >= w.length() ? w : w.substring(0, i) + " " + w.substring(i);
      }
      case 3 -> {
        return w.substring(0, w.length() - 1);
      }
      default -> {
        int i = rng.nextInt(w.length() - 1);
        return w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
      }
    }
  }
}
