package org.selflearn.rewriter.common.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.selflearn.rewriter.common.codec.JsonShape.Fields;
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
  private static final JsonShape EVENT = new JsonShape(List.of("v", "eventId", "timestamp", "customerId", "deviceId",
      "deviceType", "sessionId", "locale", "utterance", "asrConfidence", "nlu", "response", "signals", "rewrite",
      "truth"), Map.of(
          "nlu", new JsonShape("domain", "intent", "slots", "confidence"),
          "response", new JsonShape("status", "text"),
          "signals", new JsonShape("bargeIn", "feedback", "engagementMs"),
          "rewrite", new JsonShape("to", "source", "score"),
          "truth", new JsonShape("intended", "equivalent")));

  /** Decodes one line (line number used in the rejection only). Never throws. */
  public DecodeResult decode(String line, long lineNumber) {
    try {
      return validate(JsonValues.parse(line, EVENT), () -> line, lineNumber);
    } catch (IOException e) {
      return notJson(e, line, lineNumber);
    }
  }

  /**
   * Decodes one event from its UTF-8 bytes (a Kafka record value), without first making a string of them; text that
   * is not valid UTF-8 is rejected. Never throws.
   */
  public DecodeResult decode(byte[] utf8, long lineNumber) {
    Supplier<String> text = () -> new String(utf8, StandardCharsets.UTF_8);
    try {
      return validate(JsonValues.parse(utf8, EVENT), text, lineNumber);
    } catch (IOException e) {
      return notJson(e, text.get(), lineNumber);
    }
  }

  private static DecodeResult notJson(IOException e, String line, long lineNumber) {
    String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return DecodeResult.rejected(new Rejection(lineNumber, "$", "not valid JSON: " + msg, null, line));
  }

  private static DecodeResult validate(Object parsed, Supplier<String> line, long lineNumber) {
    if (!(parsed instanceof Fields root)) {
      return DecodeResult.rejected(new Rejection(lineNumber, "$", "expected a JSON object", null, line.get()));
    }
    String eventId = root.get("eventId") instanceof String s ? s : null;
    try {
      return DecodeResult.ok(toEvent(root));
    } catch (EventFieldException e) {
      return DecodeResult.rejected(new Rejection(lineNumber, e.field(), e.getMessage(), eventId, line.get()));
    }
  }

  private static InteractionEvent toEvent(Fields root) {
    Object v = required(root, "v", "v");
    if (!(v instanceof Integer i) || i != InteractionEvent.VERSION) {
      throw new EventFieldException("v", "unsupported format version " + JsonValues.show(v) + ", expected 1");
    }
    String eventId = requiredText(root, "eventId", "eventId");
    Instant timestamp = instant(requiredText(root, "timestamp", "timestamp"));
    String customerId = requiredText(root, "customerId", "customerId");
    String utterance = requiredText(root, "utterance", "utterance");
    Fields responseNode = object(required(root, "response", "response"), "response");
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

  private static Nlu nlu(Object value) {
    if (isAbsent(value)) {
      return null;
    }
    Fields node = object(value, "nlu");
    Map<String, String> slots = new LinkedHashMap<>();
    Object slotsValue = node.get("slots");
    if (!isAbsent(slotsValue)) {
      if (!(slotsValue instanceof Map<?, ?> slotMap)) {
        throw new EventFieldException("nlu.slots", "expected an object, got " + JsonValues.kind(slotsValue));
      }
      for (Map.Entry<?, ?> e : slotMap.entrySet()) {
        if (!(e.getValue() instanceof String s)) {
          throw new EventFieldException("nlu.slots." + e.getKey(), "expected a string, got "
              + JsonValues.kind(e.getValue()));
        }
        slots.put((String) e.getKey(), s);
      }
    }
    return new Nlu(optionalText(node, "domain", "nlu.domain"), optionalText(node, "intent", "nlu.intent"), slots,
        optionalNumber(node, "confidence", "nlu.confidence", 0, 1));
  }

  private static Signals signals(Object value) {
    if (isAbsent(value)) {
      return Signals.NONE;
    }
    Fields node = object(value, "signals");
    boolean bargeIn = false;
    Object b = node.get("bargeIn");
    if (!isAbsent(b)) {
      if (!(b instanceof Boolean flag)) {
        throw new EventFieldException("signals.bargeIn", "expected true or false, got " + JsonValues.kind(b));
      }
      bargeIn = flag;
    }
    Feedback feedback = optionalEnum(node, "feedback", Feedback.class, "signals.feedback");
    double engagement = optionalNumber(node, "engagementMs", "signals.engagementMs", 0, Double.MAX_VALUE);
    return new Signals(bargeIn, feedback, Double.isNaN(engagement) ? 0 : (long) engagement);
  }

  private static AppliedRewrite rewrite(Object value) {
    if (isAbsent(value)) {
      return null;
    }
    Fields node = object(value, "rewrite");
    return new AppliedRewrite(requiredText(node, "to", "rewrite.to"),
        enumValue(RewriteSource.class, requiredText(node, "source", "rewrite.source"), "rewrite.source"),
        optionalNumber(node, "score", "rewrite.score", -Double.MAX_VALUE, Double.MAX_VALUE));
  }

  private static Truth truth(Object value) {
    if (isAbsent(value)) {
      return null;
    }
    Fields node = object(value, "truth");
    String intended = requiredText(node, "intended", "truth.intended");
    List<String> equivalent = new ArrayList<>();
    Object eq = node.get("equivalent");
    if (!isAbsent(eq)) {
      if (!(eq instanceof List<?> items)) {
        throw new EventFieldException("truth.equivalent", "expected an array of strings, got " + JsonValues.kind(eq));
      }
      for (Object e : items) {
        if (!(e instanceof String s)) {
          throw new EventFieldException("truth.equivalent", "expected an array of strings, found "
              + JsonValues.kind(e));
        }
        equivalent.add(s);
      }
    }
    return new Truth(intended, equivalent);
  }

  private static Instant instant(String text) {
    try {
      return IsoInstant.parse(text);
    } catch (DateTimeParseException e) {
      throw new EventFieldException("timestamp",
          "not an ISO-8601 instant: \"" + text + "\" (expected e.g. 2026-11-20T08:15:02.120Z)");
    }
  }

  private static boolean isAbsent(Object value) {
    return value == null || value == JsonValues.NULL;
  }

  private static Object required(Fields parent, String name, String path) {
    Object value = parent.get(name);
    if (isAbsent(value)) {
      throw new EventFieldException(path, "required field is missing");
    }
    return value;
  }

  private static String requiredText(Fields parent, String name, String path) {
    Object value = required(parent, name, path);
    if (!(value instanceof String s)) {
      throw new EventFieldException(path, "expected a string, got " + JsonValues.kind(value));
    }
    if (s.isBlank()) {
      throw new EventFieldException(path, "must not be empty");
    }
    return s;
  }

  private static String optionalText(Fields parent, String name, String path) {
    Object value = parent.get(name);
    if (isAbsent(value)) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new EventFieldException(path, "expected a string, got " + JsonValues.kind(value));
    }
    return s;
  }

  private static double optionalNumber(Fields parent, String name, String path, double min, double max) {
    Object value = parent.get(name);
    if (isAbsent(value)) {
      return Double.NaN;
    }
    if (!(value instanceof Number number)) {
      throw new EventFieldException(path, "expected a number, got " + JsonValues.kind(value));
    }
    double d = number.doubleValue();
    if (d < min || d > max || Double.isNaN(d)) {
      throw new EventFieldException(path, "out of range: " + d + " (allowed " + min + ".." + max + ")");
    }
    return d;
  }

  private static <E extends Enum<E>> E optionalEnum(Fields parent, String name, Class<E> type, String path) {
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

  private static Fields object(Object value, String path) {
    if (!(value instanceof Fields m)) {
      throw new EventFieldException(path, "expected an object, got " + JsonValues.kind(value));
    }
    return m;
  }
}
