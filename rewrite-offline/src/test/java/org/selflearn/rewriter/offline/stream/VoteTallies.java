package org.selflearn.rewriter.offline.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.FileMiner;
import org.selflearn.rewriter.offline.mining.MiningSettings;
import org.selflearn.rewriter.offline.mining.StatValue;

/** What the privacy tests compare: file mode's statistics of some log lines, and vote tallies of statistics. */
final class VoteTallies {
  private VoteTallies() {}

  /** File mode's statistics of {@code logLines} (with privacy on: the bounded votes), via a file under {@code dir}. */
  static Map<String, StatValue> mineFile(RewriterConfig config, Path dir, List<String> logLines) throws IOException {
    Path file = Files.createTempFile(dir, "logs", ".jsonl");
    Files.write(file, logLines, StandardCharsets.UTF_8);
    FileMiner miner = new FileMiner(MiningSettings.from(config));
    miner.mine(file, r -> { });
    return miner.finish();
  }

  /** Vote key → customers who cast it now, without the keys whose every vote was retracted. */
  static Map<String, Long> votes(Map<String, StatValue> stats) {
    Map<String, Long> out = new TreeMap<>();
    stats.forEach((k, v) -> {
      if (v.count() != 0) {
        out.put(k, v.count());
      }
    });
    return out;
  }
}
