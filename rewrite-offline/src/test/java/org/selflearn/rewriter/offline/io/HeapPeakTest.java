package org.selflearn.rewriter.offline.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapPeakTest {
  @Test
  void shouldCountTheEndOfACollection() {
    assertThat(HeapPeak.collects("end of minor GC")).isTrue(); // G1 young and mixed
    assertThat(HeapPeak.collects("end of major GC")).isTrue(); // full
    assertThat(HeapPeak.collects("end of GC cycle")).isTrue(); // ZGC, Shenandoah
  }

  @Test
  void shouldNotCountAPauseInsideAConcurrentCycle() {
    assertThat(HeapPeak.collects("end of concurrent GC pause")).isFalse(); // G1 Remark, Cleanup
    assertThat(HeapPeak.collects("end of GC pause")).isFalse(); // ZGC, Shenandoah pauses
    assertThat(HeapPeak.collects(null)).isFalse();
  }
}
