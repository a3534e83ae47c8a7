package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.mining.StatValue;

class ContributionBufferTest {
  private static StatValue one(String customer, boolean ok) {
    CustomerSketch who = CustomerSketch.of(customer);
    return new StatValue(1, ok ? 1 : 0, 0, who, ok ? who : CustomerSketch.EMPTY);
  }

  @Test
  void shouldForwardOneMergedRecordPerKeyWithTheLatestTimestamp() {
    ContributionBuffer b = new ContributionBuffer(10);
    b.stat("S\tplay jazz", one("c-1", true), 1_000);
    b.stat("S\tplay jazz", one("c-2", false), 3_000);
    b.stat("S\tplay jazz", one("c-1", true), 2_000);
    b.fact("D\tplay jazz", new LatestValue(5_000, "Music|Play"), 5_000);
    b.fact("D\tplay jazz", new LatestValue(4_000, "Music|Other"), 4_000);
    assertThat(b.latestMs()).isEqualTo(5_000);
    Map<String, MiningOutput> out = new HashMap<>();
    b.drain((k, v) -> assertThat(out.put(k, v)).as("one record per key").isNull());
    StatValue jazz = out.get("S\tplay jazz").stat();
    assertThat(jazz).isEqualTo(one("c-1", true).merge(one("c-2", false)).merge(one("c-1", true)));
    assertThat(jazz.count()).isEqualTo(3);
    assertThat(jazz.customers().count()).isEqualTo(2);
    assertThat(out.get("D\tplay jazz").fact()).isEqualTo(new LatestValue(5_000, "Music|Play"));
    assertThat(b.isEmpty()).isTrue();
  }

  @Test
  void shouldSayWhenFullAndForgetOnClear() {
    ContributionBuffer b = new ContributionBuffer(2);
    b.stat("S\ta", one("c-1", true), 1);
    b.stat("S\ta", one("c-2", true), 1);
    assertThat(b.full()).as("one key").isFalse();
    b.fact("D\ta", new LatestValue(1, "x"), 1);
    assertThat(b.full()).isTrue();
    b.clear();
    assertThat(b.isEmpty()).isTrue();
    assertThat(b.full()).isFalse();
  }

  @Test
  void shouldRefuseANonPositiveLimit() {
    assertThatThrownBy(() -> new ContributionBuffer(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxKeys");
  }
}
