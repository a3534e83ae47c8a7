package org.selflearn.rewriter.offline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.selflearn.rewriter.common.codec.Jackson;

/** Pretty JSON output of reports and summaries, through the shared {@link Jackson} writers. */
public final class Json {
  private Json() {}

  public static void write(Path file, Object value) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Jackson.PRETTY.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes each value as one compact JSON line. */
  public static void writeLines(Path file, Iterable<?> values) {
    try (var out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
      for (Object v : values) {
        out.write(Jackson.COMPACT.writeValueAsString(v));
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static String toString(Object value) {
    try {
      return Jackson.PRETTY.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a JSON object file into a map; fails naming the file. */
  @SuppressWarnings("unchecked")
  public static java.util.Map<String, Object> readObject(Path file) {
    try {
      return Jackson.read(file, java.util.LinkedHashMap.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
