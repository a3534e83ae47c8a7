package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * Reads logged turns, sorts them by time, and labels them with the same mining core as training (sessions, defects,
 * rephrase chains), so that replay and mining agree on what a defect and a successful rephrase are.
 */
public final class ReplayLoader {
  private ReplayLoader() {}

  /** Loads and labels; rejected lines are counted in {@code rejected[0]}. */
  public static List<ReplayTurn> load(Path logs, MiningSettings settings, long[] rejected) {
    List<InteractionEvent> events = new ArrayList<>();
    EventFileReader.ReadCounts counts = EventFileReader.forEach(logs, events::add, r -> { });
    rejected[0] = counts.rejected();
    return load(events, settings);
  }

  /** Labels valid events already in memory (a copy is sorted; the list given is left as it is). */
  public static List<ReplayTurn> load(List<InteractionEvent> valid, MiningSettings settings) {
    List<InteractionEvent> events = new ArrayList<>(valid);
    events.sort(Comparator.comparing(InteractionEvent::timestamp).thenComparing(InteractionEvent::eventId));
    Map<String, Label> labels = new HashMap<>(events.size() * 2);
    FileMiner miner = new FileMiner(settings).onSession(s -> label(s, labels));
    events.forEach(miner::accept);
    miner.finish();
    List<ReplayTurn> out = new ArrayList<>(events.size());
    for (InteractionEvent e : events) {
      Label l = labels.get(e.eventId());
      out.add(new ReplayTurn(e, l.heard, l.previousDomain, l.defect, l.successfulRephrase));
    }
    return out;
  }

  private record Label(String heard, String previousDomain, boolean defect, String successfulRephrase) {}

  private static void label(MinedSession s, Map<String, Label> labels) {
    List<Turn> t = s.turns();
    for (int[] c : s.chains()) {
      int last = c[1];
      String fix = c[1] > c[0] && s.success(last) ? StateNames.executed(t.get(last).state()) : null;
      for (int i = c[0]; i <= last; i++) {
        Turn turn = t.get(i);
        String prevDomain = i > 0 ? domain(t.get(i - 1).domainIntent()) : null;
        labels.put(turn.eventId(), new Label(turn.heard(), prevDomain, s.defect()[i], i < last ? fix : null));
      }
    }
  }

  private static String domain(String domainIntent) {
    return domainIntent.isEmpty() ? null : org.selflearn.rewriter.common.event.Nlu.domainOf(domainIntent);
  }
}
