package org.selflearn.rewriter.offline.train;

import org.selflearn.rewriter.offline.mining.LatestValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.mining.Turn;

/** The pieces that let file mode and the streaming job keep the same model inputs whatever the arrival order. */
class ModelInputsTest {
  private static Turn turn(String customer, long t, String text, boolean failed) {
    return new Turn("e" + t, t, customer, "d", DeviceType.SPEAKER, text, text, "Home|Lights", "", failed, false,
        Feedback.NONE, 0);
  }

  /** One session: {@code bad} failed and was rephrased into {@code good}, which succeeded. */
  private static MinedSession repaired(String customer, long t, String bad, String good) {
    return new MinedSession(List.of(turn(customer, t, bad, true), turn(customer, t + 5_000, good, false)),
        new boolean[] {true, false}, new boolean[] {true, false}, List.of(new int[] {0, 1}));
  }

  private static MinedSession success(String customer, long t, String text) {
    return new MinedSession(List.of(turn(customer, t, text, false)), new boolean[] {false}, new boolean[] {false},
        List.<int[]>of(new int[] {0, 0}));
  }

  @Test
  void aSampleKeepsTheSmallestKeysWhateverTheOrderAndTheSampleOfSamplesIsTheSample() {
    List<TrainingExample> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      all.add(new TrainingExample("c" + (i % 37), 0, 1_000L * i, "", "request " + i, i % 2 == 0 ? "fix " + i : null));
    }
    List<TrainingExample> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(3));
    List<TrainingExample> inOrder = new ExampleSample(50).addAll(all).items();
    assertThat(new ExampleSample(50).addAll(shuffled).items()).hasSize(50).isEqualTo(inOrder);
    ExampleSample left = new ExampleSample(50).addAll(all.subList(0, 200));
    ExampleSample right = new ExampleSample(50).addAll(all.subList(200, 500));
    List<TrainingExample> union = new ArrayList<>(left.items());
    union.addAll(right.items());
    assertThat(new ExampleSample(50).addAll(union).items()).isEqualTo(inOrder);
    long largestKept = inOrder.get(49).sampleKey();
    assertThat(all).filteredOn(e -> !inOrder.contains(e))
        .allMatch(e -> Long.compareUnsigned(e.sampleKey(), largestKept) > 0);
  }

  @Test
  void anOfferIntoAFullSampleEvictsTheLargestKeyAndErasureRemovesACustomersExamples() {
    ExampleSample s = new ExampleSample(2);
    TrainingExample a = new TrainingExample("a", 0, 1, "", "x", null);
    TrainingExample b = new TrainingExample("b", 0, 2, "", "y", null);
    TrainingExample c = new TrainingExample("a", 0, 3, "", "z", null);
    s.offer(a);
    s.offer(b);
    List<TrainingExample> sorted = new ArrayList<>(List.of(a, b, c));
    sorted.sort((x, y) -> Long.compareUnsigned(x.sampleKey(), y.sampleKey()));
    ExampleSample.Offer o = s.offer(c);
    assertThat(s.items()).containsExactly(sorted.get(0), sorted.get(1));
    assertThat(o.kept()).isEqualTo(sorted.get(2) != c);
    assertThat(o.evicted()).isEqualTo(sorted.get(2) != c ? sorted.get(2) : null);
    s.removeCustomer("a");
    assertThat(s.items()).allMatch(e -> e.customerId().equals("b"));
    assertThatThrownBy(() -> new ExampleSample(0)).hasMessageContaining("capacity");
  }

  @Test
  void aTrainingExampleSurvivesItsBinaryForm() {
    TrainingExample p = new TrainingExample("c-1", 2, 123_456L, "Music", "play maj and dragons", "play the band");
    TrainingExample n = new TrainingExample("c-2", 0, 7L, "", "lights on", null);
    assertThat(TrainingExample.fromBytes(p.toBytes())).isEqualTo(p);
    assertThat(TrainingExample.fromBytes(n.toBytes())).isEqualTo(n);
    assertThat(p.sampleKey()).isNotEqualTo(new TrainingExample("c-1", 2, 123_457L, "Music", "play maj and dragons",
        "play the band").sampleKey());
  }

  @Test
  void theLatestValueWinsInAnyMergeOrder() {
    LatestValue early = new LatestValue(10, "Music|Play");
    LatestValue late = new LatestValue(20, "Home|Lights");
    LatestValue tie = new LatestValue(20, "Weather|Ask");
    assertThat(early.merge(late)).isEqualTo(late);
    assertThat(late.merge(early)).isEqualTo(late);
    assertThat(late.merge(tie)).isEqualTo(tie.merge(late)).isEqualTo(tie);
    assertThat(LatestValue.fromBytes(late.toBytes())).isEqualTo(late);
  }

  @Test
  void aCustomerMemoryCountsSuccessesAndOwnRephrasesAndIsTheSameInAnyOrderWithinItsBound() {
    CustomerMemory forward = new CustomerMemory();
    CustomerMemory backward = new CustomerMemory();
    List<MinedSession> sessions = List.of(repaired("c", 1_000, "turn of the lights", "turn off the lights"),
        repaired("c", 90_000, "turn of the lights", "turn off the lights"), success("c", 200_000, "lights on"),
        success("c", 300_000, "turn off the lights"));
    sessions.forEach(s -> forward.accept(s, 10));
    for (int i = sessions.size() - 1; i >= 0; i--) {
      backward.accept(sessions.get(i), 10);
    }
    assertThat(forward.toBytes()).isEqualTo(backward.toBytes());
    assertThat(forward.entries().get("turn off the lights").count).isEqualTo(3);
    assertThat(forward.entries().get("turn off the lights").lastMillis).isEqualTo(300_000);
    assertThat(forward.pairs()).containsExactly(java.util.Map.entry("turn of the lights\tturn off the lights", 2));
    assertThat(forward.topRequest()).isEqualTo("turn off the lights");
    assertThat(CustomerMemory.fromBytes(forward.toBytes()).toBytes()).isEqualTo(forward.toBytes());

    CustomerMemory bounded = new CustomerMemory();
    sessions.forEach(s -> bounded.accept(s, 1));
    assertThat(bounded.entries()).containsOnlyKeys("turn off the lights"); // the least used request left
    assertThat(bounded.pairs()).hasSize(1);
  }

  @Test
  void rankerExamplesArePositivesFromRepairedChainsAndNegativesFromRequestsThatSucceededAsSaid() {
    List<TrainingExample> out = new ArrayList<>();
    RankerExamples.of(repaired("c", 1_000, "turn of the lights", "turn off the lights"), out::add);
    RankerExamples.of(success("c", 5_000, "lights on"), out::add);
    assertThat(out).extracting(TrainingExample::source, TrainingExample::target).containsExactly(
        org.assertj.core.groups.Tuple.tuple("turn of the lights", "turn off the lights"),
        org.assertj.core.groups.Tuple.tuple("lights on", null));
  }
}
