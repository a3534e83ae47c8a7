package org.selflearn.rewriter.offline.mining;

import org.selflearn.rewriter.common.text.UtteranceSimilarity;

/**
 * Decides whether a turn is a rephrase of the turn before it in the same session.
 *
 * <p>The rule: the later turn starts within the rephrase window, and the earlier turn did not clearly serve the
 * customer (a turn with positive feedback or long engagement is followed by new requests, not rephrases). Then:
 * <ul>
 *   <li>after a turn that itself showed a defect (failed response, barge-in, negative feedback) the next turn continues
 *       the chain whatever it says: real recognition errors are often far from the intended words in sound and
 *       spelling, so closeness cannot be demanded. Unrelated follow-ups after a give-up enter chains too; they are
 *       filtered where evidence accumulates — across many customers' chains (the selection policy's dominance,
 *       customer and gain gates) and across a customer's own repeated history — not by a similarity floor;
 *   <li>after a turn that looked fine, the follow-up must be similar: the blend of phonetic, character-trigram and
 *       token evidence ({@link UtteranceSimilarity.Scores#combined()}), raised by {@value #SAME_INTENT_BONUS} when both
 *       turns carry the same NLU domain and intent and lowered by {@value #OTHER_DOMAIN_PENALTY} when their domains
 *       differ, must reach the threshold + {@value #LOOKED_FINE_MARGIN}, because a customer who got what they asked
 *       for tends to move on. An exact repeat of such a turn is not a rephrase.
 * </ul>
 */
public final class RephraseDetector {
  /**
   * Extra similarity a follow-up needs when the turn before it showed no defect of its own, because a customer who got
   * what they asked for tends to move on: it lifts the default bar from 0.5 to the README's 0.65.
   */
  static final double LOOKED_FINE_MARGIN = 0.15;
  /**
   * Added when both turns carry the same NLU domain and intent: a tenth of the similarity scale, well below the 0.65
   * a follow-up needs by default, so that agreement supports similarity and cannot stand in for it.
   */
  static final double SAME_INTENT_BONUS = 0.1;
  /**
   * Subtracted when the turns' NLU domains differ: larger than {@link #SAME_INTENT_BONUS}, because a change of domain
   * says more about a new request than agreement says about the same one.
   */
  static final double OTHER_DOMAIN_PENALTY = 0.15;
  /** Phonetic codes kept before the cache starts over, so its memory is bounded however many requests differ. */
  private static final int CODE_CACHE = 200_000;
  private final MiningSettings settings;
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
    if (previous.ownDefect()) {
      return true;
    }
    if (previous.heard().equals(next.heard())) {
      return false;
    }
    return score(previous, next) >= settings.minSimilarity() + LOOKED_FINE_MARGIN;
  }

  /** The similarity score the rule compares with its threshold. */
  public double score(Turn previous, Turn next) {
    double score = similarity.compare(previous.heard(), code(previous.heard()), next.heard(), code(next.heard()))
        .combined();
    String a = previous.domainIntent();
    String b = next.domainIntent();
    if (!a.isEmpty() && !b.isEmpty()) {
      if (a.equals(b)) {
        score += SAME_INTENT_BONUS;
      } else if (!domain(a).equals(domain(b))) {
        score -= OTHER_DOMAIN_PENALTY;
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
