package org.selflearn.rewriter.offline.loop;

/**
 * What a closed loop runs.
 *
 * @param customers simulated customers, >= 1
 * @param daysPerRound days of traffic in each round, >= 1
 * @param rounds rounds served by a model (round 0, without a rewriter, comes first), >= 1
 * @param seed seed of the simulated world and its traffic
 * @param harmful a wrong entry injected into one round's table, or null
 */
public record LoopSettings(int customers, int daysPerRound, int rounds, long seed, HarmfulRewrite harmful) {
  public LoopSettings {
    if (customers < 1) {
      throw new IllegalArgumentException("--customers must be >= 1, got " + customers);
    }
    if (daysPerRound < 1) {
      throw new IllegalArgumentException("--days-per-round must be >= 1, got " + daysPerRound);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
    }
    if (harmful != null && harmful.round() > rounds) {
      throw new IllegalArgumentException("--inject-round must be in [1, " + rounds + "], got " + harmful.round());
    }
  }

  /** All simulated days: round 0 and every served round. */
  public int totalDays() {
    return (rounds + 1) * daysPerRound;
  }
}
