package org.selflearn.rewriter.offline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** HTTP calls of the cluster check to serving instances on 127.0.0.1: rewrite, erase, and the peer read. */
final class ClusterClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** One rewrite answer: HTTP status, effective text and where the memory was read (null when none). */
  record Answer(int status, String effective, String heldBy, long nanos) {}

  Answer rewrite(URI instance, String body) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(instance.resolve("/v1/rewrite"))
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - t0;
      if (r.statusCode() != 200) {
        return new Answer(r.statusCode(), null, null, nanos);
      }
      JsonNode n = JSON.readTree(r.body());
      return new Answer(200, n.path("effective").asText(), n.hasNonNull("memoryHeldBy")
          ? n.get("memoryHeldBy").asText() : null, nanos);
    } catch (IOException e) {
      return new Answer(-1, null, null, System.nanoTime() - t0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, null, System.nanoTime() - t0);
    }
  }

  /** {@code DELETE /v1/customers/{id}/memory}; the status. */
  int forget(URI instance, String customer) throws IOException, InterruptedException {
    String id = URLEncoder.encode(customer, StandardCharsets.UTF_8).replace("+", "%20");
    return http.send(HttpRequest.newBuilder(instance.resolve("/v1/customers/" + id + "/memory")).DELETE()
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The customer's memory bytes an instance holds (as owner or standby), or null when it holds none. */
  byte[] held(URI instance, String customer) {
    try {
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(instance.resolve("/internal/v1/personal?stale=true"))
          .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(customer)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The value of one Prometheus sample of an instance's {@code /metrics} ({@code name{labels}} prefix), or -1. */
  long gauge(URI instance, String sample) {
    try {
      String text = http.send(HttpRequest.newBuilder(instance.resolve("/metrics")).timeout(Duration.ofSeconds(30))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      for (String line : text.split("\n")) {
        if (line.startsWith(sample)) {
          return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Every Prometheus sample of an instance's {@code /metrics} whose name starts with {@code prefix}; empty if none. */
  Map<String, Double> samples(URI instance, String prefix) {
    Map<String, Double> m = new java.util.TreeMap<>();
    try {
      String text = http.send(HttpRequest.newBuilder(instance.resolve("/metrics")).timeout(Duration.ofSeconds(30))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      for (String line : text.split("\n")) {
        if (line.startsWith(prefix)) {
          m.put(line.substring(0, line.lastIndexOf(' ')), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // an instance that does not answer has no samples
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return m;
  }
}
