package org.selflearn.rewriter.offline.mining;

import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.privacy.PrivacySettings;

/**
 * The mining thresholds, read once from the configuration.
 *
 * @param sessionGapMs inactivity gap that ends a session
 * @param rephraseWindowMs a rephrase must start within this time of the previous turn
 * @param minSimilarity combined similarity threshold of the rephrase rule
 * @param graceMs out-of-order tolerance
 * @param engagementThresholdMs engagement that marks success
 * @param interpretationState states are interpretations rather than utterances
 * @param privacy the privacy settings: when differential privacy is on, file mode mines bounded
 *     {@link RequestVotes} instead of statistics
 */
public record MiningSettings(long sessionGapMs, long rephraseWindowMs, double minSimilarity, long graceMs,
    long engagementThresholdMs, boolean interpretationState, PrivacySettings privacy) {

  public static MiningSettings from(RewriterConfig c) {
    return new MiningSettings(c.get(ConfigKeys.SESSION_GAP_SECONDS) * 1000L,
        c.get(ConfigKeys.REPHRASE_WINDOW_SECONDS) * 1000L, c.get(ConfigKeys.REPHRASE_MIN_SIMILARITY),
        c.get(ConfigKeys.GRACE_SECONDS) * 1000L, c.get(ConfigKeys.ENGAGEMENT_THRESHOLD_MS),
        "INTERPRETATION".equals(c.get(ConfigKeys.STATE_KEY)), PrivacySettings.from(c));
  }
}
