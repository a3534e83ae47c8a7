package org.selflearn.rewriter.common.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one Jackson mapper of the project's JSON files (manifests, summaries, reports, ranker weights), configured once
 * and never handed out: an {@link ObjectMapper} is thread-safe only while nobody reconfigures it, so callers get
 * immutable {@link ObjectWriter}s and static reads instead.
 */
public final class Jackson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Writes indented JSON (reports, summaries, manifests, model files). */
  public static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

  /** Writes compact JSON (one value per line). */
  public static final ObjectWriter COMPACT = MAPPER.writer();

  private Jackson() {}

  /** Reads a JSON file as a tree (a missing node when the file is empty). */
  public static JsonNode readTree(Path file) throws IOException {
    return MAPPER.readTree(file.toFile());
  }

  /** Reads JSON text as a tree. */
  public static JsonNode readTree(String json) throws JsonProcessingException {
    return MAPPER.readTree(json);
  }

  /** Reads a JSON file as a value of the given type. */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    return MAPPER.readValue(file.toFile(), type);
  }

  /** Converts a tree or value to another type (for example a node to a map). */
  public static <T> T convert(Object value, Class<T> type) {
    return MAPPER.convertValue(value, type);
  }
}
