package org.selflearn.rewriter.serve;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
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
 * status with a JSON error naming the field, never a stack trace. Requests under {@code /v1/} hold one of
 * {@code serve.max-concurrent} permits while they run; without a free one they are answered 503 at once.
 * Logs and metric labels use route templates, never paths, so customer ids appear in neither.
 */
final class ApiHandler extends Handler.Abstract {
  static final String CUSTOMER_ROUTE = "/v1/customers/{id}/memory";
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
  private static final String CUSTOMERS = "/v1/customers/";
  private static final String MEMORY = "/memory";

  private final ServeSettings settings;
  private final BearerToken token;
  private final PrometheusMeterRegistry registry;
  private final HttpMetrics metrics;
  private final RequestParser parser;
  private final Consumer<String> accessLog;
  private final Semaphore permits;
  private volatile RewriteBackend backend;
  private volatile boolean draining;

  ApiHandler(ServeSettings settings, BearerToken token, PrometheusMeterRegistry registry, Consumer<String> accessLog) {
    this.settings = settings;
    this.token = token;
    this.registry = registry;
    this.metrics = new HttpMetrics(registry);
    this.parser = new RequestParser(settings.maxUtteranceChars(), settings.maxBatch());
    this.accessLog = accessLog;
    this.permits = new Semaphore(settings.maxConcurrent());
  }

  void serve(RewriteBackend b) {
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
    String path = request.getHttpURI().getDecodedPath();
    String route = route(path);
    Answer a;
    try {
      a = dispatch(route, method, path, request);
    } catch (BadRequestException e) {
      a = Answer.error(400, "bad-request", e.field(), e.getMessage());
    } catch (RuntimeException | Error e) {
      LOG.warn("{} {} failed: {}", method, route, e.getClass().getName()); // no message: it may quote input
      a = Answer.error(500, "error", null, "internal error");
    }
    response.setStatus(a.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
    a.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    response.write(true, ByteBuffer.wrap(a.body()), callback);
    long nanos = System.nanoTime() - start;
    metrics.record(route, a.outcome(), nanos);
    accessLog.accept(method + " " + route + " " + a.status() + " " + nanos / 1_000 + "us");
    return true;
  }

  /** The route template of a path; {@code other} for anything we do not serve. */
  static String route(String path) {
    if (path == null) {
      return "other";
    }
    return switch (path) {
      case "/health", "/ready", "/metrics", "/v1/rewrite", "/v1/rewrite:batch" -> path;
      default -> path.startsWith(CUSTOMERS) && path.endsWith(MEMORY)
          && path.length() > CUSTOMERS.length() + MEMORY.length() ? CUSTOMER_ROUTE : "other";
    };
  }

  private Answer dispatch(String route, String method, String path, Request request) {
    return switch (route) {
      case "/health" -> only("GET", method, () -> Answer.json(ResponseJson.object(Map.of("status", "up"))));
      case "/ready" -> only("GET", method, this::readiness);
      case "/metrics" -> only("GET", method, () -> authorized(request, () -> new Answer(200, PROMETHEUS,
          registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), "ok")));
      case "/v1/rewrite" -> only("POST", method, () -> api(request, b -> rewrite(b, request)));
      case "/v1/rewrite:batch" -> only("POST", method, () -> api(request, b -> batch(b, request)));
      case CUSTOMER_ROUTE -> only("DELETE", method, () -> api(request, b -> forget(b, customer(path))));
      default -> Answer.error(404, "not-found", null, "no such route; see the README's 'Serving over HTTP'");
    };
  }

  private Answer readiness() {
    RewriteBackend b = backend;
    if (draining) {
      return unavailable("not-ready", "shutting down");
    }
    if (b == null) {
      return unavailable("not-ready", "the model is still loading");
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
    Answer answer(RewriteBackend b);
  }

  private static Answer only(String allowed, String method, Route r) {
    if (!allowed.equals(method)) {
      return Answer.error(405, "method-not-allowed", null, "use " + allowed, Map.of("Allow", allowed));
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

  /** Authorization, readiness, then a concurrency permit held for the rest of the call. */
  private Answer api(Request request, Call call) {
    return authorized(request, () -> {
      RewriteBackend b = backend;
      if (draining) {
        return unavailable("not-ready", "shutting down");
      }
      if (b == null) {
        return unavailable("not-ready", "the model is still loading");
      }
      if (!permits.tryAcquire()) {
        return unavailable("overloaded", "too many requests in flight (serve.max-concurrent = "
            + settings.maxConcurrent() + ")");
      }
      try {
        return call.answer(b);
      } finally {
        permits.release();
      }
    });
  }

  private Answer unavailable(String outcome, String message) {
    return Answer.error(503, outcome, null, message,
        Map.of("Retry-After", Integer.toString(settings.retryAfterSeconds())));
  }

  private Answer rewrite(RewriteBackend b, Request request) {
    RewriteRequest r = parser.single(body(request));
    RewriteBackend.Versioned v = failOpen(b, r);
    return Answer.json(ResponseJson.result(v.result(), v.modelVersion()));
  }

  private Answer batch(RewriteBackend b, Request request) {
    List<RewriteRequest> rs = parser.batch(body(request));
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

  private static String customer(String path) {
    String id = path.substring(CUSTOMERS.length(), path.length() - MEMORY.length());
    if (id.isBlank() || id.indexOf('/') >= 0 || id.length() > RequestParser.MAX_ID_CHARS) {
      throw new BadRequestException("id", "the customer id in the path must be 1 to " + RequestParser.MAX_ID_CHARS
          + " characters without '/'");
    }
    return id;
  }

  /** The body, at most {@code serve.max-body-bytes}. */
  private byte[] body(Request request) {
    int max = settings.maxBodyBytes();
    if (request.getLength() > max) {
      throw tooLong(max);
    }
    try (InputStream in = Request.asInputStream(request)) {
      byte[] b = in.readNBytes(max + 1);
      if (b.length > max) {
        throw tooLong(max);
      }
      return b;
    } catch (IOException e) {
      throw new BadRequestException("body", "the body could not be read: " + e.getClass().getSimpleName());
    }
  }

  private static BadRequestException tooLong(int max) {
    return new BadRequestException("body", "the body is longer than " + max + " bytes (serve.max-body-bytes)");
  }
}
