package org.selflearn.rewriter.offline.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.selflearn.rewriter.common.codec.Jackson;
import org.selflearn.rewriter.common.codec.Rejection;

/** A rejects file: one JSON line per rejected event, with its line number, field, reason, id and the raw line. */
final class RejectsFile implements AutoCloseable {
  private final BufferedWriter out;

  RejectsFile(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  void write(Rejection r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", r.lineNumber());
    m.put("field", r.field());
    m.put("reason", r.reason());
    m.put("eventId", r.eventId());
    m.put("raw", r.raw());
    try {
      out.write(Jackson.COMPACT.writeValueAsString(m));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code logs} and writes every rejected line to {@code file}; returns how many. */
  static long writeAll(Path logs, Path file) throws IOException {
    try (RejectsFile f = new RejectsFile(file)) {
      return org.selflearn.rewriter.common.codec.EventFileReader.forEach(logs, e -> { }, f::write).rejected();
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
