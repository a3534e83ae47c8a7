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
 *   <li>each ranked layer (PERSONAL, GLOBAL) gets the lowest threshold, not below the ranker's own, at which the
 *       rewrites scoring at least that pass the same test; if none does, the layer is off.
 * </ul>
 */
public final class LayerCalibrator {
  private final double minRatio;
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

  /** The choice and its evidence. */
  public record Result(LayerCalibration choice, Map<String, Object> evidence) {}

  public Result choose(List<ReplayTurn> turns, List<DecisionTrace> traces, double rankerThreshold) {
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
    double[] thresholds = new double[2];
    boolean[] on = new boolean[2];
    RewriteSource[] ranked = {RewriteSource.PERSONAL, RewriteSource.GLOBAL};
    for (int k = 0; k < 2; k++) {
      List<double[]> scored = new ArrayList<>(); // score, outcome ordinal
      for (int i = 0; i < turns.size(); i++) {
        DecisionTrace t = traces.get(i);
        if ((ownOn && t.ownHistory() != null) || (tableOn && t.table() != null) || t.ranked() == null
            || t.rankedSource() != ranked[k] || t.rankedScore() < rankerThreshold) {
          continue;
        }
        Outcome o = judge.judge(turns.get(i), t.ranked());
        if (o != Outcome.NONE) {
          scored.add(new double[] {t.rankedScore(), o.ordinal()});
        }
      }
      scored.sort((a, b) -> Double.compare(b[0], a[0]));
      LayerEvidence all = new LayerEvidence();
      LayerEvidence above = new LayerEvidence();
      double chosen = Double.NaN;
      LayerEvidence atChosen = null;
      for (int j = 0; j < scored.size(); j++) {
        Outcome o = Outcome.values()[(int) scored.get(j)[1]];
        all.add(o);
        above.add(o);
        boolean lastOfScore = j + 1 == scored.size() || scored.get(j + 1)[0] < scored.get(j)[0];
        if (lastOfScore && passes(above)) {
          chosen = scored.get(j)[0];
          atChosen = above.copy();
        }
      }
      on[k] = atChosen != null;
      thresholds[k] = on[k] ? chosen : rankerThreshold;
      Map<String, Object> e = withDecision(all, on[k], on[k] ? chosen : Double.NaN);
      if (atChosen != null) {
        e.put("atThreshold", atChosen.toMap());
      }
      evidence.put(k == 0 ? "rankedPersonal" : "rankedGlobal", e);
    }
    LayerCalibration choice = new LayerCalibration(ownOn, tableOn, on[0], thresholds[0], on[1], thresholds[1]);
    return new Result(choice, evidence);
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
