package org.selflearn.rewriter.offline.calibrate;

import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.common.text.UtteranceSimilarity;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * Judges a proposed rewrite of a held-out turn by the customer's own correction ({@link Outcome#byCorrection}), read
 * the way a careful person would, never with truth:
 * <ul>
 *   <li>a proposal that is another wording of the request the customer then succeeded with is confirmed, not
 *       contradicted: the model's learned wording classes say so, or the logs' NLU interpretations of the two
 *       (domain, intent and slots of their successful turns) are the same;
 *   <li>a held-out turn that a previous model already rewrote is judged by what was executed: the same rewrite is
 *       confirmed when the turn then succeeded and contradicted when it failed; a different proposal for a turn whose
 *       rewrite succeeded is contradicted unless it is another wording of it (a model must not be blamed for the
 *       success its predecessor's rewrite caused, or the loop would switch off the layers that work);
 *   <li>when the successful follow-up resembles neither the heard request nor the proposal (below the mining's
 *       rephrase similarity), the customer most likely gave up and asked something else: the proposal is unjudged,
 *       not contradicted. Chains after a failure admit any follow-up (recurrence is evidence across customers), but
 *       one customer's single follow-up does not say what they meant.
 * </ul>
 */
public final class CorrectionJudge {
  private final WordingClasses wordings;
  private final double minSimilarity;
  private final java.util.Map<String, String> interpretations;
  private final UtteranceSimilarity similarity = new UtteranceSimilarity();

  /**
   * @param wordings learned wording classes
   * @param interpretations normalised request → its NLU interpretation key when it succeeded (may be empty)
   * @param minSimilarity the mining's rephrase similarity
   */
  public CorrectionJudge(WordingClasses wordings, java.util.Map<String, String> interpretations,
      double minSimilarity) {
    this.wordings = wordings;
    this.interpretations = interpretations;
    this.minSimilarity = minSimilarity;
  }

  public Outcome judge(ReplayTurn turn, String proposal) {
    if (proposal != null && turn.event().rewrite() != null) {
      String p = TextNormalizer.normalize(proposal);
      String executed = TextNormalizer.normalize(turn.event().rewrite().to());
      if (p.isEmpty() || p.equals(turn.heard())) {
        return Outcome.NONE;
      }
      boolean same = p.equals(executed) || sameRequest(p, executed);
      if (!turn.defect()) {
        return same ? Outcome.WIN : Outcome.LOSS;
      }
      if (same) {
        return Outcome.LOSS;
      }
    }
    Outcome o = Outcome.byCorrection(turn, proposal);
    if (o != Outcome.LOSS || !turn.defect() || turn.successfulRephrase() == null) {
      return o;
    }
    String p = TextNormalizer.normalize(proposal);
    String fix = turn.successfulRephrase();
    if (sameRequest(p, fix)) {
      return Outcome.WIN;
    }
    boolean related = similarity.compare(turn.heard(), fix).combined() >= minSimilarity
        || similarity.compare(p, fix).combined() >= minSimilarity;
    return related ? Outcome.LOSS : Outcome.NEUTRAL;
  }

  /** Whether two normalised requests are one request in other words (learned classes or equal NLU interpretation). */
  private boolean sameRequest(String a, String b) {
    String meant = interpretations.get(b);
    return wordings.sameRequest(a, b) || (meant != null && meant.equals(interpretations.get(a)));
  }

  /** The interpretation of every request that succeeded in {@code turns} (the last one seen wins). */
  public static java.util.Map<String, String> interpretations(java.util.List<ReplayTurn> turns) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (ReplayTurn t : turns) {
      if (!t.defect() && t.event().nlu() != null && t.event().rewrite() == null) {
        m.put(t.heard(), t.event().nlu().interpretationKey());
      }
    }
    return m;
  }
}
