package org.selflearn.rewriter.offline.cli;

import org.selflearn.rewriter.offline.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    BufferedWriter rejects = rejectsFile == null ? null : Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8);
    EventFileReader.ReadCounts counts;
    try {
      counts = EventFileReader.forEach(logs, e -> { }, r -> {
        if (first.size() < SHOWN) {
          first.add(r);
        }
        byField.merge(r.field(), 1L, Long::sum);
        if (rejects != null) {
          write(rejects, r);
        }
      });
    } finally {
      if (rejects != null) {
        rejects.close();
      }
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

  private static void write(BufferedWriter w, Rejection r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", r.lineNumber());
    m.put("field", r.field());
    m.put("reason", r.reason());
    m.put("eventId", r.eventId());
    m.put("raw", r.raw());
    try {
      w.write(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(m));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
