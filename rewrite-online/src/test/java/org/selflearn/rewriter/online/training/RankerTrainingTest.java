package org.selflearn.rewriter.online.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.OnlineSettings;
import org.selflearn.rewriter.online.embed.Embedder;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.GlobalIndexWriter;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalPair;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.index.WordingClasses;
import org.selflearn.rewriter.online.rank.FeatureExtractor;
import org.selflearn.rewriter.online.rank.LogisticRanker;

class RankerTrainingTest {
  private static final RankerTraining TRAINING = new RankerTraining(OnlineSettings.from(RewriterConfig.defaults()),
      0.8, 17);

  @TempDir
  Path root;

  @Test
  void shouldLearnOnlyFromRequestsThatServingWouldRankAndSaveTheRanker() throws IOException {
    ModelDirectory dir = model(1);
    List<RankerExample> examples = List.of(
        example("c-2", "play magine dragons", "play imagine dragons", false),
        example("c-3", "play magine dragons", "play imagine dragons", true),
        example("c-4", "play imagine dragons", null, false), // usually succeeds as said: left alone, though
        // "play imagine dragon" is close
        example("c-5", "xyzzy plugh", null, false)); // nothing close in spelling or sound: no candidate
    Map<String, Object> report = new LinkedHashMap<>();

    RankerTraining.TrainedRanker trained = train(examples, dir, report);

    assertThat(report).containsEntry("examples", 4).containsEntry("groups", 2)
        .containsEntry("groupsWithTargetRetrieved", 2L);
    LogisticRanker saved = LogisticRanker.load(dir.ranker());
    assertThat(saved.threshold()).isEqualTo(trained.threshold());
    assertThat(trained.weights()).containsOnlyKeys(FeatureExtractor.NAMES).isEqualTo(saved.weightsByName());
  }

  @Test
  void shouldLeaveTheExampleItselfOutOfTheCustomersOwnHistory() throws IOException {
    // the customer said the target once: that was this very example, so serving would not have known it
    Map<String, Object> once = new LinkedHashMap<>();
    train(List.of(example("c-1", "call mom mobil", "call mom mobile", false)), model(1), once);
    assertThat(once).containsEntry("groups", 0);

    Map<String, Object> twice = new LinkedHashMap<>();
    train(List.of(example("c-1", "call mom mobil", "call mom mobile", false)), model(2), twice);
    assertThat(twice).containsEntry("groups", 1).containsEntry("groupsWithTargetRetrieved", 1L);
  }

  @Test
  void shouldRejectATargetPrecisionOutsideTheUnitInterval() {
    OnlineSettings s = OnlineSettings.from(RewriterConfig.defaults());
    assertThatThrownBy(() -> new RankerTraining(s, 0, 1)).hasMessageContaining("targetPrecision");
    assertThatThrownBy(() -> new RankerTraining(s, 1.5, 1)).hasMessageContaining("1.5");
  }

  private static RankerTraining.TrainedRanker train(List<RankerExample> examples, ModelDirectory dir,
      Map<String, Object> report) {
    return TRAINING.train(examples, dir, Embedder.NONE, WordingClasses.NONE, String::equals, report);
  }

  private static RankerExample example(String customer, String source, String target, boolean heldOut) {
    return new RankerExample(customer, 0, 1_000L, "", source, target, heldOut);
  }

  /** A model directory: four global requests, and customer c-1 who said "call mom mobile" {@code ownCount} times. */
  private ModelDirectory model(int ownCount) throws IOException {
    ModelDirectory dir = new ModelDirectory(Files.createDirectories(root.resolve("model-" + ownCount)));
    try (GlobalIndexWriter w = new GlobalIndexWriter(dir.global())) {
      for (String t : List.of("play imagine dragons", "play imagine dragon", "turn off the hallway lights",
          "order more gnocchi")) {
        w.add(new GlobalEntry(t, 200, 150, 60, "Test|Test", true, new float[0]));
      }
    }
    try (PersonalMemory m = PersonalMemory.create(dir.personal())) {
      m.put("c-1", new PersonalProfile(List.of(new PersonalEntry("call mom mobile", ownCount, 1000L, 0,
          "Communication|Call", new byte[0])), List.of(new PersonalPair("call mom mobil", "call mom mobile", 1))));
    }
    return dir;
  }
}
