package org.selflearn.rewriter.common.text;

/**
 * The evidence that two normalised utterances are the same request said differently, as used both by mining (is this
 * a rephrase?) and by the online ranker (features of a candidate): phonetic (edit similarity of the joined Double
 * Metaphone codes), spelling (character-trigram Dice), wording (token Jaccard), and their fixed blend
 * {@link #combined}. Thread-safe.
 */
public final class UtteranceSimilarity {
  /** Weight of sound in {@link Scores#combined}: the largest, because speech errors are close in sound. */
  public static final double PHONETIC_WEIGHT = 0.4;
  /** Weight of spelling: next to sound, since a misheard word usually keeps most of its letters. */
  public static final double TRIGRAM_WEIGHT = 0.35;
  /** Weight of shared words: the smallest, because a misheard word shares no token with the word that was meant. */
  public static final double TOKEN_WEIGHT = 0.25;
  private final PhoneticEncoder phonetics = new PhoneticEncoder();

  /** The three measures of one pair. */
  public record Scores(double phonetic, double trigram, double token) {
    /** The weighted blend, sound first; the weights sum to 1, so the blend stays in [0, 1]. */
    public double combined() {
      return PHONETIC_WEIGHT * phonetic + TRIGRAM_WEIGHT * trigram + TOKEN_WEIGHT * token;
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
    Frame f = Frame.of(a, b);
    if (!f.substitution()) {
      // a pure insertion or deletion: as similar as the inserted words are small ("today s" / "today")
      int inserted = (f.endA == f.start ? f.spanB() : f.spanA()).length() + 1;
      return Math.max(0, 1.0 - (double) inserted / Math.max(a.length(), b.length()));
    }
    String da = f.spanA();
    String db = f.spanB();
    return Math.max(Similarity.editSimilarity(phonetics.encodeJoined(da), phonetics.encodeJoined(db)),
        Similarity.trigramDice(da, db));
  }

  /** Two requests split into their common leading tokens, differing spans and common trailing tokens. */
  private record Frame(String[] ta, String[] tb, int start, int endA, int endB) {
    static Frame of(String a, String b) {
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
      return new Frame(ta, tb, start, endA, endB);
    }

    boolean framed() {
      return start > 0 || endA < ta.length;
    }

    boolean substitution() {
      return endA > start && endB > start;
    }

    String spanA() {
      return String.join(" ", java.util.Arrays.copyOfRange(ta, start, endA));
    }

    String spanB() {
      return String.join(" ", java.util.Arrays.copyOfRange(tb, start, endB));
    }
  }

  /**
   * Least likeness (mean of phonetic and character-trigram similarity) the differing spans of two requests of one
   * frame need so that one may be a misrecognition of the other: below it, {@code read my messages from rosalin / …
   * from coach miller} or {@code weather in the city / weather in austin} name different things, while
   * {@code rosalynd / rosalind} or {@code sacra mento / sacramento} keep sound and spelling. Short phonetic codes alone
   * are too lenient for names (they share sounds by chance), hence the mean with spelling.
   */
  public static final double SWAP_MAX_SPAN_SIMILARITY = 0.35;

  /**
   * Whether {@code b} replaces a named thing of {@code a} by another: the two share a frame (at least one common
   * leading or trailing token), each has a non-empty differing span (a substitution, not a completion), and the spans
   * are unlike in sound and spelling (the mean of their phonetic and trigram similarity is below
   * {@link #SWAP_MAX_SPAN_SIMILARITY}). Far-sounding recognition errors also count as swaps here: only evidence from
   * chains (the table, a customer's own history) may make such a rewrite.
   */
  public boolean entitySwap(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    Frame f = Frame.of(a, b);
    if (!f.framed() || !f.substitution()) {
      return false;
    }
    String da = f.spanA();
    String db = f.spanB();
    double likeness = (Similarity.editSimilarity(phonetics.encodeJoined(da), phonetics.encodeJoined(db))
        + Similarity.trigramDice(da, db)) / 2;
    return likeness < SWAP_MAX_SPAN_SIMILARITY;
  }

  /**
   * The words of {@code a} that {@code b} replaces: what is left of {@code a} after the longest common leading and
   * trailing tokens of the two (empty when {@code b} only adds words, or when they are equal).
   */
  public String replacedSpan(String a, String b) {
    return a.equals(b) ? "" : Frame.of(a, b).spanA();
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
