package org.selflearn.rewriter.common.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.common.event.AppliedRewrite;
import org.selflearn.rewriter.common.event.DeviceType;
import org.selflearn.rewriter.common.event.Feedback;
import org.selflearn.rewriter.common.event.InteractionEvent;
import org.selflearn.rewriter.common.event.Nlu;
import org.selflearn.rewriter.common.event.Response;
import org.selflearn.rewriter.common.event.ResponseStatus;
import org.selflearn.rewriter.common.event.RewriteSource;
import org.selflearn.rewriter.common.event.Signals;
import org.selflearn.rewriter.common.event.Truth;

/**
 * Strict decoder and encoder of log format version 1. Thread-safe; one instance can serve a whole job.
 *
 * <p>Strict means: a required field that is missing or null, a field of the wrong JSON type, an unknown enum value,
 * an unparsable timestamp or a number out of range rejects the event with the field's dotted path. Unknown fields
 * are ignored.
 */
public final class EventCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Decodes one line (line number used in the rejection only). Never throws. */
  public DecodeResult decode(String line, long lineNumber) {
    JsonNode root;
    try {
      root = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      return DecodeResult.rejected(new Rejection(lineNumber, "$", "not valid JSON: " + msg, null, line));
    }
    if (root == null || !root.isObject()) {
      return DecodeResult.rejected(new Rejection(lineNumber, "$", "expected a JSON object", null, line));
    }
    String eventId = root.path("eventId").isTextual() ? root.get("eventId").asText() : null;
    try {
      return DecodeResult.ok(toEvent(root));
    } catch (EventFieldException e) {
      return DecodeResult.rejected(new Rejection(lineNumber, e.field(), e.getMessage(), eventId, line));
    }
  }

  private static InteractionEvent toEvent(JsonNode root) {
    JsonNode v = required(root, "v", "v");
    if (!v.isInt() || v.asInt() != InteractionEvent.VERSION) {
      throw new EventFieldException("v", "unsupported format version " + v + ", expected 1");
    }
    String eventId = requiredText(root, "eventId", "eventId");
    Instant timestamp = instant(requiredText(root, "timestamp", "timestamp"));
    String customerId = requiredText(root, "customerId", "customerId");
    String utterance = requiredText(root, "utterance", "utterance");
    JsonNode responseNode = required(root, "response", "response");
    expectObject(responseNode, "response");
    Response response = new Response(
        enumValue(ResponseStatus.class, requiredText(responseNode, "status", "response.status"), "response.status"),
        optionalText(responseNode, "text", "response.text"));
    DeviceType deviceType = optionalEnum(root, "deviceType", DeviceType.class, "deviceType");
    double asr = optionalNumber(root, "asrConfidence", "asrConfidence", 0, 1);
    return new InteractionEvent(eventId, timestamp, customerId,
        optionalText(root, "deviceId", "deviceId"), deviceType,
        optionalText(root, "sessionId", "sessionId"), optionalText(root, "locale", "locale"),
        utterance, asr, nlu(root.get("nlu")), response, signals(root.get("signals")),
        rewrite(root.get("rewrite")), truth(root.get("truth")));
  }

  private static Nlu nlu(JsonNode node) {
    if (isAbsent(node)) {
      return null;
    }
    expectObject(node, "nlu");
    Map<String, String> slots = new LinkedHashMap<>();
    JsonNode slotsNode = node.get("slots");
    if (!isAbsent(slotsNode)) {
      expectObject(slotsNode, "nlu.slots");
      for (Map.Entry<String, JsonNode> e : slotsNode.properties()) {
        if (!e.getValue().isTextual()) {
          throw new EventFieldException("nlu.slots." + e.getKey(), "expected a string, got " + kind(e.getValue()));
        }
        slots.put(e.getKey(), e.getValue().asText());
      }
    }
    return new Nlu(optionalText(node, "domain", "nlu.domain"), optionalText(node, "intent", "nlu.intent"), slots,
        optionalNumber(node, "confidence", "nlu.confidence", 0, 1));
  }

  private static Signals signals(JsonNode node) {
    if (isAbsent(node)) {
      return Signals.NONE;
    }
    expectObject(node, "signals");
    boolean bargeIn = false;
    JsonNode b = node.get("bargeIn");
    if (!isAbsent(b)) {
      if (!b.isBoolean()) {
        throw new EventFieldException("signals.bargeIn", "expected true or false, got " + kind(b));
      }
      bargeIn = b.asBoolean();
    }
    Feedback feedback = optionalEnum(node, "feedback", Feedback.class, "signals.feedback");
    double engagement = optionalNumber(node, "engagementMs", "signals.engagementMs", 0, Double.MAX_VALUE);
    return new Signals(bargeIn, feedback, Double.isNaN(engagement) ? 0 : (long) engagement);
  }

  private static AppliedRewrite rewrite(JsonNode node) {
    if (isAbsent(node)) {
      return null;
    }
    expectObject(node, "rewrite");
    return new AppliedRewrite(requiredText(node, "to", "rewrite.to"),
        enumValue(RewriteSource.class, requiredText(node, "source", "rewrite.source"), "rewrite.source"),
        optionalNumber(node, "score", "rewrite.score", -Double.MAX_VALUE, Double.MAX_VALUE));
  }

  private static Truth truth(JsonNode node) {
    if (isAbsent(node)) {
      return null;
    }
    expectObject(node, "truth");
    String intended = requiredText(node, "intended", "truth.intended");
    List<String> equivalent = new ArrayList<>();
    JsonNode eq = node.get("equivalent");
    if (!isAbsent(eq)) {
      if (!eq.isArray()) {
        throw new EventFieldException("truth.equivalent", "expected an array of strings, got " + kind(eq));
      }
      for (JsonNode e : eq) {
        if (!e.isTextual()) {
          throw new EventFieldException("truth.equivalent", "expected an array of strings, found " + kind(e));
        }
        equivalent.add(e.asText());
      }
    }
    return new Truth(intended, equivalent);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new EventFieldException("timestamp",
          "not an ISO-8601 instant: \"" + text + "\" (expected e.g. 2026-11-20T08:15:02.120Z)");
    }
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static JsonNode required(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (isAbsent(node)) {
      throw new EventFieldException(path, "required field is missing");
    }
    return node;
  }

  private static String requiredText(JsonNode parent, String name, String path) {
    JsonNode node = required(parent, name, path);
    if (!node.isTextual()) {
      throw new EventFieldException(path, "expected a string, got " + kind(node));
    }
    if (node.asText().isBlank()) {
      throw new EventFieldException(path, "must not be empty");
    }
    return node.asText();
  }

  private static String optionalText(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      throw new EventFieldException(path, "expected a string, got " + kind(node));
    }
    return node.asText();
  }

  private static double optionalNumber(JsonNode parent, String name, String path, double min, double max) {
    JsonNode node = parent.get(name);
    if (isAbsent(node)) {
      return Double.NaN;
    }
    if (!node.isNumber()) {
      throw new EventFieldException(path, "expected a number, got " + kind(node));
    }
    double d = node.asDouble();
    if (d < min || d > max || Double.isNaN(d)) {
      throw new EventFieldException(path, "out of range: " + d + " (allowed " + min + ".." + max + ")");
    }
    return d;
  }

  private static <E extends Enum<E>> E optionalEnum(JsonNode parent, String name, Class<E> type, String path) {
    String text = optionalText(parent, name, path);
    return text == null ? null : enumValue(type, text, path);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw new EventFieldException(path,
        "unknown value \"" + text + "\", expected one of " + Arrays.toString(type.getEnumConstants()));
  }

  private static void expectObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new EventFieldException(path, "expected an object, got " + kind(node));
    }
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
