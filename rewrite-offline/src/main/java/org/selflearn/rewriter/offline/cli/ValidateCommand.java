package org.selflearn.rewriter.offline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.selflearn.rewriter.common.codec.EventFileReader;
import org.selflearn.rewriter.common.codec.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./rewrite validate --logs FILE [--rejects FILE]}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a log file against log format 1: counts valid and rejected events, prints the first"
        + " reasons (line and field), and optionally writes every rejected line with its reason as JSON lines."
        + " Exit code 0 when every event is valid, 2 when some were rejected.")
final class ValidateCommand implements Callable<Integer> {
  private static final int SHOWN = 10;

  @Option(names = "--logs", required = true, paramLabel = "FILE", description = "Log file (.jsonl or .jsonl.gz).")
  Path logs;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected lines with reasons here.")
  Path rejectsFile;

  @Override
  public Integer call() throws IOException {
    InputFiles.existingFile(logs, "--logs");
    InputFiles.outputFile(rejectsFile, "--rejects");
    List<Rejection> first = new ArrayList<>();
    Map<String, Long> byField = new LinkedHashMap<>();
    EventFileReader.ReadCounts counts;
    try (RejectsFile rejects = rejectsFile == null ? null : new RejectsFile(rejectsFile)) {
      counts = EventFileReader.forEach(logs, e -> { }, r -> {
        if (first.size() < SHOWN) {
          first.add(r);
        }
        byField.merge(r.field(), 1L, Long::sum);
        if (rejects != null) {
          rejects.write(r);
        }
      });
    }
    PrintStream out = Console.out();
    out.printf(java.util.Locale.ROOT, "valid events: %,d%nrejected: %,d%n", counts.events(), counts.rejected());
    if (!byField.isEmpty()) {
      out.println("rejected by field: " + Console.inline(byField));
      out.println("first rejections:");
      for (Rejection r : first) {
        out.println("  " + r.describe());
      }
    }
    if (rejectsFile != null) {
      out.println("rejects written to " + rejectsFile);
    }
    return counts.rejected() == 0 ? 0 : RewriteCli.BAD_INPUT;
  }
}
