package org.selflearn.rewriter.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulation produced, from the simulator's own knowledge (it knows which turns were misheard). */
public final class SimulationSummary {
  private final SimulationOptions options;
  private final int worldRequests;
  private long customers;
  private long sliceCustomers;
  private long trainEvents;
  private long evalEvents;
  private long defects;
  private long rephrased;
  private long misheard;
  private long sliceTurns;

  SimulationSummary(SimulationOptions options, int worldRequests) {
    this.options = options;
    this.worldRequests = worldRequests;
  }

  void customer(boolean slice) {
    customers++;
    sliceCustomers += slice ? 1 : 0;
  }

  void turn(LogSimulator.SimulatedTurn t, boolean eval) {
    if (eval) {
      evalEvents++;
    } else {
      trainEvents++;
    }
    defects += t.defect() ? 1 : 0;
    rephrased += t.rephrasedByNext() ? 1 : 0;
    misheard += t.misheard() ? 1 : 0;
    sliceTurns += t.slice() ? 1 : 0;
  }

  public long events() {
    return trainEvents + evalEvents;
  }

  /** The figures as an ordered map (JSON and printing). */
  public Map<String, Object> toMap() {
    long all = Math.max(1, events());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", options.seed());
    m.put("customers", customers);
    m.put("days", options.days());
    m.put("evalDays", options.evalDays());
    m.put("worldRequests", worldRequests);
    m.put("events", events());
    m.put("trainEvents", trainEvents);
    m.put("evalEvents", evalEvents);
    m.put("defectRate", round((double) defects / all));
    m.put("rephraseRate", round((double) rephrased / all));
    m.put("misheardRate", round((double) misheard / all));
    m.put("personalSliceCustomers", sliceCustomers);
    m.put("personalSliceTurnShare", round((double) sliceTurns / all));
    return m;
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
