package org.selflearn.rewriter.offline.replay;

import java.nio.file.Path;
import java.util.Map;
import org.selflearn.rewriter.common.text.Fnv1a;

/**
 * The dev world's naive absorbing-chain lookup ({@link LogBaselines}), alone or with its two rules: a customer's own
 * chains first (source {@code PERSONAL}), then the dominant global rewrite (source {@code GLOBAL}).
 */
public final class NaiveChainBaseline implements RewriteStrategy {
  private final String name;
  private final Map<String, String> global;
  private final Map<String, String> own;

  private NaiveChainBaseline(String name, Map<String, String> global, Map<String, String> own) {
    this.name = name;
    this.global = global;
    this.own = own;
  }

  /** The naive lookup: no gates, no personal rule. */
  public static NaiveChainBaseline naive(Path dir) {
    return new NaiveChainBaseline("naiveChain", LogBaselines.read(dir, LogBaselines.NAIVE_FILE,
        LogBaselines.NAIVE_HEADER), Map.of());
  }

  /** The naive lookup with the own-chains override and the dominance gate. */
  public static NaiveChainBaseline withRules(Path dir) {
    return new NaiveChainBaseline("naiveChainWithRules", LogBaselines.read(dir, LogBaselines.DOMINANT_FILE,
        LogBaselines.NAIVE_HEADER), LogBaselines.read(dir, LogBaselines.OWN_FILE, LogBaselines.OWN_HEADER));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Decision decide(ReplayTurn t) {
    String id = t.event().eventId();
    String mine = own.isEmpty() ? null
        : own.get(LogBaselines.ownKey(Fnv1a.hash64(t.event().customerId()), t.heard()));
    if (mine != null) {
      return new Decision(id, mine, "PERSONAL", null, 0);
    }
    String r = global.get(t.heard());
    return new Decision(id, r, r == null ? null : (own.isEmpty() ? "NAIVE_CHAIN" : "GLOBAL"), null, 0);
  }
}
