package org.selflearn.rewriter.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worlds built from the public corpora under ../shared/data; skipped cleanly when the data is absent. */
class CorpusWorldTest {
  /** The shared data folder, looked for upwards from the working directory, or null. */
  static Path sharedData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Test
  void slurpWithRealConfusionsGivesAUsableWorld() {
    Path data = sharedData();
    assumeTrue(data != null && Files.isRegularFile(data.resolve("slurp/test.jsonl")),
        "../shared/data/slurp is absent: skipped");
    List<WorldRequest> world = CorpusWorld.load("slurp", data,
        data.resolve("slurp/derived_google_asr_entity_diffs.json"), 1);
    assertThat(world).hasSizeGreaterThan(500);
    assertThat(world).anyMatch(w -> !w.confusions().isEmpty());
    for (WorldRequest w : world) {
      assertThat(w.confusions()).doesNotContain(w.intended());
    }
  }

  @Test
  void hwu64AndSnipsLoadWhenPresent() {
    Path data = sharedData();
    assumeTrue(data != null && Files.isDirectory(data.resolve("hwu64")) && Files.isDirectory(data.resolve("snips")),
        "../shared/data/hwu64 or snips is absent: skipped");
    assertThat(CorpusWorld.load("hwu64", data, null, 1)).hasSizeGreaterThan(500);
    assertThat(CorpusWorld.load("snips", data, null, 1)).hasSizeGreaterThan(500);
  }

  @Test
  void anUnknownCorpusIsABadInputNamingTheOption() {
    assertThatThrownBy(() -> CorpusWorld.load("wikipedia", Path.of("."), null, 1))
        .hasMessageContaining("--corpus").hasMessageContaining("slurp, hwu64, snips");
  }
}
