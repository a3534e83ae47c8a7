package org.selflearn.rewriter.offline.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pretty JSON output of reports and summaries. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  public static void write(Path file, Object value) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      MAPPER.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes each value as one compact JSON line. */
  public static void writeLines(Path file, Iterable<?> values) {
    var writer = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
    try (var out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
      for (Object v : values) {
        out.write(writer.writeValueAsString(v));
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static String toString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a JSON object file into a map; fails naming the file. */
  @SuppressWarnings("unchecked")
  public static java.util.Map<String, Object> readObject(Path file) {
    try {
      return MAPPER.readValue(file.toFile(), java.util.LinkedHashMap.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
