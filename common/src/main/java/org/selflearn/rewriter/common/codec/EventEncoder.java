package org.selflearn.rewriter.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.selflearn.rewriter.common.event.InteractionEvent;

/** Writes events as log format version 1 JSON, one object per line, fields in the documented order. */
public final class EventEncoder {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** One event as a single-line JSON object (no trailing newline). */
  public String encode(InteractionEvent e) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", InteractionEvent.VERSION);
      g.writeStringField("eventId", e.eventId());
      g.writeStringField("timestamp", e.timestamp().toString());
      g.writeStringField("customerId", e.customerId());
      writeOptional(g, "deviceId", e.deviceId());
      g.writeStringField("deviceType", e.deviceType().name());
      writeOptional(g, "sessionId", e.sessionId());
      g.writeStringField("locale", e.locale());
      g.writeStringField("utterance", e.utterance());
      if (!Double.isNaN(e.asrConfidence())) {
        g.writeNumberField("asrConfidence", round(e.asrConfidence()));
      }
      if (e.nlu() != null) {
        g.writeObjectFieldStart("nlu");
        writeOptional(g, "domain", e.nlu().domain());
        writeOptional(g, "intent", e.nlu().intent());
        g.writeObjectFieldStart("slots");
        for (Map.Entry<String, String> s : e.nlu().slots().entrySet()) {
          g.writeStringField(s.getKey(), s.getValue());
        }
        g.writeEndObject();
        if (!Double.isNaN(e.nlu().confidence())) {
          g.writeNumberField("confidence", round(e.nlu().confidence()));
        }
        g.writeEndObject();
      }
      g.writeObjectFieldStart("response");
      g.writeStringField("status", e.response().status().name());
      writeOptional(g, "text", e.response().text());
      g.writeEndObject();
      g.writeObjectFieldStart("signals");
      g.writeBooleanField("bargeIn", e.signals().bargeIn());
      g.writeStringField("feedback", e.signals().feedback().name());
      g.writeNumberField("engagementMs", e.signals().engagementMs());
      g.writeEndObject();
      if (e.rewrite() == null) {
        g.writeNullField("rewrite");
      } else {
        g.writeObjectFieldStart("rewrite");
        g.writeStringField("to", e.rewrite().to());
        g.writeStringField("source", e.rewrite().source().name());
        if (!Double.isNaN(e.rewrite().score())) {
          g.writeNumberField("score", round(e.rewrite().score()));
        }
        g.writeEndObject();
      }
      if (e.truth() == null) {
        g.writeNullField("truth");
      } else {
        g.writeObjectFieldStart("truth");
        g.writeStringField("intended", e.truth().intended());
        if (!e.truth().equivalent().isEmpty()) {
          g.writeArrayFieldStart("equivalent");
          for (String s : e.truth().equivalent()) {
            g.writeString(s);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot encode event " + e.eventId(), ex);
    }
    return out.toString();
  }

  private static double round(double d) {
    return Math.round(d * 1000.0) / 1000.0;
  }

  private static void writeOptional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }
}
