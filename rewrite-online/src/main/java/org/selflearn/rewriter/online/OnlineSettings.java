package org.selflearn.rewriter.online;

import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * The online thresholds, read once from the configuration.
 *
 * @param budgetMillis latency budget of one rewrite
 * @param candidates candidates per retrieval source
 * @param precomputed consult the table
 * @param global consult the global index
 * @param personal consult the personal memory
 * @param reloadSeconds how often to look for a newly published table (0: never)
 * @param usuallySucceeds success rate above which a known request is left alone
 * @param minOwnChains own chains to one successful request before a customer's history rewrites for them
 * @param minOwnShare share of the customer's successful chains from the request that those must be
 * @param maxUtteranceChars longest request looked at; a longer one is returned unchanged ({@code too-long})
 * @param rankedPersonal whether the ranked personal layer may serve (when the model's calibration lets it)
 * @param rankedGlobal whether the ranked global layer may serve (when the model's calibration lets it)
 */
public record OnlineSettings(double budgetMillis, int candidates, boolean precomputed, boolean global,
    boolean personal, int reloadSeconds, double usuallySucceeds, int minOwnChains, double minOwnShare,
    int maxUtteranceChars, boolean rankedPersonal, boolean rankedGlobal) {

  public static OnlineSettings from(RewriterConfig c) {
    return new OnlineSettings(c.get(ConfigKeys.BUDGET_MS), c.get(ConfigKeys.CANDIDATES),
        c.get(ConfigKeys.PRECOMPUTED_ENABLED), c.get(ConfigKeys.GLOBAL_ENABLED), c.get(ConfigKeys.PERSONAL_ENABLED),
        c.get(ConfigKeys.RELOAD_SECONDS), c.get(ConfigKeys.USUALLY_SUCCEEDS),
        c.get(ConfigKeys.PERSONAL_MIN_OWN_CHAINS), c.get(ConfigKeys.PERSONAL_MIN_OWN_SHARE),
        c.get(ConfigKeys.MAX_UTTERANCE_CHARS), c.get(ConfigKeys.RANKED_LAYERS).contains("PERSONAL"),
        c.get(ConfigKeys.RANKED_LAYERS).contains("GLOBAL"));
  }
}
