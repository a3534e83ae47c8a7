package org.selflearn.rewriter.offline.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.online.DecisionTrace;
import org.selflearn.rewriter.online.LayerCalibration;
import org.selflearn.rewriter.offline.replay.Outcome;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * Chooses which layers serve from held-out evidence. Layers are decided in the order they are consulted at request
 * time (own history, table, ranked), each on the turns that the layers before it, as decided, leave to it:
 * <ul>
 *   <li>a layer serves when its confirmed rewrites outnumber the contradicted ones by {@code minRatio} and its share of
 *       confirmed rewrites is at least {@code minConfirmedVsBest} of the best chain-based layer's (own history or
 *       table): customers who rephrase rarely confirm little of every layer, so the bar is relative to what this
 *       population confirms at best, and never below {@value #MIN_CONFIRMED_FLOOR}; a layer with fewer than {@code minJudged} judged rewrites keeps its default (own
 *       history and table serve, ranked layers do not);
 *   <li>each ranked layer (PERSONAL, GLOBAL) gets the lowest threshold, not below the floor it is given (the ranker's
 *       own threshold), at which the rewrites scoring at least that pass the same test; if none does, the layer is
 *       off;
 *   <li>a ranked layer that proposed on the held-out days but has fewer than {@code minJudged} judged rewrites of its
 *       own (a short history: customers who give up leave most rewrites unjudged) is decided on the judged rewrites of both ranked layers together, which
 *       share one ranker and one retrieval: it serves when those pass the same test and its own judged rewrites,
 *       however few, are not contradicted beyond {@code minRatio} (both counted at every score, not only above the
 *       floor); it then serves every candidate its retrieval gates admit (threshold
 *       {@link LayerCalibration#GATES_ONLY}). The evidence says so ({@code pooled}).
 * </ul>
 */
public final class LayerCalibrator {
  private final double minRatio;
  /** Significance of the test that a layer's own few judged rewrites refute it ({@link #notContradicted}). */
  static final double CONSISTENCY_LEVEL = 0.05;
  /** Below one confirmed rewrite in ten, customers "almost never" confirm a layer, whatever the best layer does. */
  static final double MIN_CONFIRMED_FLOOR = 0.1;
  private final double minConfirmedVsBest;
  private double referenceShare;
  private final int minJudged;
  private final CorrectionJudge judge;

  public LayerCalibrator(double minRatio, double minConfirmedVsBest, int minJudged, CorrectionJudge judge) {
    this.judge = judge;
    this.minRatio = minRatio;
    this.minConfirmedVsBest = minConfirmedVsBest;
    this.minJudged = minJudged;
  }

  /**
   * The choice and its evidence.
   *
   * @param rankedAtLeastRankerThreshold per ranked layer (personal, global): whether its threshold is to be held at
   *     or above the final ranker's own (false for a layer decided on pooled evidence, which serves what its gates
   *     admit)
   */
  public record Result(LayerCalibration choice, Map<String, Object> evidence,
      List<Boolean> rankedAtLeastRankerThreshold) {}

  /**
   * The decision on the chain-based layers (own history, then the table), which the ranked layers are judged after.
   *
   * @param ownOn whether the customers' own history serves
   * @param tableOn whether the precomputed table serves
   * @param evidence their evidence, in the report's order
   */
  public record ChainLayers(boolean ownOn, boolean tableOn, Map<String, Object> evidence) {
    /**
     * Whether the layers as decided leave a turn to the ranked layers (neither serving layer proposes for it): only
     * such turns' ranked proposals are judged, so only they need retrieval.
     */
    public boolean leaveToRanked(DecisionTrace t) {
      return !((ownOn && t.ownHistory() != null) || (tableOn && t.table() != null));
    }
  }

  /**
   * Decides the chain-based layers from their fields of the traces alone (the ranked fields are not read), and sets
   * the confirmed-share bar the ranked layers are then held to.
   */
  public ChainLayers chainLayers(List<ReplayTurn> turns, List<DecisionTrace> traces) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    LayerEvidence own = new LayerEvidence();
    for (int i = 0; i < turns.size(); i++) {
      own.add(judge.judge(turns.get(i), traces.get(i).ownHistory()), turns.get(i), traces.get(i).ownHistory());
    }
    LayerEvidence tableIfOwnOn = new LayerEvidence();
    for (int i = 0; i < turns.size(); i++) {
      if (traces.get(i).ownHistory() == null) {
        tableIfOwnOn.add(judge.judge(turns.get(i), traces.get(i).table()));
      }
    }
    referenceShare = Math.max(own.judged() >= minJudged ? own.confirmedShare() : 0,
        tableIfOwnOn.judged() >= minJudged ? tableIfOwnOn.confirmedShare() : 0);
    evidence.put("bestConfirmedShare", Math.round(referenceShare * 1000) / 1000.0);
    boolean ownOn = decide(own, true);
    evidence.put("ownHistory", withDecision(own, ownOn, Double.NaN));
    LayerEvidence table = new LayerEvidence();
    for (int i = 0; i < turns.size(); i++) {
      if (!(ownOn && traces.get(i).ownHistory() != null)) {
        table.add(judge.judge(turns.get(i), traces.get(i).table()), turns.get(i), traces.get(i).table());
      }
    }
    boolean tableOn = decide(table, true);
    evidence.put("precomputed", withDecision(table, tableOn, Double.NaN));
    return new ChainLayers(ownOn, tableOn, evidence);
  }

  /**
   * Chooses every layer. The ranked fields of a trace are read only for the turns the chain-based layers leave to
   * the ranked ones ({@link ChainLayers#leaveToRanked}); elsewhere they may be left empty.
   */
  public Result choose(List<ReplayTurn> turns, List<DecisionTrace> traces, double floor) {
    ChainLayers chain = chainLayers(turns, traces);
    Map<String, Object> evidence = new LinkedHashMap<>(chain.evidence());
    double[] thresholds = new double[2];
    boolean[] on = new boolean[2];
    RewriteSource[] ranked = {RewriteSource.PERSONAL, RewriteSource.GLOBAL};
    LayerEvidence[] all = new LayerEvidence[2];
    List<Map<String, Object>> decided = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      List<double[]> scored = rankedOutcomes(turns, traces, ranked[k], chain, floor);
      all[k] = new LayerEvidence();
      LayerEvidence above = new LayerEvidence();
      double chosen = Double.NaN;
      LayerEvidence atChosen = null;
      for (int j = 0; j < scored.size(); j++) {
        Outcome o = Outcome.values()[(int) scored.get(j)[1]];
        all[k].add(o);
        above.add(o);
        boolean lastOfScore = j + 1 == scored.size() || scored.get(j + 1)[0] < scored.get(j)[0];
        if (lastOfScore && passes(above)) {
          chosen = scored.get(j)[0];
          atChosen = above.copy();
        }
      }
      on[k] = atChosen != null;
      thresholds[k] = on[k] ? chosen : floor;
      Map<String, Object> e = withDecision(all[k], on[k], on[k] ? chosen : Double.NaN);
      if (atChosen != null) {
        e.put("atThreshold", atChosen.toMap());
      }
      decided.add(e);
    }
    LayerEvidence[] anyScore = new LayerEvidence[2];
    Boolean[] held = {true, true};
    for (int k = 0; k < 2; k++) {
      anyScore[k] = new LayerEvidence();
      for (double[] o : rankedOutcomes(turns, traces, ranked[k], chain, LayerCalibration.GATES_ONLY)) {
        anyScore[k].add(Outcome.values()[(int) o[1]]);
      }
    }
    LayerEvidence pooled = anyScore[0].plus(anyScore[1]);
    for (int k = 0; k < 2; k++) {
      if (!on[k] && anyScore[k].triggered() > 0 && anyScore[k].judged() < minJudged && passes(pooled)
          && notContradicted(anyScore[k])) {
        held[k] = false;
        on[k] = true;
        thresholds[k] = LayerCalibration.GATES_ONLY;
        Map<String, Object> e = withDecision(anyScore[k], true, LayerCalibration.GATES_ONLY);
        e.put("pooled", pooled.toMap());
        e.put("why", String.format(Locale.ROOT, "%d judged, too few; pooled with the other ranked layer: %.1f:1, %.0f%%"
            + " confirmed; gates only", anyScore[k].judged(), pooled.ratio(), 100 * pooled.confirmedShare()));
        decided.set(k, e);
      }
    }
    evidence.put("rankedPersonal", decided.get(0));
    evidence.put("rankedGlobal", decided.get(1));
    LayerCalibration choice = new LayerCalibration(chain.ownOn(), chain.tableOn(), on[0], thresholds[0], on[1],
        thresholds[1]);
    return new Result(choice, evidence, List.of(held));
  }

  /**
   * The held-out proposals of one ranked layer on the turns the layers before it leave to it, as {score, outcome
   * ordinal}, highest score first; proposals below {@code floor} are not considered.
   */
  private List<double[]> rankedOutcomes(List<ReplayTurn> turns, List<DecisionTrace> traces, RewriteSource layer,
      ChainLayers chain, double floor) {
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      DecisionTrace t = traces.get(i);
      if (!chain.leaveToRanked(t) || t.ranked() == null || t.rankedSource() != layer || t.rankedScore() < floor) {
        continue;
      }
      Outcome o = judge.judge(turns.get(i), t.ranked());
      if (o != Outcome.NONE) {
        scored.add(new double[] {t.rankedScore(), o.ordinal()});
      }
    }
    scored.sort((a, b) -> Double.compare(b[0], a[0]));
    return scored;
  }

  /**
   * Whether a layer's own judged rewrites, however few, are consistent with being confirmed {@code minRatio} times
   * as often as contradicted: a one-sided binomial test at {@value #CONSISTENCY_LEVEL} (with p = r / (1 + r), so few
   * confirmed rewrites are unlikely by chance). One contradicted rewrite alone does not refute a layer; three without
   * a confirmed one do.
   */
  boolean notContradicted(LayerEvidence e) {
    double p = minRatio / (1 + minRatio);
    return binomialCdf(e.confirmed(), e.judged(), p) >= CONSISTENCY_LEVEL;
  }

  /** P(X ≤ k) for X ~ Binomial(n, p), summed term by term (n is a count of held-out rewrites). */
  static double binomialCdf(long k, long n, double p) {
    double term = Math.pow(1 - p, n); // P(X = 0)
    double sum = 0;
    for (long i = 0; i <= k; i++) {
      sum += term;
      term *= (double) (n - i) / (i + 1) * p / (1 - p);
    }
    return Math.min(1, sum);
  }

  private boolean decide(LayerEvidence e, boolean byDefault) {
    return e.judged() < minJudged ? byDefault : passes(e);
  }

  private boolean passes(LayerEvidence e) {
    return e.judged() >= minJudged && e.ratio() >= minRatio
        && e.confirmedShare() >= confirmedBar();
  }

  private double confirmedBar() {
    return Math.max(MIN_CONFIRMED_FLOOR, minConfirmedVsBest * referenceShare);
  }

  private Map<String, Object> withDecision(LayerEvidence e, boolean serve, double threshold) {
    Map<String, Object> m = e.toMap();
    m.put("serve", serve);
    if (!Double.isNaN(threshold)) {
      m.put("threshold", Math.round(threshold * 10_000) / 10_000.0);
    }
    m.put("why", why(e, serve));
    return m;
  }

  private String why(LayerEvidence e, boolean serve) {
    if (e.judged() < minJudged) {
      return String.format(Locale.ROOT, "%d judged rewrites, fewer than %d: default", e.judged(), minJudged);
    }
    return String.format(Locale.ROOT, "judged %.1f:1 (needs %.1f), %.0f%% confirmed (needs %.0f%%)%s", e.ratio(),
        minRatio, 100 * e.confirmedShare(), 100 * confirmedBar(), serve ? "" : ": off");
  }
}
