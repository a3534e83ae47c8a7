package org.selflearn.rewriter.offline.mining;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The streaming job's publish windows while differential privacy is on ({@code privacy.window-days}): with 0 days
 * there is one window, everything since the job's state began, and votes are keyed as file mode keys them
 * ({@link RequestVote#key()}); with N days, tumbling windows of N days of event time (UTC days counted from
 * 1970-01-01), each customer bounded per window, and every vote key carries its window:
 * {@code W<TAB>window<TAB>vote key}. A publish releases one closed window ({@link #latestClosed}), read back as plain
 * vote keys ({@link #votesOf}), so the release is file mode's. Immutable.
 *
 * @param days the window length in days, 0 for a single window
 */
public record VoteWindows(int days) {
  private static final long DAY_MS = 86_400_000L;

  public VoteWindows {
    if (days < 0) {
      throw new IllegalArgumentException("privacy.window-days must be at least 0, got " + days);
    }
  }

  /** The window of an event time. */
  public long of(long timeMs) {
    return days == 0 ? 0 : Math.floorDiv(Math.floorDiv(timeMs, DAY_MS), days);
  }

  /** The statistic key of a vote cast in {@code window}. */
  public String key(long window, String voteKey) {
    return days == 0 ? voteKey : StatKey.WINDOWED_VOTE + "\t" + window + "\t" + voteKey;
  }

  /** The window of a windowed vote key. */
  public static long windowOf(String key) {
    requireWindowed(key);
    return Long.parseLong(key.substring(2, key.indexOf('\t', 2)));
  }

  /** The plain vote key inside a windowed one. */
  public static String voteKeyOf(String key) {
    requireWindowed(key);
    return key.substring(key.indexOf('\t', 2) + 1);
  }

  private static void requireWindowed(String key) {
    if (key.length() < 4 || StatKey.kind(key) != StatKey.WINDOWED_VOTE || key.indexOf('\t', 2) < 0) {
      throw new IllegalArgumentException("not a windowed vote key: " + key);
    }
  }

  /** The first day of a window (UTC). */
  public LocalDate firstDay(long window) {
    return LocalDate.ofEpochDay(window * Math.max(1, days));
  }

  /** The last day of a window (UTC). */
  public LocalDate lastDay(long window) {
    return firstDay(window).plusDays(Math.max(1, days) - 1L);
  }

  /**
   * The newest window of these statistics that is closed — an older one than the newest with votes, which is still
   * open — or -1 when none is (the job has seen one window only). Statistics that are not windowed give -1.
   */
  public static long latestClosed(Map<String, StatValue> stats) {
    TreeSet<Long> windows = new TreeSet<>();
    stats.keySet().forEach(k -> {
      if (StatKey.kind(k) == StatKey.WINDOWED_VOTE) {
        windows.add(windowOf(k));
      }
    });
    Long closed = windows.isEmpty() ? null : windows.lower(windows.last());
    return closed == null ? -1 : closed;
  }

  /** Whether any of these statistics is a windowed vote. */
  public static boolean windowed(Map<String, StatValue> stats) {
    for (String k : stats.keySet()) {
      if (StatKey.kind(k) == StatKey.WINDOWED_VOTE) {
        return true;
      }
    }
    return false;
  }

  /**
   * A digest of a window's votes (SHA-256 of the sorted keys and counts, first 16 hex digits): equal for the same
   * votes, different once an erasure retracted some.
   */
  public static String digest(Map<String, StatValue> votes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, StatValue> e : new TreeMap<>(votes).entrySet()) {
        sha.update((e.getKey() + "\t" + e.getValue().count() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The votes of one window, keyed as plain votes (what file mode mines for a log of that window). */
  public static Map<String, StatValue> votesOf(Map<String, StatValue> stats, long window) {
    Map<String, StatValue> out = new HashMap<>();
    stats.forEach((k, v) -> {
      if (StatKey.kind(k) == StatKey.WINDOWED_VOTE && windowOf(k) == window) {
        out.put(voteKeyOf(k), v);
      }
    });
    return out;
  }
}
