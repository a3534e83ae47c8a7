package org.selflearn.rewriter.offline.mining;

import org.selflearn.rewriter.common.text.UtteranceSimilarity;

/**
 * Decides whether a turn is a rephrase of the turn before it in the same session.
 *
 * <p>The rule: the later turn starts within the rephrase window; the earlier turn did not clearly serve the customer
 * (a turn with positive feedback or long engagement is followed by new requests, not rephrases); and the two are
 * similar enough. Similarity is the blend of phonetic, character-trigram and token evidence
 * ({@link UtteranceSimilarity.Scores#combined()}), raised by 0.1 when both turns carry the same NLU domain and intent
 * and lowered by 0.15 when their domains differ. An exact repeat of a turn that itself showed a defect is always a
 * rephrase; a turn that looked fine (no defect signal) needs a higher similarity (threshold + 0.15), because a
 * customer who got what they asked for tends to move on.
 */
public final class RephraseDetector {
  private final MiningSettings settings;
  private static final int CODE_CACHE = 200_000;
  private final UtteranceSimilarity similarity = new UtteranceSimilarity();
  /** Phonetic codes of recent utterances: requests repeat, so each is encoded about once. Not thread-safe. */
  private final java.util.Map<String, String> codes = new java.util.HashMap<>();

  public RephraseDetector(MiningSettings settings) {
    this.settings = settings;
  }

  /** Whether {@code next} rephrases {@code previous}. */
  public boolean isRephrase(Turn previous, Turn next) {
    long dt = next.timestampMs() - previous.timestampMs();
    if (dt < 0 || dt > settings.rephraseWindowMs()) {
      return false;
    }
    if (previous.strongSuccess(settings.engagementThresholdMs())) {
      return false;
    }
    if (previous.heard().equals(next.heard())) {
      return previous.ownDefect();
    }
    double score = score(previous, next);
    double threshold = settings.minSimilarity() + (previous.ownDefect() ? 0 : 0.15);
    return score >= threshold;
  }

  /** The similarity score the rule compares with its threshold. */
  public double score(Turn previous, Turn next) {
    double score = similarity.compare(previous.heard(), code(previous.heard()), next.heard(), code(next.heard()))
        .combined();
    String a = previous.domainIntent();
    String b = next.domainIntent();
    if (!a.isEmpty() && !b.isEmpty()) {
      if (a.equals(b)) {
        score += 0.1;
      } else if (!domain(a).equals(domain(b))) {
        score -= 0.15;
      }
    }
    return score;
  }

  private String code(String text) {
    String c = codes.get(text);
    if (c == null) {
      if (codes.size() >= CODE_CACHE) {
        codes.clear();
      }
      c = similarity.phoneticCode(text);
      codes.put(text, c);
    }
    return c;
  }

  private static String domain(String domainIntent) {
    return org.selflearn.rewriter.common.event.Nlu.domainOf(domainIntent);
  }
}
