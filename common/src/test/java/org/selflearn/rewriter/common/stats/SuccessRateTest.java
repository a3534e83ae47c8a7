package org.selflearn.rewriter.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SuccessRateTest {
  @Test
  void shouldSmoothWithOneSuccessAndOneFailureOfPrior() {
    assertThat(SuccessRate.smoothed(0, 0)).isEqualTo(0.5);
    assertThat(SuccessRate.smoothed(0, 1)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(SuccessRate.smoothed(7, 10)).isCloseTo(8.0 / 12, within(1e-12));
  }

  @Test
  void shouldDrawTheUsuallySucceedsLineAtTheDefault() {
    assertThat(SuccessRate.usuallySucceeds(1, 1)).isTrue(); // 2/3
    assertThat(SuccessRate.usuallySucceeds(2, 3)).isTrue(); // 3/5 = 0.6 exactly
    assertThat(SuccessRate.usuallySucceeds(5, 9)).isFalse(); // 6/11
  }
}
