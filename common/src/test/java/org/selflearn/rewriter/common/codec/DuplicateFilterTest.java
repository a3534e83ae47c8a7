package org.selflearn.rewriter.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {
  @Test
  void shouldAgreeWithAnExactSetOfTheMostRecentIds() {
    Random random = new Random(11);
    for (int horizon : new int[] {1, 2, 3, 17, 1000, 5000}) {
      DuplicateFilter filter = new DuplicateFilter(horizon);
      LinkedHashSet<String> recent = new LinkedHashSet<>();
      int duplicates = 0;
      for (int i = 0; i < 40_000; i++) {
        String id = "e-" + random.nextInt(horizon * 3 + 5);
        boolean expected = recent.add(id);
        if (expected && recent.size() > horizon) {
          Iterator<String> oldest = recent.iterator();
          oldest.next();
          oldest.remove();
        }
        duplicates += expected ? 0 : 1;
        assertThat(filter.firstTime(id)).as("horizon %d, step %d, id %s", horizon, i, id).isEqualTo(expected);
      }
      assertThat(duplicates).as("the test exercises duplicates").isGreaterThan(1000);
    }
  }

  @Test
  void shouldRefuseAnEmptyHorizon() {
    assertThatThrownBy(() -> new DuplicateFilter(0)).hasMessageContaining("horizon");
  }
}
