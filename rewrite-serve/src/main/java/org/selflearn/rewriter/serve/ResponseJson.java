package org.selflearn.rewriter.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.online.RewriteResult;

/** Writes the API's answers: {@code {effective, rewrite, source, score, reason, modelVersion[, candidates]}}. */
final class ResponseJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ResponseJson() {}

  /** One rewrite's answer. */
  static byte[] result(RewriteResult r, String modelVersion) {
    return write(g -> writeResult(g, r, modelVersion));
  }

  /** A batch's answers, in the order of the requests; the top-level version is the last answer's. */
  static byte[] results(List<RewriteBackend.Versioned> rs) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("modelVersion", rs.getLast().modelVersion());
      g.writeArrayFieldStart("results");
      for (RewriteBackend.Versioned r : rs) {
        writeResult(g, r.result(), r.modelVersion());
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** An error: {@code {"error": message, "field": field?, "status": status}}. */
  static byte[] error(int status, String field, String message) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("error", message);
      if (field != null) {
        g.writeStringField("field", field);
      }
      g.writeNumberField("status", status);
      g.writeEndObject();
    });
  }

  /** A flat object of string, boolean and number values. */
  static byte[] object(Map<String, ?> fields) {
    return write(g -> {
      g.writeStartObject();
      for (Map.Entry<String, ?> e : fields.entrySet()) {
        switch (e.getValue()) {
          case null -> g.writeNullField(e.getKey());
          case Boolean b -> g.writeBooleanField(e.getKey(), b);
          case Integer i -> g.writeNumberField(e.getKey(), i);
          case Long l -> g.writeNumberField(e.getKey(), l);
          case Double d -> g.writeNumberField(e.getKey(), d);
          default -> g.writeStringField(e.getKey(), e.getValue().toString());
        }
      }
      g.writeEndObject();
    });
  }

  private static void writeResult(JsonGenerator g, RewriteResult r, String modelVersion) throws IOException {
    g.writeStartObject();
    g.writeStringField("effective", r.effective());
    g.writeStringField("rewrite", r.rewrite());
    g.writeStringField("source", r.source() == null ? null : r.source().name());
    if (Double.isNaN(r.score()) || Double.isInfinite(r.score())) {
      g.writeNullField("score");
    } else {
      g.writeNumberField("score", r.score());
    }
    g.writeStringField("reason", r.reason());
    g.writeStringField("modelVersion", modelVersion);
    if (r.memoryHeldBy() != null) {
      g.writeStringField("memoryHeldBy", r.memoryHeldBy());
    }
    if (!r.candidates().isEmpty()) {
      g.writeArrayFieldStart("candidates");
      for (RewriteResult.ScoredCandidate c : r.candidates()) {
        g.writeStartObject();
        g.writeStringField("text", c.text());
        g.writeStringField("layer", c.layer());
        g.writeNumberField("score", finite(c.score()));
        if (c.features() != null && !c.features().isEmpty()) {
          g.writeObjectFieldStart("features");
          for (Map.Entry<String, Double> f : c.features().entrySet()) {
            g.writeNumberField(f.getKey(), finite(f.getValue()));
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static double finite(Double d) {
    return d == null || d.isNaN() || d.isInfinite() ? 0 : d;
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory: cannot happen
    }
    return out.toByteArray();
  }
}
