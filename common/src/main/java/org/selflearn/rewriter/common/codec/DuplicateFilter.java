package org.selflearn.rewriter.common.codec;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * Remembers the most recent {@code horizon} event ids so that a redelivered event is counted once. Memory is bounded
 * by the horizon; a duplicate that arrives after more than {@code horizon} other events is not detected.
 */
public final class DuplicateFilter {
  /** Default horizon: 2 million ids (about 200 MB at worst). */
  public static final int DEFAULT_HORIZON = 2_000_000;

  private final int horizon;
  private final LinkedHashSet<String> recent = new LinkedHashSet<>();

  public DuplicateFilter(int horizon) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    }
    this.horizon = horizon;
  }

  /** True the first time an id is seen within the horizon, false for a duplicate. */
  public boolean firstTime(String eventId) {
    if (!recent.add(eventId)) {
      return false;
    }
    if (recent.size() > horizon) {
      Iterator<String> oldest = recent.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }
}
