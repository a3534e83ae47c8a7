package org.selflearn.rewriter.offline.compare;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.offline.replay.ReplayTurn;

/**
 * The groups each replayed turn belongs to: group 0 is every turn, then one group per value of each slice dimension
 * seen in the logs. Dimensions: {@code device} (device type), {@code domain} (NLU domain, {@code none} when absent),
 * {@code asrConfidence} (recogniser confidence bucket), {@code customer} ({@code new}: fewer than
 * {@value #NEW_CUSTOMER_TURNS} earlier turns of the same customer in these logs; else {@code established}) and
 * {@code hour} (hour of day, UTC).
 */
public final class Slices {
  /** A customer with fewer earlier turns than this in the replayed logs counts as new. */
  public static final int NEW_CUSTOMER_TURNS = 10;
  /** The slice dimensions, in report order. */
  public static final List<String> DIMENSIONS = List.of("device", "domain", "asrConfidence", "customer", "hour");

  private final List<String> names; // group id -> "dimension=value"; 0 is "all"
  private final int[][] groupsOfTurn; // turn -> its group ids (0 first)

  private Slices(List<String> names, int[][] groupsOfTurn) {
    this.names = List.copyOf(names);
    this.groupsOfTurn = groupsOfTurn;
  }

  /** Every turn in group 0 only (no slices). */
  public static Slices none(int turns) {
    int[][] g = new int[turns][];
    for (int i = 0; i < turns; i++) {
      g[i] = new int[] {0};
    }
    return new Slices(List.of("all"), g);
  }

  /** The slices of {@code turns}, which must be in time order (for the customers' history). */
  public static Slices of(List<ReplayTurn> turns) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    ids.put("all", 0);
    Map<String, Integer> earlier = new HashMap<>();
    int[][] g = new int[turns.size()][];
    for (int i = 0; i < turns.size(); i++) {
      InteractionEvent e = turns.get(i).event();
      int history = earlier.merge(e.customerId(), 1, Integer::sum) - 1;
      List<String> keys = List.of("device=" + e.deviceType().name(),
          "domain=" + (e.nlu() == null || e.nlu().domain() == null ? "none" : e.nlu().domain()),
          "asrConfidence=" + confidenceBucket(e.asrConfidence()),
          "customer=" + (history < NEW_CUSTOMER_TURNS ? "new" : "established"),
          "hour=" + String.format(java.util.Locale.ROOT, "%02d", e.timestamp().atZone(ZoneOffset.UTC).getHour()));
      int[] groups = new int[keys.size() + 1];
      for (int k = 0; k < keys.size(); k++) {
        groups[k + 1] = ids.computeIfAbsent(keys.get(k), x -> ids.size());
      }
      g[i] = groups;
    }
    return new Slices(new ArrayList<>(ids.keySet()), g);
  }

  /** The bucket of a recogniser confidence: {@code unknown}, {@code <0.5}, {@code 0.5-0.7}, {@code 0.7-0.9}, {@code >=0.9}. */
  static String confidenceBucket(double c) {
    if (Double.isNaN(c)) {
      return "unknown";
    }
    return c < 0.5 ? "<0.5" : c < 0.7 ? "0.5-0.7" : c < 0.9 ? "0.7-0.9" : ">=0.9";
  }

  public int groups() {
    return names.size();
  }

  /** {@code all} for group 0, else {@code dimension=value}. */
  public String name(int group) {
    return names.get(group);
  }

  int[] groupsOf(int turn) {
    return groupsOfTurn[turn];
  }
}
