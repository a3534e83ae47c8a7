package org.selflearn.rewriter.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every customer id that POST /v1/rewrite accepts can be erased, and exactly that id (issue 21). */
class ErasureIdTest {
  private final FakeBackend backend = new FakeBackend();
  private RewriteServer server;
  private Http http;

  @BeforeEach
  void start() {
    server = RewriteServer.start(new ServeSettings("127.0.0.1", 0, null, 4_096, 64, 4, 8, 2, 5, 5_000, 1_024), null,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), l -> { });
    server.serve(backend);
    http = new Http(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Percent-encodes every byte but letters, digits and '-' (so '.', ';', '/', '%' and '\' all travel escaped). */
  static String encode(String id) {
    StringBuilder b = new StringBuilder();
    for (byte x : id.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || c == '-')) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  @Test
  void everyIdThatRewriteAcceptsIsErasedExactly() {
    List<String> ids = List.of("c-8677;x=1", "c-8677;", "a/b", "../c-1", "..", ".", "100%", "%2F", "back\\slash",
        "known é 客户 \uD83D\uDE00", "x".repeat(256), "\uD83D\uDE00".repeat(256), "c-8677/memory", " padded ");
    for (String id : ids) {
      HttpResponse<String> accepted = http.post("/v1/rewrite", "{\"utterance\":\"x\",\"customerId\":"
          + json(id) + "}");
      assertThat(accepted.statusCode()).as(id).isEqualTo(200);
      HttpResponse<String> r = http.delete("/v1/customers/" + encode(id) + "/memory");
      assertThat(r.statusCode()).as(id + ": " + r.body()).isEqualTo(200);
      assertThat(backend.forgotten).as(id).last().isEqualTo(id);
    }
    assertThat(backend.forgotten).containsExactlyElementsOf(ids);
  }

  @Test
  void aSemicolonSentAsIsStaysPartOfTheId() {
    HttpResponse<String> r = http.delete("/v1/customers/c-8677;x=1/memory");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(backend.forgotten).containsExactly("c-8677;x=1"); // never c-8677
  }

  @Test
  void idsRewriteWouldRefuseAreA400NamingTheIdAndEraseNothing() {
    for (String raw : List.of(encode("x".repeat(257)), encode("\uD83D\uDE00".repeat(257)), "%20%20")) {
      HttpResponse<String> r = http.delete("/v1/customers/" + raw + "/memory");
      assertThat(r.statusCode()).as(raw).isEqualTo(400);
      assertThat(Http.json(r).get("field").asText()).isEqualTo("id");
    }
    for (String raw : List.of("%C3", "%C3%28")) { // not UTF-8 once decoded (Jetty refuses these itself)
      HttpResponse<String> r = http.delete("/v1/customers/" + raw + "/memory");
      assertThat(r.statusCode()).as(raw).isEqualTo(400);
      assertThat(Http.json(r).get("status").asInt()).isEqualTo(400);
    }
    try (RawHttp raw = new RawHttp(server.port())) { // a malformed escape (java.net.URI refuses to send it)
      assertThat(raw.send("DELETE /v1/customers/%zz/memory HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .readToClose()).startsWith("HTTP/1.1 400");
    }
    // an unescaped '/' splits the path: no such route
    assertThat(http.delete("/v1/customers/a/b/memory").statusCode()).isEqualTo(404);
    assertThat(backend.forgotten).isEmpty();
  }

  private static String json(String s) {
    try {
      return Http.JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
