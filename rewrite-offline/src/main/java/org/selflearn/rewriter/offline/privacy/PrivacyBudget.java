package org.selflearn.rewriter.offline.privacy;

/**
 * The privacy budget of one publish: (ε, δ) for the whole global part of a model, split between partition selection
 * (which keys appear: {@code selectionShare · ε} and all of δ) and the noisy counts of the released keys (the rest of
 * ε, with no δ: the Laplace mechanism is pure). Within a publish the parts add up by basic composition. Over repeated
 * publishes that each read the customer's data again, the guarantee for that customer composes as given by
 * {@link #afterPublishes} (basic composition) or {@link #advancedAfterPublishes} (advanced composition); the unit is a
 * customer within one publish window, bounded by {@link ContributionBounder}.
 *
 * @param epsilon ε of one publish, positive and finite
 * @param delta δ of one publish, in (0, 1)
 * @param selectionShare share of ε spent on partition selection, in (0, 1)
 */
public record PrivacyBudget(double epsilon, double delta, double selectionShare) {
  /**
   * The even split of {@link #of}: half of ε selects the keys, half noises their counts (the configured split is
   * {@code privacy.selection-share}).
   */
  public static final double EVEN_SELECTION_SHARE = 0.5;

  private static final String BASIC_RULE = "basic composition (Dwork and Roth 2014, Thm 3.16)";

  /** A guarantee and the rule that gave it. */
  public record Guarantee(double epsilon, double delta, String rule) {}

  public PrivacyBudget {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    if (!(selectionShare > 0 && selectionShare < 1)) {
      throw new IllegalArgumentException("selectionShare must be in (0, 1), got " + selectionShare);
    }
  }

  /** A budget split evenly between selection and counts. */
  public static PrivacyBudget of(double epsilon, double delta) {
    return new PrivacyBudget(epsilon, delta, EVEN_SELECTION_SHARE);
  }

  /** ε of partition selection. */
  public double selectionEpsilon() {
    return epsilon * selectionShare;
  }

  /** δ of partition selection: all of δ. */
  public double selectionDelta() {
    return delta;
  }

  /** ε of the noisy counts, shared by every count statistic released (see {@link #countEpsilonEach}). */
  public double countEpsilon() {
    return epsilon - selectionEpsilon();
  }

  /** ε of each of {@code statistics} count statistics released for the selected keys (basic composition). */
  public double countEpsilonEach(int statistics) {
    if (statistics < 1) {
      throw new IllegalArgumentException("statistics must be at least 1, got " + statistics);
    }
    return countEpsilon() / statistics;
  }

  /**
   * Basic (sequential) composition over {@code k} publishes: {@code (kε, kδ)} (Dwork, McSherry, Nissim and Smith,
   * TCC 2006; Dwork and Roth, "The Algorithmic Foundations of Differential Privacy", 2014, Theorem 3.16). Holds for
   * any k and any adaptivity.
   */
  public Guarantee afterPublishes(int k) {
    requirePublishes(k);
    return new Guarantee(k * epsilon, Math.min(1, k * delta), BASIC_RULE);
  }

  /**
   * Advanced composition over {@code k} publishes (Dwork, Rothblum and Vadhan, "Boosting and Differential Privacy",
   * FOCS 2010; Dwork and Roth 2014, Theorem 3.20): for any {@code slack δ' > 0},
   * {@code ε' = ε·√(2k·ln(1/δ')) + k·ε·(e^ε − 1)} and {@code δ'' = kδ + δ'}. Smaller than basic composition's kε only
   * when k is large and ε small.
   */
  public Guarantee advancedAfterPublishes(int k, double slack) {
    requirePublishes(k);
    if (!(slack > 0 && slack < 1)) {
      throw new IllegalArgumentException("slack must be in (0, 1), got " + slack);
    }
    double e = epsilon * Math.sqrt(2 * k * Math.log(1 / slack)) + k * epsilon * Math.expm1(epsilon);
    return new Guarantee(e, Math.min(1, k * delta + slack),
        "advanced composition (Dwork, Rothblum and Vadhan 2010; Dwork and Roth 2014, Thm 3.20)");
  }

  /**
   * Basic (sequential) composition of publishes with their own budgets: {@code (Σε, min(1, Σδ))} (Dwork and Roth 2014,
   * Theorem 3.16, which holds for mechanisms with different ε and δ).
   *
   * @param epsilons ε of each publish, at least one
   * @param deltas δ of each publish, as many
   */
  public static Guarantee composed(double[] epsilons, double[] deltas) {
    if (epsilons.length == 0 || epsilons.length != deltas.length) {
      throw new IllegalArgumentException("composition needs at least one publish and one delta per epsilon, got "
          + epsilons.length + " and " + deltas.length);
    }
    double e = 0;
    double d = 0;
    for (int i = 0; i < epsilons.length; i++) {
      e += epsilons[i];
      d += deltas[i];
    }
    return new Guarantee(e, Math.min(1, d), BASIC_RULE);
  }

  private static void requirePublishes(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("publishes must be at least 1, got " + k);
    }
  }
}
