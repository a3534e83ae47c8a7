package org.selflearn.rewriter.offline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.ConfigLoader;
import org.selflearn.rewriter.config.RewriterConfig;

class PrivacySettingsTest {
  private static PrivacySettings load(Map<String, String> env) {
    return PrivacySettings.from(ConfigLoader.load(null, env));
  }

  @Test
  void isOffByDefault() {
    PrivacySettings s = PrivacySettings.from(RewriterConfig.defaults());
    assertThat(s.enabled()).isFalse();
    assertThat(s.budget()).isNull();
    assertThat(s.maxChainsPerRequest()).isEqualTo(3);
    assertThat(s.maxRequestsPerCustomer()).isEqualTo(1);
  }

  @Test
  void readsTheKeysFromTheEnvironment() {
    PrivacySettings s = load(Map.of("REWRITER_PRIVACY_EPSILON", "1", "REWRITER_PRIVACY_DELTA", "1e-8",
        "REWRITER_PRIVACY_MAX_CHAINS_PER_REQUEST", "2", "REWRITER_PRIVACY_MAX_REQUESTS_PER_CUSTOMER", "7"));
    assertThat(s.enabled()).isTrue();
    assertThat(s.budget()).isEqualTo(new PrivacyBudget(1.0, 1e-8, 0.8));
    assertThat(s.bounder(0).chainsBySource()).isEqualTo(new Sensitivity(7, 2));
    assertThat(ConfigKeys.PRIVACY_EPSILON.envName()).isEqualTo("REWRITER_PRIVACY_EPSILON");
    assertThat(ConfigKeys.PRIVACY_MAX_REQUESTS_PER_CUSTOMER.envName())
        .isEqualTo("REWRITER_PRIVACY_MAX_REQUESTS_PER_CUSTOMER");
  }

  @Test
  void rejectsANegativeEpsilon() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_EPSILON", "-1"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("privacy.epsilon");
  }

  @Test
  void rejectsAnEpsilonTooSmallToSample() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_EPSILON", "1e-9"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("privacy.epsilon").hasMessageContaining("0 (off)");
  }

  @Test
  void rejectsAnEpsilonThatIsNotANumber() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_EPSILON", "high"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("privacy.epsilon");
  }

  @Test
  void rejectsAZeroDelta() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_EPSILON", "1", "REWRITER_PRIVACY_DELTA", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.delta");
  }

  @Test
  void rejectsALargeDelta() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_DELTA", "0.5"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("privacy.delta");
  }

  @Test
  void readsTheShareOfEpsilonSpentOnSelection() {
    PrivacySettings s = load(Map.of("REWRITER_PRIVACY_EPSILON", "2", "REWRITER_PRIVACY_SELECTION_SHARE", "0.8"));
    assertThat(s.budget().selectionEpsilon()).isEqualTo(1.6);
    assertThat(s.budget().countEpsilon()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(PrivacySettings.from(RewriterConfig.defaults()).enabled()).isFalse();
  }

  @Test
  void rejectsASelectionShareOfZero() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_SELECTION_SHARE", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.selection-share");
  }

  @Test
  void rejectsASelectionShareOfOne() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_SELECTION_SHARE", "1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.selection-share");
  }

  @Test
  void rejectsASelectionShareThatIsNotANumber() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_SELECTION_SHARE", "half")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.selection-share");
  }

  @Test
  void rejectsZeroChainsPerRequest() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_MAX_CHAINS_PER_REQUEST", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.max-chains-per-request");
  }

  @Test
  void rejectsZeroRequestsPerCustomer() {
    assertThatThrownBy(() -> load(Map.of("REWRITER_PRIVACY_MAX_REQUESTS_PER_CUSTOMER", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("privacy.max-requests-per-customer");
  }
}
