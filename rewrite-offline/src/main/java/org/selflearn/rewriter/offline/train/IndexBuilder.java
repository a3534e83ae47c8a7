package org.selflearn.rewriter.offline.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.selflearn.rewriter.common.stats.SuccessRate;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.GlobalIndexWriter;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalPair;
import org.selflearn.rewriter.online.index.PersonalProfile;

/**
 * Builds the global index (requests said by at least k distinct customers; servable when they succeeded for k and
 * usually succeed) and the personal memories, embedding each distinct text once (in parallel).
 */
public final class IndexBuilder {
  private final Embedder embedder;
  private final int minCustomers;
  private final int personalMaxEntries;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  public IndexBuilder(Embedder embedder, int minCustomers, int personalMaxEntries) {
    this.embedder = embedder;
    this.minCustomers = minCustomers;
    this.personalMaxEntries = personalMaxEntries;
  }

  /** Writes the global index; returns {entries, servable}. */
  public long[] buildGlobal(MinedStats stats, Map<String, String> domainOfState, ModelDirectory dir) {
    Map<String, long[]> byText = new HashMap<>(); // turns, successes, successCustomers (max)
    for (MinedStats.StateRow s : stats.states().values()) {
      String text = StateNames.executed(s.state());
      long[] v = byText.computeIfAbsent(text, k -> new long[3]);
      if (!StateNames.isRewritten(s.state())) {
        v[0] += s.turns();
        v[1] += s.successes();
      } else {
        v[1] += s.successes(); // a rewrite into this text that succeeded is a success of the text
        v[0] += s.successes();
      }
      v[2] = Math.max(v[2], s.successCustomers());
    }
    List<String> servable = new ArrayList<>();
    for (Map.Entry<String, long[]> e : byText.entrySet()) {
      long[] v = e.getValue();
      if (v[2] >= minCustomers && SuccessRate.usuallySucceeds(v[1], v[0])) {
        servable.add(e.getKey());
      }
    }
    embedAll(servable);
    Set<String> servableSet = new HashSet<>(servable);
    long entries = 0;
    try (GlobalIndexWriter w = new GlobalIndexWriter(dir.global())) {
      for (MinedStats.StateRow s : stats.states().values()) {
        String text = s.state();
        if (StateNames.isRewritten(text) || s.customers() < minCustomers) {
          continue; // privacy: nothing said by fewer than k customers enters the global index
        }
        long[] v = byText.get(text);
        boolean ok = servableSet.contains(text);
        w.add(new GlobalEntry(text, v[0], v[1], (int) v[2], domainOfState.getOrDefault(text, ""), ok,
            ok ? vector(text) : new float[0]));
        entries++;
      }
    }
    return new long[] {entries, servable.size()};
  }

  /** Writes the personal memories; returns the number of customers. */
  public long buildPersonal(Map<String, CustomerMemory> memories, ModelDirectory dir) {
    Set<String> texts = new HashSet<>();
    long customers = 0;
    for (CustomerMemory m : memories.values()) {
      if (!m.isEmpty()) {
        topEntries(m, personalMaxEntries).forEach(e -> texts.add(e.getKey()));
        customers++;
      }
    }
    embedAll(new ArrayList<>(texts));
    try (PersonalMemory memory = PersonalMemory.create(dir.personal())) {
      for (Map.Entry<String, CustomerMemory> c : memories.entrySet()) {
        if (!c.getValue().isEmpty()) {
          memory.put(c.getKey(), profile(c.getValue(), personalMaxEntries, this::vector));
        }
      }
    }
    return customers;
  }

  /**
   * The personal memory served for a customer's collected memory: their {@code maxEntries} most used successful
   * requests (then alphabetically), each with its embedding, and as many of their own rephrase pairs. The model
   * build and the serving instances that keep memories from the stream both call this, so both serve the same.
   */
  public static PersonalProfile profile(CustomerMemory memory, int maxEntries,
      java.util.function.Function<String, float[]> vectors) {
    List<PersonalEntry> entries = new ArrayList<>();
    for (Map.Entry<String, CustomerMemory.Entry> e : topEntries(memory, maxEntries)) {
      CustomerMemory.Entry x = e.getValue();
      entries.add(new PersonalEntry(e.getKey(), x.count, x.lastMillis, x.deviceType, x.domainIntent,
          PersonalEntry.quantize(vectors.apply(e.getKey()))));
    }
    List<PersonalPair> pairs = ownPairs(memory.pairs());
    return new PersonalProfile(entries, pairs.subList(0, Math.min(maxEntries, pairs.size())));
  }

  private static List<Map.Entry<String, CustomerMemory.Entry>> topEntries(CustomerMemory memory, int maxEntries) {
    List<Map.Entry<String, CustomerMemory.Entry>> list = new ArrayList<>(memory.entries().entrySet());
    list.sort((a, b) -> a.getValue().count != b.getValue().count ? b.getValue().count - a.getValue().count
        : a.getKey().compareTo(b.getKey()));
    return list.subList(0, Math.min(maxEntries, list.size()));
  }

  private void embedAll(List<String> texts) {
    texts.parallelStream().filter(t -> !vectors.containsKey(t)).forEach(t -> vectors.put(t, embedder.embed(t)));
  }

  float[] vector(String text) {
    return vectors.computeIfAbsent(text, embedder::embed);
  }

  /** A customer's own chain pairs as collected ({@code source<TAB>target → chains}), most frequent first (then by text). */
  static List<PersonalPair> ownPairs(Map<String, Integer> collected) {
    List<PersonalPair> pairs = new ArrayList<>();
    collected.forEach((k, n) -> {
      String[] st = k.split("\t", 2);
      pairs.add(new PersonalPair(st[0], st[1], n));
    });
    pairs.sort((a, b) -> a.count() != b.count() ? b.count() - a.count()
        : (a.source() + "\t" + a.target()).compareTo(b.source() + "\t" + b.target()));
    return pairs;
  }
}
