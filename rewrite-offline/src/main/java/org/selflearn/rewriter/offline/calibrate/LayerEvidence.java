package org.selflearn.rewriter.offline.calibrate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.selflearn.rewriter.offline.replay.Outcome;

/**
 * How the customers' own corrections judged one layer's held-out rewrites: confirmed (the rewrite equals the rephrase
 * that then succeeded), contradicted (they succeeded with something else, or the turn had succeeded as said) and
 * unjudged (they gave up: nothing to compare with). Mutable while counting.
 */
public final class LayerEvidence {
  private long confirmed;
  private long contradicted;
  private long unjudged;

  private static final int SAMPLES = 8;
  private final java.util.List<String> contradictedSamples = new java.util.ArrayList<>();

  /** Counts one outcome, keeping the first few contradicted ones as examples for the report. */
  public void add(Outcome o, org.selflearn.rewriter.offline.replay.ReplayTurn turn, String proposed) {
    add(o);
    if (o == Outcome.LOSS && contradictedSamples.size() < SAMPLES) {
      contradictedSamples.add(turn.heard() + " -> " + proposed + " (customer: " + (turn.defect()
          ? turn.successfulRephrase() : "it had succeeded as said") + ")");
    }
  }

  /** Counts one outcome ({@link Outcome#NONE} is ignored). */
  public void add(Outcome o) {
    switch (o) {
      case WIN -> confirmed++;
      case LOSS -> contradicted++;
      case NEUTRAL -> unjudged++;
      default -> { }
    }
  }

  /** The counts of this and another layer together (no examples). */
  public LayerEvidence plus(LayerEvidence o) {
    LayerEvidence c = new LayerEvidence();
    c.confirmed = confirmed + o.confirmed;
    c.contradicted = contradicted + o.contradicted;
    c.unjudged = unjudged + o.unjudged;
    return c;
  }

  /** A snapshot of the counts so far. */
  public LayerEvidence copy() {
    LayerEvidence c = new LayerEvidence();
    c.confirmed = confirmed;
    c.contradicted = contradicted;
    c.unjudged = unjudged;
    c.contradictedSamples.addAll(contradictedSamples);
    return c;
  }

  public long confirmed() {
    return confirmed;
  }

  public long contradicted() {
    return contradicted;
  }

  public long judged() {
    return confirmed + contradicted;
  }

  public long triggered() {
    return confirmed + contradicted + unjudged;
  }

  /** Confirmed per contradicted; the confirmed count when none was contradicted. */
  public double ratio() {
    return contradicted == 0 ? confirmed : (double) confirmed / contradicted;
  }

  /** Share of the layer's rewrites that customers confirmed. */
  public double confirmedShare() {
    return triggered() == 0 ? 0 : (double) confirmed / triggered();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("triggered", triggered());
    m.put("confirmed", confirmed);
    m.put("contradicted", contradicted);
    m.put("unjudged", unjudged);
    m.put("judgedRatio", Math.round(ratio() * 100) / 100.0);
    m.put("confirmedShare", Math.round(confirmedShare() * 1000) / 1000.0);
    if (!contradictedSamples.isEmpty()) {
      m.put("contradictedExamples", contradictedSamples);
    }
    return m;
  }
}
