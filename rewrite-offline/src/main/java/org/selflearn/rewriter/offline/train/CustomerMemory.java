package org.selflearn.rewriter.offline.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.selflearn.rewriter.common.codec.VersionedBinary;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/**
 * What one customer's sessions leave for their personal memory: the requests that succeeded for them (count, last
 * time, device, NLU domain) and their own rephrase pairs (source → the request their chain ended in success with).
 * File mode keeps one per customer in a map; the streaming job keeps one per customer in a changelogged store. Both
 * call {@link #accept} with the same sessions, so both hold the same memory.
 *
 * <p>Bounded: at most {@code capacity} requests and pairs; beyond it the least used (then the oldest, then the
 * alphabetically last) is dropped. The personal memory keeps fewer ({@code online.personal-max-entries}); collecting
 * {@value #SLACK} times that lets a request that becomes frequent later survive until it does. Not thread-safe.
 */
public final class CustomerMemory {
  /** Requests and pairs collected per customer, as a multiple of what the personal memory keeps. */
  public static final int SLACK = 4;
  private static final byte FORMAT_VERSION = 1;


  /** A request that succeeded for the customer. */
  static final class Entry {
    int count;
    long lastMillis = Long.MIN_VALUE;
    int deviceType;
    String domainIntent = "";
  }

  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Integer> pairs = new HashMap<>();
  private final Map<String, Long> pairTimes = new HashMap<>();

  /** Adds one of the customer's mined sessions (every turn of a session belongs to one customer). */
  public void accept(MinedSession s, int capacity) {
    List<Turn> t = s.turns();
    for (int i = 0; i < t.size(); i++) {
      Turn turn = t.get(i);
      if (s.success(i)) {
        Entry e = entries.computeIfAbsent(StateNames.executed(turn.state()), k -> new Entry());
        e.count++;
        if (later(turn, e)) {
          e.lastMillis = turn.timestampMs();
          e.deviceType = turn.deviceType().ordinal();
          e.domainIntent = turn.domainIntent();
        }
      }
    }
    for (int[] c : s.chains()) {
      Turn end = t.get(c[1]);
      if (c[1] > c[0] && s.success(c[1])) {
        String target = StateNames.executed(end.state());
        Set<String> counted = new HashSet<>(); // a source counts once per chain
        for (int i = c[0]; i < c[1]; i++) {
          Turn src = t.get(i);
          // a rewritten turn is the rewriter's outcome, not the customer's own rephrase: counting it would let the
          // own-history layer feed on the rewriter's output (loop/NoSelfFeedingTest)
          if (!StateNames.isRewritten(src.state()) && !src.state().equals(target) && counted.add(src.state())) {
            String key = src.state() + "\t" + target;
            pairs.merge(key, 1, Integer::sum);
            pairTimes.merge(key, src.timestampMs(), Math::max);
          }
        }
      }
    }
    bound(capacity);
  }

  private static boolean later(Turn turn, Entry e) {
    if (turn.timestampMs() != e.lastMillis) {
      return turn.timestampMs() > e.lastMillis;
    }
    return turn.domainIntent().compareTo(e.domainIntent) > 0;
  }

  private void bound(int capacity) {
    while (entries.size() > capacity) {
      String drop = null;
      for (Map.Entry<String, Entry> x : entries.entrySet()) {
        if (drop == null || before(x.getValue().count, x.getValue().lastMillis, x.getKey(),
            entries.get(drop).count, entries.get(drop).lastMillis, drop)) {
          drop = x.getKey();
        }
      }
      entries.remove(drop);
    }
    while (pairs.size() > capacity) {
      String drop = null;
      for (Map.Entry<String, Integer> x : pairs.entrySet()) {
        if (drop == null || before(x.getValue(), pairTimes.get(x.getKey()), x.getKey(), pairs.get(drop),
            pairTimes.get(drop), drop)) {
          drop = x.getKey();
        }
      }
      pairs.remove(drop);
      pairTimes.remove(drop);
    }
  }

  /** Whether (count, time, key) a is dropped before b: fewer uses, then older, then alphabetically later. */
  private static boolean before(long countA, long timeA, String keyA, long countB, long timeB, String keyB) {
    if (countA != countB) {
      return countA < countB;
    }
    if (timeA != timeB) {
      return timeA < timeB;
    }
    return keyA.compareTo(keyB) > 0;
  }

  /** The requests that succeeded for the customer, by request. */
  Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** The customer's own rephrase pairs ({@code source<TAB>target} → chains). */
  Map<String, Integer> pairs() {
    return Collections.unmodifiableMap(pairs);
  }

  /** The request that succeeded most often for the customer (then the alphabetically first), or null. */
  public String topRequest() {
    String top = null;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (top == null || e.getValue().count > entries.get(top).count
          || e.getValue().count == entries.get(top).count && e.getKey().compareTo(top) < 0) {
        top = e.getKey();
      }
    }
    return top;
  }

  public boolean isEmpty() {
    return entries.isEmpty() && pairs.isEmpty();
  }

  /** Binary form (the streaming job's store and topic); keys sorted, so equal memories have equal bytes. */
  public byte[] toBytes() {
    return VersionedBinary.write(FORMAT_VERSION, 64 + 48 * (entries.size() + pairs.size()), out -> {
      String[] keys = entries.keySet().toArray(new String[0]);
      Arrays.sort(keys);
      out.writeInt(keys.length);
      for (String k : keys) {
        Entry e = entries.get(k);
        out.writeUTF(k);
        out.writeInt(e.count);
        out.writeLong(e.lastMillis);
        out.writeByte(e.deviceType);
        out.writeUTF(e.domainIntent);
      }
      keys = pairs.keySet().toArray(new String[0]);
      Arrays.sort(keys);
      out.writeInt(keys.length);
      for (String k : keys) {
        out.writeUTF(k);
        out.writeInt(pairs.get(k));
        out.writeLong(pairTimes.get(k));
      }
    });
  }

  public static CustomerMemory fromBytes(byte[] data) {
    return VersionedBinary.read(data, FORMAT_VERSION, "CustomerMemory", in -> {
      CustomerMemory m = new CustomerMemory();
      for (int n = in.readInt(); n > 0; n--) {
        String k = in.readUTF();
        Entry e = new Entry();
        e.count = in.readInt();
        e.lastMillis = in.readLong();
        e.deviceType = in.readByte();
        e.domainIntent = in.readUTF();
        m.entries.put(k, e);
      }
      for (int n = in.readInt(); n > 0; n--) {
        String k = in.readUTF();
        m.pairs.put(k, in.readInt());
        m.pairTimes.put(k, in.readLong());
      }
      return m;
    });
  }
}
