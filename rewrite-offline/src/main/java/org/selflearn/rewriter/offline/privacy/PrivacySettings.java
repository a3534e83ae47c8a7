package org.selflearn.rewriter.offline.privacy;

import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * The privacy keys of a configuration, validated together: {@code privacy.epsilon} (0 = off),
 * {@code privacy.delta}, {@code privacy.max-chains-per-request} (L), {@code privacy.max-requests-per-customer} (M)
 * {@code privacy.selection-share} and {@code privacy.window-days}.
 *
 * @param budget the budget of one publish, or null when differential privacy is off
 * @param maxChainsPerRequest L
 * @param maxRequestsPerCustomer M
 * @param windowDays the streaming job's publish window in days, 0 for everything since its state began
 */
public record PrivacySettings(PrivacyBudget budget, int maxChainsPerRequest, int maxRequestsPerCustomer,
    int windowDays) {
  /** Settings with a single window (file mode, and the streaming job by default). */
  public PrivacySettings(PrivacyBudget budget, int maxChainsPerRequest, int maxRequestsPerCustomer) {
    this(budget, maxChainsPerRequest, maxRequestsPerCustomer, 0);
  }

  /** Reads and cross-checks the privacy keys; a bad combination is a {@link ConfigException} naming the key. */
  public static PrivacySettings from(RewriterConfig config) {
    double epsilon = config.get(ConfigKeys.PRIVACY_EPSILON);
    double delta = config.get(ConfigKeys.PRIVACY_DELTA);
    int l = config.get(ConfigKeys.PRIVACY_MAX_CHAINS_PER_REQUEST);
    int m = config.get(ConfigKeys.PRIVACY_MAX_REQUESTS_PER_CUSTOMER);
    double share = config.get(ConfigKeys.PRIVACY_SELECTION_SHARE);
    int windowDays = config.get(ConfigKeys.PRIVACY_WINDOW_DAYS);
    if (epsilon == 0) {
      return new PrivacySettings(null, l, m, windowDays);
    }
    if (epsilon < 1.0 / DiscreteLaplace.EPSILON_RESOLUTION) {
      throw new ConfigException(ConfigKeys.PRIVACY_EPSILON.name(), epsilon + " is too small: use 0 (off) or a value"
          + " of at least 1e-6");
    }
    return new PrivacySettings(new PrivacyBudget(epsilon, delta, share), l, m, windowDays);
  }

  /** Whether differential privacy is on. */
  public boolean enabled() {
    return budget != null;
  }

  /** The bounding these settings ask for, with the given hash key. */
  public ContributionBounder bounder(long key) {
    return new ContributionBounder(maxChainsPerRequest, maxRequestsPerCustomer, key);
  }
}
