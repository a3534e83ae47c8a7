package org.selflearn.rewriter.simulator;

import java.time.Instant;

/**
 * What to simulate.
 *
 * @param customers population size, >= 1
 * @param days days of traffic, >= 2
 * @param evalDays last days written to the eval file, in [1, days − 1]
 * @param seed seed of every random choice
 * @param personalSliceRate share of customers in the personal slice, in [0, 1]
 * @param start midnight (UTC) of the first day
 */
public record SimulationOptions(int customers, int days, int evalDays, long seed, double personalSliceRate,
    Instant start) {
  public SimulationOptions {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1, got " + customers);
    }
    if (days < 2) {
      throw new IllegalArgumentException("days must be >= 2 (train and eval are split by day), got " + days);
    }
    if (evalDays < 1 || evalDays >= days) {
      throw new IllegalArgumentException("evalDays must be in [1, days - 1], got " + evalDays);
    }
    if (!(personalSliceRate >= 0 && personalSliceRate <= 1)) {
      throw new IllegalArgumentException("personalSliceRate must be in [0, 1], got " + personalSliceRate);
    }
  }

  /** Defaults for a population: 14 days, the last 3 for eval, 4% personal slice, starting 2026-10-01. */
  public static SimulationOptions of(int customers, int days, long seed) {
    return new SimulationOptions(customers, days, Math.max(1, days / 4), seed, 0.04,
        Instant.parse("2026-10-01T00:00:00Z"));
  }
}
