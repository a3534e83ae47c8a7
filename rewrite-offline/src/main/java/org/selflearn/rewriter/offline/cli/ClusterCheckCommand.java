package org.selflearn.rewriter.offline.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.offline.bench.ClusterCheck;
import org.selflearn.rewriter.offline.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./rewrite cluster-check ...}: figures of a running sharded deployment ({@code bin/cluster-check.sh}). */
@Command(name = "cluster-check", mixinStandardHelpOptions = true,
    description = "Measure a running sharded deployment on 127.0.0.1 (bin/cluster-check.sh starts one): the same"
        + " answers as a single node, latency of local vs forwarded memory reads, personal bytes on disk per instance,"
        + " freshness and erasure times, and kill -9 of the last instance under four clients. Kills that process.")
final class ClusterCheckCommand implements Callable<Integer> {
  @Mixin
  ConfigOption config;

  @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(names = "--single", required = true, paramLabel = "URL", description = "A serve --model instance.")
  URI single;

  @Option(names = "--instances", required = true, split = ",", paramLabel = "URL",
      description = "The serve --bootstrap instances.")
  List<URI> instances;

  @Option(names = "--pids", required = true, split = ",", paramLabel = "PID", description = "Their process ids.")
  List<Long> pids;

  @Option(names = "--state-dirs", required = true, split = ",", paramLabel = "DIR",
      description = "Their stream.state-dir.")
  List<Path> stateDirs;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Requests (events) to send.")
  Path logs;

  @Option(names = "--requests", defaultValue = "2000", description = "Requests compared (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--report", paramLabel = "FILE", description = "Where the figures go as JSON.")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (instances.size() < 2 || instances.size() != pids.size() || instances.size() != stateDirs.size()) {
      throw new BadInputException("--instances, --pids, --state-dirs: as many of each, at least two");
    }
    for (URI u : List.of(single)) {
      if (!"127.0.0.1".equals(u.getHost())) {
        throw new BadInputException("--single: the check only sends traffic to 127.0.0.1");
      }
    }
    for (URI u : instances) {
      if (!"127.0.0.1".equals(u.getHost())) {
        throw new BadInputException("--instances: the check only sends traffic to 127.0.0.1");
      }
    }
    Map<String, Object> figures = ClusterCheck.run(new ClusterCheck.Setup(bootstrap, single, instances, pids,
        stateDirs, InputFiles.existingFile(logs, "--logs"), requests, config.load()), Console.out()::println);
    if (report != null) {
      Json.write(report, figures);
    }
    return 0;
  }
}
