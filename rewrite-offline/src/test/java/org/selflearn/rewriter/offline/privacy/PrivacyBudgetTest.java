package org.selflearn.rewriter.offline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrivacyBudgetTest {
  @Test
  void splitsEpsilonBetweenSelectionAndCountsAndGivesSelectionAllOfDelta() {
    PrivacyBudget b = PrivacyBudget.of(1.0, 1e-6);
    assertThat(b.selectionEpsilon()).isEqualTo(0.5);
    assertThat(b.countEpsilon()).isEqualTo(0.5);
    assertThat(b.countEpsilonEach(5)).isCloseTo(0.1, within(1e-15));
    assertThat(b.selectionDelta()).isEqualTo(1e-6);
    PrivacyBudget skewed = new PrivacyBudget(2.0, 1e-7, 0.25);
    assertThat(skewed.selectionEpsilon() + skewed.countEpsilon()).isEqualTo(2.0);
    assertThat(skewed.selectionEpsilon()).isEqualTo(0.5);
  }

  @Test
  void basicCompositionAddsEpsilonAndDeltaOverPublishes() {
    PrivacyBudget.Guarantee g = PrivacyBudget.of(1.0, 1e-6).afterPublishes(10);
    assertThat(g.epsilon()).isEqualTo(10.0);
    assertThat(g.delta()).isCloseTo(1e-5, within(1e-18));
    assertThat(g.rule()).contains("basic composition");
    assertThat(PrivacyBudget.of(0.5, 1e-6).afterPublishes(1).epsilon()).isEqualTo(0.5);
  }

  @Test
  void advancedCompositionFollowsDworkRothblumVadhan() {
    // ε' = 0.1·√(200·ln(1e6)) + 100·0.1·(e^0.1 − 1) = 6.30823..., δ'' = 100·1e-7 + 1e-6
    PrivacyBudget.Guarantee g = PrivacyBudget.of(0.1, 1e-7).advancedAfterPublishes(100, 1e-6);
    assertThat(g.epsilon()).isCloseTo(6.308230950513408, within(1e-9));
    assertThat(g.delta()).isCloseTo(1.1e-5, within(1e-15));
    assertThat(g.rule()).contains("Dwork, Rothblum and Vadhan");
    assertThat(g.epsilon()).isLessThan(PrivacyBudget.of(0.1, 1e-7).afterPublishes(100).epsilon());
    // for few publishes at a large ε it is worse than basic composition: both are valid, report the smaller
    assertThat(PrivacyBudget.of(1.0, 1e-7).advancedAfterPublishes(4, 1e-6).epsilon()).isGreaterThan(4.0);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> PrivacyBudget.of(0, 1e-6)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> PrivacyBudget.of(Double.POSITIVE_INFINITY, 1e-6)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> PrivacyBudget.of(1, 0)).hasMessageContaining("delta");
    assertThatThrownBy(() -> new PrivacyBudget(1, 1e-6, 1)).hasMessageContaining("selectionShare");
    assertThatThrownBy(() -> PrivacyBudget.of(1, 1e-6).afterPublishes(0)).hasMessageContaining("publishes");
    assertThatThrownBy(() -> PrivacyBudget.of(1, 1e-6).advancedAfterPublishes(3, 0)).hasMessageContaining("slack");
  }
}
