package org.selflearn.rewriter.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.online.index.PersonalEntry;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalPair;
import org.selflearn.rewriter.online.index.PersonalProfile;

/** The own-history rules on the request path, before and beside the table (a small model, no training). */
class OwnHistoryTest {
  @TempDir
  static Path dir;
  static Path model;

  @BeforeAll
  static void model() {
    model = TestModels.write(dir.resolve("m"));
    try (PersonalMemory m = PersonalMemory.open(new ModelDirectory(model).personal())) {
      // says the table's source and it works for them: 5 successes as said, never rephrased
      m.put("c-2", new PersonalProfile(List.of(said("play maj and dragons", 5)), List.of()));
      // usually succeeds as said, sometimes barges in and says something else three times
      m.put("c-3", new PersonalProfile(List.of(said("hello wrld", 6)),
          List.of(new PersonalPair("hello wrld", "hello there", 3))));
    }
  }

  private static PersonalEntry said(String text, int times) {
    return new PersonalEntry(text, times, 0, 0, "", new byte[0]);
  }

  private static RewriteResult rewrite(String utterance, String customer) {
    try (QueryRewriter r = QueryRewriter.open(model, RewriterConfig.defaults())) {
      return r.rewrite(RewriteRequest.of(utterance, customer));
    }
  }

  @Test
  void aCustomersOwnChainsRewriteForThemAndTheTableServesEveryoneElse() {
    RewriteResult own = rewrite("whats the weather in wilkerson", "c-1");
    assertThat(own.rewrite()).isEqualTo("whats the weather in wilkerson california");
    assertThat(own.source()).isEqualTo(RewriteSource.PERSONAL);
    assertThat(own.reason()).isEqualTo("own-history");
    RewriteResult table = rewrite("play maj and dragons", "c-9");
    assertThat(table.rewrite()).isEqualTo("play imagine dragons");
    assertThat(table.source()).isEqualTo(RewriteSource.PRECOMPUTED);
  }

  @Test
  void aRequestThatWorksForTheCustomerAsSaidIsNeitherRewrittenByTheTableNorByTheirRareRephrases() {
    RewriteResult mine = rewrite("play maj and dragons", "c-2");
    assertThat(mine.changed()).isFalse();
    assertThat(mine.reason()).isEqualTo("own-success");
    RewriteResult rare = rewrite("hello wrld", "c-3");
    assertThat(rare.changed()).as("six successes as said outweigh three rephrases").isFalse();
    assertThat(rare.reason()).isEqualTo("own-success");
  }
}
