package org.selflearn.rewriter.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.online.RewriteRequest;

/**
 * Turns a request body into {@link RewriteRequest}s, checking every field once and naming the first bad one
 * ({@link BadRequestException}). Unknown fields are ignored, so clients may send more than this version reads.
 */
final class RequestParser {
  static final int MAX_ID_CHARS = 256;
  private static final int MAX_DOMAIN_CHARS = 128;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final int maxUtteranceChars;
  private final int maxBatch;

  RequestParser(int maxUtteranceChars, int maxBatch) {
    this.maxUtteranceChars = maxUtteranceChars;
    this.maxBatch = maxBatch;
  }

  /** The body of {@code POST /v1/rewrite}. */
  RewriteRequest single(byte[] body) {
    return request(object(tree(body), "body"), "");
  }

  /** The body of {@code POST /v1/rewrite:batch}: {@code {"requests": [...]}}. */
  List<RewriteRequest> batch(byte[] body) {
    JsonNode requests = object(tree(body), "body").get("requests");
    if (requests == null || !requests.isArray()) {
      throw new BadRequestException("requests", "'requests' must be an array of rewrite requests");
    }
    if (requests.isEmpty() || requests.size() > maxBatch) {
      throw new BadRequestException("requests", "'requests' must hold 1 to " + maxBatch + " requests, not "
          + requests.size());
    }
    List<RewriteRequest> out = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      String at = "requests[" + i + "]";
      out.add(request(object(requests.get(i), at), at + "."));
    }
    return out;
  }

  private static JsonNode tree(byte[] body) {
    if (body.length == 0) {
      throw new BadRequestException("body", "the body is empty; expected a JSON object");
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new BadRequestException("body", "malformed JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BadRequestException("body", "unreadable body: " + firstLine(e.getMessage()));
    }
  }

  private static JsonNode object(JsonNode n, String field) {
    if (n == null || !n.isObject()) {
      throw new BadRequestException(field, "'" + field + "' must be a JSON object");
    }
    return n;
  }

  private RewriteRequest request(JsonNode n, String prefix) {
    String utterance = text(n, prefix, "utterance", maxUtteranceChars, true);
    String customer = text(n, prefix, "customerId", MAX_ID_CHARS, false);
    String device = text(n, prefix, "deviceType", 32, false);
    String time = text(n, prefix, "time", 64, false);
    String previousDomain = text(n, prefix, "previousDomain", MAX_DOMAIN_CHARS, false);
    JsonNode explain = n.get("explain");
    if (explain != null && !explain.isNull() && !explain.isBoolean()) {
      throw new BadRequestException(prefix + "explain", "'explain' must be true or false");
    }
    return new RewriteRequest(utterance, customer, device(device, prefix), instant(time, prefix), previousDomain,
        explain != null && explain.asBoolean(false));
  }

  private static String text(JsonNode n, String prefix, String name, int maxChars, boolean required) {
    JsonNode v = n.get(name);
    String field = prefix + name;
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequestException(field, "'" + name + "' is required (a non-empty string)");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new BadRequestException(field, "'" + name + "' must be a string, not " + kind(v));
    }
    String s = v.textValue();
    if (s.isBlank()) {
      throw new BadRequestException(field, "'" + name + "' must not be blank" + (required ? "" : " (omit it)"));
    }
    int chars = s.codePointCount(0, s.length()); // characters as people count them: an emoji is one, not two
    if (chars > maxChars) {
      throw new BadRequestException(field, "'" + name + "' is longer than " + maxChars + " characters ("
          + chars + ")");
    }
    return s;
  }

  private static DeviceType device(String s, String prefix) {
    if (s == null) {
      return null;
    }
    try {
      return DeviceType.valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(prefix + "deviceType", "'deviceType' must be one of "
          + Arrays.toString(DeviceType.values()));
    }
  }

  private static Instant instant(String s, String prefix) {
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(prefix + "time", "'time' must be an ISO-8601 date-time with an offset, such as"
          + " 2025-03-01T18:30:00Z");
    }
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
