package org.selflearn.rewriter.offline.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selflearn.rewriter.common.codec.EventEncoder;
import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.markov.PairStats;
import org.selflearn.rewriter.markov.StateNames;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.offline.train.TrainJob;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.simulator.BuiltInWorld;
import org.selflearn.rewriter.simulator.LogSimulator;
import org.selflearn.rewriter.simulator.SimulationOptions;
import org.selflearn.rewriter.simulator.WorldRequest;

/**
 * The model does not feed on itself: traffic that a rewriter changed is mined as the rewriter's own outcome
 * ({@code heard => rewritten}), never as if the customer had rephrased the heard request into the rewrite — neither in
 * the mined statistics nor in any customer's personal pairs (which the own-history layer serves from).
 */
class NoSelfFeedingTest {
  @TempDir
  Path dir;

  @Test
  void shouldNeverCountRewrittenTurnsAsCustomersOwnRephrases() throws IOException {
    long seed = 5;
    List<WorldRequest> world = BuiltInWorld.build(seed);
    Map<String, String> oracle = new HashMap<>(); // every listed misrecognition → what was meant
    for (WorldRequest w : world) {
      for (String c : w.confusions()) {
        oracle.putIfAbsent(TextNormalizer.normalize(c), w.intended());
      }
    }
    LogSimulator sim = new LogSimulator(world, new SimulationOptions(300, 3, 1, seed, 0.04,
        Instant.parse("2026-10-01T00:00:00Z")));
    Path logs = dir.resolve("logs.jsonl");
    Set<String> rewrittenHeard = new HashSet<>();
    EventEncoder encoder = new EventEncoder();
    try (BufferedWriter out = Files.newBufferedWriter(logs)) {
      sim.simulateDays(0, 3, h -> {
        String meant = oracle.get(TextNormalizer.normalize(h.utterance()));
        return meant == null ? null : new AppliedRewrite(meant, RewriteSource.PRECOMPUTED, 0.9);
      }, t -> {
        InteractionEvent e = t.event();
        if (e.rewrite() != null) {
          rewrittenHeard.add(TextNormalizer.normalize(e.utterance()));
        }
        try {
          out.write(encoder.encode(e));
          out.newLine();
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
      });
    }
    assertThat(rewrittenHeard).hasSizeGreaterThan(20);

    RewriterConfig config = RewriterConfig.defaults().with(ConfigKeys.EMBEDDER, "NONE")
        .with(ConfigKeys.CALIBRATION_ENABLED, false);
    Path model = dir.resolve("model");
    new TrainJob(config, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), m -> { }).train(logs, model);
    ModelDirectory md = new ModelDirectory(model);
    MinedStats stats = StatsFile.read(md.stats());

    // the rewriter's outcomes are there, under their own states ...
    long rewrittenSuccesses = stats.states().values().stream().filter(s -> StateNames.isRewritten(s.state()))
        .mapToLong(MinedStats.StateRow::successes).sum();
    assertThat(rewrittenSuccesses).isGreaterThan(100);
    // ... and the heard requests they changed never appear as states or rephrase sources of their own
    for (String heard : rewrittenHeard) {
      assertThat(stats.states()).doesNotContainKey(heard);
    }
    for (PairStats p : stats.pairs()) {
      if (!StateNames.isRewritten(p.source())) {
        assertThat(rewrittenHeard).as("plain rephrase source %s", p.source()).doesNotContain(p.source());
      }
    }
    // no customer's personal pairs hold heard -> rewritten from our own rewrites
    Set<String> customers = new HashSet<>();
    for (String line : Files.readAllLines(logs)) {
      int i = line.indexOf("\"customerId\":\"");
      customers.add(line.substring(i + 14, line.indexOf('"', i + 14)));
    }
    long pairsFromRewrites = 0;
    try (PersonalMemory memory = PersonalMemory.open(md.personal())) {
      for (String c : customers) {
        PersonalProfile p = memory.get(c);
        for (String heard : rewrittenHeard) {
          pairsFromRewrites += p.pairCount(heard, TextNormalizer.normalize(oracle.get(heard)));
        }
      }
    }
    assertThat(pairsFromRewrites).as("personal pairs heard -> rewrite made of our own rewrites").isZero();
  }
}
