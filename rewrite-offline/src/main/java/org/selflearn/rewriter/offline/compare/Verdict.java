package org.selflearn.rewriter.offline.compare;

import java.util.Locale;

/**
 * The decision a comparison reports, from the 95% intervals of the paired differences (candidate − baseline):
 * {@link #BETTER} when the defect-reduction difference's interval lies entirely above 0 and the win/loss difference's
 * interval does not lie entirely below 0; {@link #WORSE} when the defect-reduction difference's interval lies entirely
 * below 0; {@link #NO_DIFFERENCE} otherwise (including a candidate that repairs more but whose win/loss is
 * significantly lower: a trade-off for a person to decide, not a release).
 */
public enum Verdict {
  BETTER, WORSE, NO_DIFFERENCE;

  /** The rule above, in words, as the report states it. */
  public static final String RULE = "better: the 95% interval of difference.defectReduction is entirely above 0 and"
      + " that of difference.winLossRatio is not entirely below 0; worse: the 95% interval of"
      + " difference.defectReduction is entirely below 0; no-difference: otherwise";

  /** Applies the rule to the intervals of the differences. */
  public static Verdict of(double reductionLow, double reductionHigh, double winLossHigh) {
    if (reductionLow > 0 && !(winLossHigh < 0)) {
      return BETTER;
    }
    if (reductionHigh < 0) {
      return WORSE;
    }
    return NO_DIFFERENCE;
  }

  /** {@code better}, {@code worse} or {@code no-difference}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
