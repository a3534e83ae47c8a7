package org.selflearn.rewriter.offline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.common.text.TextNormalizer;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.mining.MinedStats;
import org.selflearn.rewriter.offline.mining.StatsFile;
import org.selflearn.rewriter.offline.solve.ChainExplanation;
import org.selflearn.rewriter.offline.solve.SolveJob;
import org.selflearn.rewriter.online.ModelDirectory;
import org.selflearn.rewriter.online.table.RewriteTable;
import org.selflearn.rewriter.online.table.TableEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rewrite explain --model DIR "REQUEST" [--dot FILE] [--svg FILE]}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Show the absorbing chain around a request: states, transition and absorption probabilities, the"
        + " rewrite chosen and the gates it passed or failed; optionally as Graphviz DOT and as an SVG picture.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Output of ./rewrite train.")
  Path model;

  @Option(names = "--dot", paramLabel = "FILE", description = "Write the chain as Graphviz DOT.")
  Path dot;

  @Option(names = "--svg", paramLabel = "FILE", description = "Write the chain as an SVG picture.")
  Path svg;

  @Parameters(paramLabel = "REQUEST", description = "The request as heard.")
  String request;

  @Override
  public Integer call() throws IOException {
    InputFiles.outputFile(dot, "--dot");
    InputFiles.outputFile(svg, "--svg");
    RewriterConfig c = config.load();
    ModelDirectory dir = ModelCheck.manifest(model, "--model");
    InputFiles.existingDir(dir.stats(), "--model (stats)");
    ModelCheck.table(dir);
    MinedStats stats = StatsFile.read(dir.stats());
    String q = TextNormalizer.normalize(request);
    ChainExplanation e = new ChainExplanation(q, stats, new SolveJob(c).solve(stats), c);
    Console.out().print(e.toText());
    if (RewriteTable.currentVersion(dir.table()) != null) {
      try (RewriteTable table = RewriteTable.openCurrent(dir.table())) {
        TableEntry t = table.lookup(q);
        Console.out().println("published table " + table.version() + ": " + (t == null ? "no rewrite"
            : "\"" + q + "\" → \"" + t.target() + "\" (bound " + String.format(java.util.Locale.ROOT, "%.3f",
            t.confidence()) + ")"));
      }
    }
    if (dot != null) {
      Files.writeString(dot, e.toDot(), StandardCharsets.UTF_8);
      Console.out().println("DOT written to " + dot);
    }
    if (svg != null) {
      Files.writeString(svg, e.toSvg(), StandardCharsets.UTF_8);
      Console.out().println("SVG written to " + svg);
    }
    return 0;
  }
}
