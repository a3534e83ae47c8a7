package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.index.GlobalEntry;
import org.selflearn.rewriter.online.index.GlobalIndexWriter;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalProfile;

/**
 * The ranked layers on long-tail requests (a small model, no training; its ranker scores a candidate 0.5 plus what
 * the customer's own successes with it add, and every layer serves at 0.4, so what is asserted is retrieval and its
 * gates): a first-time misrecognition of a
 * customer's own request is repaired from their memory even when it sounds unlike it, a request that never succeeded
 * for anyone is repaired from the global index, and neither layer touches what already works.
 */
class LongTailRetrievalTest {
  @TempDir
  static Path dir;
  static Path model;

  @BeforeAll
  static void model() throws IOException {
    model = dir.resolve("m");
    Files.createDirectories(model);
    Files.writeString(model.resolve("model-manifest.json"),
        "{\"formatVersion\": " + ModelDirectory.FORMAT_VERSION + ", \"embedder\": \"NONE\"}");
    ModelDirectory d = new ModelDirectory(model);
    TestModels.publishTable(d.table(), 1);
    try (GlobalIndexWriter w = new GlobalIndexWriter(d.global())) {
      w.add(global("play my rock playlist", 120, true));
      w.add(global("turn off the hallway lights", 150, true));
      w.add(global("will it rain in boston tomorrow", 150, true));
      // said by many, succeeded for some: a request that works as heard for someone is not the global layer's
      w.add(global("play my rap playlist", 9, false));
    }
    try (PersonalMemory m = PersonalMemory.create(d.personal())) {
      m.put("c-oven", new PersonalProfile(List.of(said("please turn on my oven", 3), said("call tom at work", 2),
          said("switch off the flat", 2)),
          List.of()));
      // this customer's own successes contain the word the global candidate would replace
      m.put("c-rep", new PersonalProfile(List.of(said("call my rep at the office", 4)), List.of()));
      // a habit of this customer's that a mishearing of another city must not be pulled into
      m.put("c-habit", new PersonalProfile(List.of(said("will it rain in schenectady tomorrow", 9)), List.of()));
    }
    // a ranker that prefers what the customer said often: without the entity guard, their habit would win
    int n = org.selflearn.rewriter.online.rank.FeatureExtractor.NAMES.size();
    double[] weights = new double[n];
    weights[org.selflearn.rewriter.online.rank.FeatureExtractor.NAMES.indexOf("personalCount")] = 1;
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    new org.selflearn.rewriter.online.rank.LogisticRanker(weights, 0, new double[n], ones, 0.4, java.util.Map.of())
        .save(d.ranker());
  }

  private static GlobalEntry global(String text, long successes, boolean servable) {
    return new GlobalEntry(text, 200, successes, 40, "", servable, new float[0]);
  }

  private static PersonalEntry said(String text, int times) {
    return new PersonalEntry(text, times, 0, 0, "", new byte[0]);
  }

  private static RewriteResult rewrite(String utterance, String customer, RewriterConfig config) {
    try (QueryRewriter r = QueryRewriter.open(model, config.with(ConfigKeys.BUDGET_MS, 5_000.0))) {
      return r.rewrite(RewriteRequest.of(utterance, customer));
    }
  }

  private static RewriteResult rewrite(String utterance, String customer) {
    return rewrite(utterance, customer, RewriterConfig.defaults());
  }

  @Test
  void aFirstTimeMishearingOfTheCustomersOwnRequestIsRepairedFromTheirMemoryThoughItSoundsUnlikeIt() {
    RewriteResult r = rewrite("please turn on my own", "c-oven");
    assertThat(r.rewrite()).isEqualTo("please turn on my oven");
    assertThat(r.source()).isEqualTo(RewriteSource.PERSONAL);
    assertThat(rewrite("switch off the plug", "c-oven").rewrite())
        .as("close in letters, far in sound: admitted by spelling alone").isEqualTo("switch off the flat");
    assertThat(rewrite("please turn on my own", "c-stranger").changed())
        .as("another customer never said it: nothing of theirs to repair it with").isFalse();
  }

  @Test
  void aRequestThatIsAlreadyOneOfTheCustomersSuccessesIsLeftAlone() {
    RewriteResult r = rewrite("call tom at work", "c-oven");
    assertThat(r.changed()).isFalse();
  }

  @Test
  void aRequestThatNeverSucceededIsRepairedFromTheGlobalIndexButOneThatSucceededForSomeoneIsNot() {
    RewriteResult r = rewrite("turn off the hallway light", "c-stranger");
    assertThat(r.rewrite()).isEqualTo("turn off the hallway lights");
    assertThat(r.source()).isEqualTo(RewriteSource.GLOBAL);
    assertThat(rewrite("play my rap playlist", "c-stranger").changed())
        .as("play my rap playlist succeeded for others as said").isFalse();
  }

  @Test
  void aGlobalCandidateNeverReplacesWordsFromTheCustomersOwnSuccesses() {
    assertThat(rewrite("play my rep playlist", "c-stranger").rewrite()).isEqualTo("play my rock playlist");
    RewriteResult mine = rewrite("play my rep playlist", "c-rep");
    assertThat(mine.changed()).as("'rep' is the customer's own word").isFalse();
  }

  @Test
  void theCustomersOwnRequestUnlikeWhatWasHeardLosesToACandidateCloserInSpelling() {
    RewriteResult r = rewrite("will it rain in bostno tomorrow", "c-habit");
    assertThat(r.rewrite()).as("Boston was said, not their usual Schenectady")
        .isEqualTo("will it rain in boston tomorrow");
  }

  @Test
  void theRankedLayersCanBeLeftOutOneByOne() {
    RewriteResult none = rewrite("turn off the hallway light", "c-stranger",
        RewriterConfig.defaults().with(ConfigKeys.RANKED_LAYERS, "NONE"));
    assertThat(none.changed()).isFalse();
    assertThat(none.reason()).isEqualTo("ranked-layers-off");
    RewriteResult personalOnly = rewrite("turn off the hallway light", "c-stranger",
        RewriterConfig.defaults().with(ConfigKeys.RANKED_LAYERS, "PERSONAL"));
    assertThat(personalOnly.changed()).isFalse();
    assertThat(rewrite("please turn on my own", "c-oven",
        RewriterConfig.defaults().with(ConfigKeys.RANKED_LAYERS, "PERSONAL")).source())
        .isEqualTo(RewriteSource.PERSONAL);
  }
}
