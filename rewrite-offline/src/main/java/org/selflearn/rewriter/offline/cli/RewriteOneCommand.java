package org.selflearn.rewriter.offline.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.online.QueryRewriter;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rewrite rewrite --model DIR [--customer ID] [--explain] "REQUEST"}. */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
    description = "Rewrite one request with a trained model, as the online API would, optionally explaining the"
        + " candidates and their features.")
final class RewriteOneCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Output of ./rewrite train.")
  Path model;

  @Option(names = "--customer", paramLabel = "ID", description = "Customer id (enables the personal layer).")
  String customer;

  @Option(names = "--device", paramLabel = "TYPE", description = "Device type: ${COMPLETION-CANDIDATES}.")
  DeviceType device;

  @Option(names = "--previous-domain", paramLabel = "DOMAIN", description = "NLU domain of the previous turn.")
  String previousDomain;

  @Option(names = "--explain", description = "Print the scored candidates and their features.")
  boolean explain;

  @Parameters(paramLabel = "REQUEST", description = "The request as heard.")
  String request;

  @Override
  public Integer call() {
    var c = config.load();
    ModelCheck.forRewriter(model, "--model");
    try (QueryRewriter rewriter = QueryRewriter.open(model, c)) {
      RewriteRequest r = new RewriteRequest(request, customer, device, Instant.now(), previousDomain, explain);
      RewriteResult result = rewriter.rewrite(r);
      Console.out().println(result.changed()
          ? "rewrite: " + result.rewrite() + "  (source " + result.source() + ", score "
              + String.format(java.util.Locale.ROOT, "%.3f", result.score()) + ")"
          : "unchanged (" + result.reason() + (Double.isNaN(result.score()) ? ""
              : String.format(java.util.Locale.ROOT, ", best score %.3f", result.score())) + ")");
      Console.out().printf(java.util.Locale.ROOT, "threshold: %.3f%n", rewriter.threshold());
      for (RewriteResult.ScoredCandidate cand : result.candidates()) {
        Console.out().printf(java.util.Locale.ROOT, "  %.3f  %-45s %s%n", cand.score(), cand.text(), cand.layer());
        if (cand.features() != null && !cand.features().isEmpty()) {
          java.util.StringJoiner f = new java.util.StringJoiner(", ", "         features: ", "");
          cand.features().forEach((k, v) -> f.add(k + " " + String.format(java.util.Locale.ROOT, "%.2f", v)));
          Console.out().println(f);
        }
      }
    }
    return 0;
  }
}
