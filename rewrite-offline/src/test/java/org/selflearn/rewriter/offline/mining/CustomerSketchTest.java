package org.selflearn.rewriter.offline.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CustomerSketchTest {
  @Test
  void shouldCountDistinctCustomersExactlyUpToTheCap() {
    CustomerSketch s = CustomerSketch.EMPTY;
    for (int i = 0; i < 10; i++) {
      s = s.merge(CustomerSketch.of("c-" + (i % 4)));
    }
    assertThat(s.count()).isEqualTo(4);
    for (int i = 0; i < 500; i++) {
      s = s.merge(CustomerSketch.of("c-" + i));
    }
    assertThat(s.count()).isEqualTo(CustomerSketch.CAP);
  }

  @Test
  void shouldGiveTheSameSketchInAnyMergeOrderAndGrouping() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      List<CustomerSketch> singles = new ArrayList<>();
      TreeSet<Long> all = new TreeSet<>();
      int n = 1 + random.nextInt(150);
      for (int i = 0; i < n; i++) {
        String id = "c-" + random.nextInt(120);
        singles.add(CustomerSketch.of(id));
        all.add(CustomerSketch.hash(id));
      }
      CustomerSketch oneByOne = CustomerSketch.EMPTY;
      for (CustomerSketch s : singles) {
        oneByOne = oneByOne.merge(s);
      }
      Collections.shuffle(singles, random);
      int cut = random.nextInt(singles.size() + 1);
      CustomerSketch left = CustomerSketch.EMPTY;
      CustomerSketch right = CustomerSketch.EMPTY;
      for (int i = 0; i < singles.size(); i++) {
        if (i < cut) {
          left = singles.get(i).merge(left);
        } else {
          right = right.merge(singles.get(i));
        }
      }
      long[] expected = all.stream().limit(CustomerSketch.CAP).mapToLong(Long::longValue).toArray();
      assertThat(oneByOne.hashes()).containsExactly(expected);
      assertThat(left.merge(right)).isEqualTo(oneByOne);
      assertThat(right.merge(left)).isEqualTo(oneByOne);
    }
  }

  @Test
  void anAnonymousSketchCountsAReleasedNumberOfCustomersAndSaturatesLikeAnyOther() {
    assertThat(CustomerSketch.anonymous(0)).isSameAs(CustomerSketch.EMPTY);
    assertThat(CustomerSketch.anonymous(17).count()).isEqualTo(17);
    assertThat(CustomerSketch.anonymous(10_000).count()).isEqualTo(CustomerSketch.CAP);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CustomerSketch.anonymous(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
