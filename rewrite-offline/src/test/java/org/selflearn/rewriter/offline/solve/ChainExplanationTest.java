package org.selflearn.rewriter.offline.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.CustomerSketch;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatKey;
import org.selflearn.rewriter.offline.mining.StatValue;

class ChainExplanationTest {
  @Test
  void explainsTheChainAroundARequestAsTextDotAndSvg() {
    CustomerSketch many = CustomerSketch.EMPTY;
    for (int i = 0; i < 12; i++) {
      many = many.merge(CustomerSketch.of("c" + i));
    }
    Map<String, StatValue> raw = new HashMap<>();
    raw.put(StatKey.state("play maj and dragons"), new StatValue(40, 1, 8, many, CustomerSketch.EMPTY));
    raw.put(StatKey.state("play imagine dragons"), new StatValue(300, 290, 2, many, many));
    raw.put(StatKey.transition("play maj and dragons", "play imagine dragons"), new StatValue(31, 0, 0, many,
        CustomerSketch.EMPTY));
    raw.put(StatKey.pair("play maj and dragons", "play imagine dragons"), new StatValue(31, 30, 0, many, many));
    raw.put(StatKey.rephrased("play maj and dragons"), new StatValue(31, 30, 0, many, many));
    MinedStats stats = MinedStats.of(raw);
    RewriterConfig c = RewriterConfig.defaults();
    ChainExplanation e = new ChainExplanation("play maj and dragons", stats, new SolveJob(c).solve(stats), c);
    assertThat(e.known()).isTrue();
    assertThat(e.toText()).contains("play imagine dragons", "KEEP", "P(success)", "→ FAILURE", "dominance 1.00");
    assertThat(e.toDot()).startsWith("digraph").contains("\"play maj and dragons\" -> \"play imagine dragons\"");
    assertThat(e.toSvg()).startsWith("<svg").contains("SUCCESS").contains("FAILURE").endsWith("</svg>\n");
    ChainExplanation unknown = new ChainExplanation("never said", stats, new SolveJob(c).solve(stats), c);
    assertThat(unknown.toText()).contains("never seen");
  }
}
