package org.selflearn.rewriter.common.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentileTest {
  private static final long[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void shouldReturnTheSampleAtTheNearestRank() {
    assertThat(Percentile.nearestRank(TEN, 0.5)).isEqualTo(5);
    assertThat(Percentile.nearestRank(TEN, 0.51)).isEqualTo(6);
    assertThat(Percentile.nearestRank(TEN, 0.99)).isEqualTo(10);
  }

  @Test
  void shouldClampToTheSamplesAndAnswerZeroWithoutAny() {
    assertThat(Percentile.nearestRank(TEN, 0.0)).isEqualTo(1);
    assertThat(Percentile.nearestRank(TEN, 1.0)).isEqualTo(10);
    assertThat(Percentile.nearestRank(new long[0], 0.5)).isZero();
  }
}
