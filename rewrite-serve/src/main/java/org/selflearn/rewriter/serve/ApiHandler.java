package org.selflearn.rewriter.serve;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.selflearn.rewriter.online.RewriteRequest;
import org.selflearn.rewriter.online.RewriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's routes on Jetty's core handler interface. Every answer is JSON (or Prometheus text), every failure is a
 * status with a JSON error naming the field, never a stack trace. A request body is read whole first
 * ({@link BodyReader}: size, time and rate limits), then a request under {@code /v1/} holds one of
 * {@code serve.max-concurrent} permits while it runs; without a free one it is answered 503 at once, and
 * {@code /ready} says 503 while none is free. Routes are matched on the raw (still percent-encoded) path, and the
 * customer id of an erasure is decoded here, so every id that {@code /v1/rewrite} accepts can be erased, exactly.
 * An answer given before the body was read closes the connection and says so ({@code Connection: close}).
 * Logs and metric labels use route templates, never paths, so customer ids appear in neither.
 */
final class ApiHandler extends Handler.Abstract {
  static final String CUSTOMER_ROUTE = "/v1/customers/{id}/memory";
  /** Where another serving instance asks for a customer memory held here (body: the customer id). */
  static final String PEER_ROUTE = "/internal/v1/personal";
  private static final String OCTETS = "application/octet-stream";
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
  private static final String CUSTOMERS = "/v1/customers/";
  private static final String MEMORY = "/memory";

  private final ServeSettings settings;
  private final BearerToken token;
  private final PrometheusMeterRegistry registry;
  private final HttpMetrics metrics;
  private final RequestParser parser;
  private final BodyReader bodies;
  private final Consumer<String> accessLog;
  private final Semaphore permits;
  private volatile RewriteBackend backend;
  private volatile PeerMemory peers;
  private volatile boolean draining;

  ApiHandler(ServeSettings settings, BearerToken token, PrometheusMeterRegistry registry, Consumer<String> accessLog) {
    this.settings = settings;
    this.token = token;
    this.registry = registry;
    this.metrics = new HttpMetrics(registry);
    this.parser = new RequestParser(settings.maxUtteranceChars(), settings.maxBatch());
    this.bodies = new BodyReader(settings.maxBodyBytes(), settings.bodyTimeoutMillis(),
        settings.minBodyBytesPerSecond());
    this.accessLog = accessLog;
    this.permits = new Semaphore(settings.maxConcurrent());
  }

  HttpMetrics httpMetrics() {
    return metrics;
  }

  void serve(RewriteBackend b, PeerMemory p) {
    this.peers = p;
    this.backend = b;
  }

  RewriteBackend backend() {
    return backend;
  }

  void drain() {
    draining = true;
  }

  boolean ready() {
    return backend != null && !draining;
  }

  /** Waits until no request under /v1/ runs (all permits free); false when the time ran out first. */
  boolean awaitIdle(long millis) throws InterruptedException {
    if (permits.tryAcquire(settings.maxConcurrent(), millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      permits.release(settings.maxConcurrent());
      return true;
    }
    return false;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String method = request.getMethod();
    String path = request.getHttpURI().getPath(); // raw: ';' and percent-escapes as sent
    String route = route(path);
    Answer a;
    try {
      a = dispatch(route, method, path, request);
    } catch (BadRequestException e) {
      a = Answer.error(e.status(), e.outcome(), e.field(), e.getMessage());
    } catch (RuntimeException | Error e) {
      LOG.warn("{} {} failed: {}", method, route, e.getClass().getName()); // no message: it may quote input
      a = Answer.error(500, "error", null, "internal error");
    }
    response.setStatus(a.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
    a.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    if ("CONNECT".equals(method) || !bodyConsumed(request)) {
      // the rest of the body (or a tunnel's bytes) would be read as the next request: Jetty closes the
      // connection after this answer, and the client is told so
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    if ("HEAD".equals(method)) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.body().length);
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(a.body()), callback);
    }
    long nanos = System.nanoTime() - start;
    metrics.record(route, a.outcome(), nanos);
    accessLog.accept(method + " " + route + " " + a.status() + " " + nanos / 1_000 + "us");
    return true;
  }

  /**
   * Whether the request's body has been read to its end (or it has none); otherwise what is there already is
   * dropped and false returned.
   */
  private static boolean bodyConsumed(Request request) {
    while (true) {
      Content.Chunk c = request.read();
      if (c == null) {
        return false;
      }
      boolean last = c.isLast();
      boolean failed = Content.Chunk.isFailure(c);
      c.release();
      if (last) {
        return !failed;
      }
      if (failed) {
        return false;
      }
    }
  }

  /** The route template of a raw path; {@code other} for anything we do not serve. */
  static String route(String path) {
    if (path == null) {
      return "other";
    }
    return switch (path) {
      case "/health", "/ready", "/metrics", "/v1/rewrite", "/v1/rewrite:batch", PEER_ROUTE -> path;
      default -> path.startsWith(CUSTOMERS) && path.endsWith(MEMORY)
          && path.length() > CUSTOMERS.length() + MEMORY.length()
          && path.indexOf('/', CUSTOMERS.length()) == path.length() - MEMORY.length() ? CUSTOMER_ROUTE : "other";
    };
  }

  private Answer dispatch(String route, String method, String path, Request request) {
    return switch (route) {
      case "/health" -> probe(method, () -> Answer.json(ResponseJson.object(Map.of("status", "up"))));
      case "/ready" -> probe(method, this::readiness);
      case "/metrics" -> only("GET", method, () -> authorized(request, () -> new Answer(200, PROMETHEUS,
          registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), "ok")));
      case "/v1/rewrite" -> only("POST", method, () -> api(request, true, (b, body) -> rewrite(b, body)));
      case "/v1/rewrite:batch" -> only("POST", method, () -> api(request, true, (b, body) -> batch(b, body)));
      case CUSTOMER_ROUTE -> only("DELETE", method, () -> {
        String id = CustomerPath.id(path.substring(CUSTOMERS.length(), path.length() - MEMORY.length()));
        return api(request, false, (b, body) -> forget(b, id));
      });
      case PEER_ROUTE -> only("POST", method, () -> api(request, true, (b, body) -> peer(body,
          "stale=true".equals(request.getHttpURI().getQuery()))));
      default -> Answer.error(404, "not-found", null, "no such route; see the README's 'Serving over HTTP'");
    };
  }

  /**
   * Another instance asks for a customer memory held here: 200 with its bytes, or 421 when this instance does not
   * hold the customer's partition (anymore), or 404 when this instance serves alone.
   */
  private Answer peer(byte[] body, boolean stale) {
    PeerMemory p = peers;
    if (p == null) {
      return Answer.error(404, "not-found", null, "this instance serves alone (no serve --bootstrap)");
    }
    String customer = CustomerPath.ofBody(body);
    byte[] held = p.hostedProfile(customer, stale);
    if (held == null) {
      return Answer.error(421, "not-hosted", null, "this instance does not hold that customer's partition");
    }
    return new Answer(200, OCTETS, held, Map.of(), "ok");
  }

  private Answer readiness() {
    RewriteBackend b = backend;
    if (draining) {
      return unavailable("not-ready", "shutting down");
    }
    if (b == null) {
      return unavailable("not-ready", "the model is still loading");
    }
    if (permits.availablePermits() == 0) {
      return unavailable("overloaded", "every permit is taken (serve.max-concurrent = " + settings.maxConcurrent()
          + ")");
    }
    PeerMemory p = peers;
    if (p != null && !p.ready()) {
      return unavailable("not-ready", "the customer memories this instance holds are still being assigned or"
          + " restored");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "ready");
    m.put("modelVersion", b.modelVersion());
    return Answer.json(ResponseJson.object(m));
  }

  private interface Route {
    Answer answer();
  }

  private interface Call {
    Answer answer(RewriteBackend b, byte[] body);
  }

  /** GET, or HEAD (same status and headers, no body) for probes that use it. */
  private static Answer probe(String method, Route r) {
    return only("HEAD".equals(method) ? "HEAD" : "GET", method, r, "GET, HEAD");
  }

  private static Answer only(String allowed, String method, Route r) {
    return only(allowed, method, r, allowed);
  }

  private static Answer only(String allowed, String method, Route r, String allow) {
    if (!allowed.equals(method)) {
      return Answer.error(405, "method-not-allowed", null, "use " + allow, Map.of("Allow", allow));
    }
    return r.answer();
  }

  private Answer authorized(Request request, Route r) {
    if (token != null && !token.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      return Answer.error(401, "unauthorized", "Authorization", "a bearer token is required",
          Map.of("WWW-Authenticate", "Bearer"));
    }
    return r.answer();
  }

  /**
   * Authorization, readiness, the whole body (when {@code withBody}; bounded in size, time and rate), then a
   * concurrency permit held for the rest of the call: a slow sender never holds a permit.
   */
  private Answer api(Request request, boolean withBody, Call call) {
    return authorized(request, () -> {
      if (draining) {
        return unavailable("not-ready", "shutting down");
      }
      if (backend == null) {
        return unavailable("not-ready", "the model is still loading");
      }
      byte[] body = null;
      if (withBody) {
        requireUtf8(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        body = bodies.read(request);
      }
      RewriteBackend b = backend;
      if (draining || b == null) {
        return unavailable("not-ready", "shutting down");
      }
      if (!permits.tryAcquire()) {
        return unavailable("overloaded", "too many requests in flight (serve.max-concurrent = "
            + settings.maxConcurrent() + ")");
      }
      try {
        return call.answer(b, body);
      } finally {
        permits.release();
      }
    });
  }

  private Answer unavailable(String outcome, String message) {
    return Answer.error(503, outcome, null, message,
        Map.of("Retry-After", Integer.toString(settings.retryAfterSeconds())));
  }

  /** A declared charset other than UTF-8 is refused (415); none declared means UTF-8, as JSON is. */
  static void requireUtf8(String contentType) {
    if (contentType == null) {
      return;
    }
    for (String param : contentType.split(";")) {
      int eq = param.indexOf('=');
      if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
        continue;
      }
      String charset = param.substring(eq + 1).strip();
      if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
        charset = charset.substring(1, charset.length() - 1);
      }
      String c = charset.toLowerCase(Locale.ROOT);
      if (!c.equals("utf-8") && !c.equals("utf8")) {
        throw new BadRequestException(415, "unsupported-media-type", "Content-Type",
            "the body must be UTF-8 (a declared charset other than utf-8 is refused)");
      }
    }
  }

  private Answer rewrite(RewriteBackend b, byte[] body) {
    RewriteRequest r = parser.single(body);
    RewriteBackend.Versioned v = failOpen(b, r);
    return Answer.json(ResponseJson.result(v.result(), v.modelVersion()));
  }

  private Answer batch(RewriteBackend b, byte[] body) {
    List<RewriteRequest> rs = parser.batch(body);
    List<RewriteBackend.Versioned> out = new ArrayList<>(rs.size());
    for (RewriteRequest r : rs) {
      out.add(failOpen(b, r));
    }
    return Answer.json(ResponseJson.results(out));
  }

  /** The rewriter never throws by contract; if it does anyway, the request still comes back unchanged. */
  private static RewriteBackend.Versioned failOpen(RewriteBackend b, RewriteRequest r) {
    try {
      return b.rewrite(r);
    } catch (RuntimeException e) {
      LOG.warn("rewrite failed open: {}", e.getClass().getName());
      return new RewriteBackend.Versioned(RewriteResult.unchanged(r.utterance(), "error"), b.modelVersion());
    }
  }

  private static Answer forget(RewriteBackend b, String customer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("erased", b.forget(customer));
    m.put("modelVersion", b.modelVersion());
    return Answer.json(ResponseJson.object(m));
  }
}
