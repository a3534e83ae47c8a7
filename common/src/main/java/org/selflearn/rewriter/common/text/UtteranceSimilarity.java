package org.selflearn.rewriter.common.text;

/**
 * The evidence that two normalised utterances are the same request said differently, as used both by mining (is this
 * a rephrase?) and by the online ranker (features of a candidate): phonetic (edit similarity of the joined Double
 * Metaphone codes), spelling (character-trigram Dice), wording (token Jaccard), and their fixed blend
 * {@link #combined}. Thread-safe.
 */
public final class UtteranceSimilarity {
  private final PhoneticEncoder phonetics = new PhoneticEncoder();

  /** The three measures of one pair. */
  public record Scores(double phonetic, double trigram, double token) {
    /** 0.4 phonetic + 0.35 trigram + 0.25 token: sound first, because speech errors are close in sound. */
    public double combined() {
      return 0.4 * phonetic + 0.35 * trigram + 0.25 * token;
    }

    /** The strongest single measure. */
    public double max() {
      return Math.max(phonetic, Math.max(trigram, token));
    }
  }

  /** Compares two normalised utterances. */
  public Scores compare(String a, String b) {
    return a.equals(b) ? new Scores(1, 1, 1) : compare(a, phonetics.encodeJoined(a), b, phonetics.encodeJoined(b));
  }

  /** Compares two normalised utterances whose joined phonetic codes are already known. */
  public Scores compare(String a, String codeA, String b, String codeB) {
    if (a.equals(b)) {
      return new Scores(1, 1, 1);
    }
    return new Scores(Similarity.editSimilarity(codeA, codeB), Similarity.trigramDice(a, b),
        Similarity.tokenJaccard(a, b));
  }

  /**
   * Similarity of the differing spans: the tokens left after removing the longest common leading and trailing
   * tokens. A speech error corrupts a span that still sounds like the original ({@code sacra mento / sacramento}),
   * while two different requests of one template differ in a span that does not ({@code san diego / schenectady}).
   * For a pure insertion or deletion, 1 − (inserted characters / longer length); 1 for equal texts.
   */
  public double differingSpan(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    String[] ta = a.split(" ");
    String[] tb = b.split(" ");
    int start = 0;
    while (start < ta.length && start < tb.length && ta[start].equals(tb[start])) {
      start++;
    }
    int endA = ta.length;
    int endB = tb.length;
    while (endA > start && endB > start && ta[endA - 1].equals(tb[endB - 1])) {
      endA--;
      endB--;
    }
    if (endA == start || endB == start) {
      // a pure insertion or deletion: as similar as the inserted words are small ("today s" / "today")
      int inserted = String.join(" ", java.util.Arrays.copyOfRange(endA == start ? tb : ta, start,
          endA == start ? endB : endA)).length() + 1;
      return Math.max(0, 1.0 - (double) inserted / Math.max(a.length(), b.length()));
    }
    String da = String.join(" ", java.util.Arrays.copyOfRange(ta, start, endA));
    String db = String.join(" ", java.util.Arrays.copyOfRange(tb, start, endB));
    return Math.max(Similarity.editSimilarity(phonetics.encodeJoined(da), phonetics.encodeJoined(db)),
        Similarity.trigramDice(da, db));
  }

  /** Phonetic similarity when one side's code is already known. */
  public double phonetic(String codeA, String b) {
    return Similarity.editSimilarity(codeA, phonetics.encodeJoined(b));
  }

  /** The joined phonetic code of a normalised utterance. */
  public String phoneticCode(String normalized) {
    return phonetics.encodeJoined(normalized);
  }
}
