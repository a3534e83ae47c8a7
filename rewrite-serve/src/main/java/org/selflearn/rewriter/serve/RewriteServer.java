package org.selflearn.rewriter.serve;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service around a {@link RewriteBackend}, on Jetty 12 (docs/adr/0005). It listens as soon as it
 * {@link #start starts} ({@code /health} answers, {@code /ready} says 503) and serves rewrites once given a backend
 * ({@link #serve}), so a slow model load is visible to an orchestrator. {@link #close} drains: it stops accepting
 * connections, lets requests in flight finish (at most {@code serve.drain-seconds}), then closes the backend.
 */
public final class RewriteServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RewriteServer.class);
  /** Where the one-line-per-request access log goes by default (DEBUG; never a path or a body). */
  public static final Logger ACCESS = LoggerFactory.getLogger("org.selflearn.rewriter.serve.access");

  private final Server server;
  private final ServerConnector connector;
  private final ApiHandler api;
  private final ServeSettings settings;
  private boolean closed;

  private RewriteServer(ServeSettings settings, BearerToken token, PrometheusMeterRegistry registry,
      Consumer<String> accessLog) {
    this.settings = settings;
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("serve");
    if (VirtualThreads.areSupported()) {
      threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("serve-v"));
    }
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // the handler routes on the raw path and decodes the one customer id itself (CustomerPath): an id may hold
    // ';', '%2F', '%25', '%5C' or '..', which Jetty would otherwise refuse as ambiguous or cut at ';'
    http.setUriCompliance(UriCompliance.DEFAULT.with("serve", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER,
        UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
        UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.bind());
    connector.setPort(settings.port());
    server.addConnector(connector);
    api = new ApiHandler(settings, token, registry, accessLog);
    server.setHandler(new GracefulHandler(api));
    server.setErrorHandler(new JsonErrorHandler(settings.retryAfterSeconds(), api.httpMetrics()));
    server.setStopTimeout(settings.drainSeconds() * 1_000L);
    server.setStopAtShutdown(false); // the caller decides when to stop (SIGTERM handling in the command line)
  }

  /**
   * Binds and starts listening; rewrites answer 503 until {@link #serve} is called.
   *
   * @param token the bearer token /v1/* and /metrics require, or null
   * @param accessLog receives one line per request: method, route template, status, microseconds
   * @throws ServeException when the address cannot be bound
   */
  public static RewriteServer start(ServeSettings settings, BearerToken token, PrometheusMeterRegistry registry,
      Consumer<String> accessLog) {
    RewriteServer s = new RewriteServer(settings, token, registry, accessLog);
    try {
      s.server.start();
    } catch (Exception e) {
      try {
        s.server.stop();
      } catch (Exception ignored) {
        // nothing was serving
      }
      throw new ServeException("cannot listen on " + settings.bind() + ":" + settings.port()
          + " (serve.bind, serve.port): " + e.getMessage(), e);
    }
    return s;
  }

  /** Starts serving rewrites with a loaded model. */
  public void serve(RewriteBackend backend) {
    serve(backend, null);
  }

  /**
   * Starts serving rewrites with a loaded model, and answering other serving instances for the customer memories held
   * here ({@code peers}; null for a single instance, where {@code /internal/v1/personal} is a 404).
   */
  public void serve(RewriteBackend backend, PeerMemory peers) {
    api.serve(backend, peers);
  }

  /** Whether a model is loaded and the server is not shutting down. */
  public boolean ready() {
    return api.ready();
  }

  /** The port listened on (the free one chosen when {@code serve.port} is 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://HOST:PORT}. */
  public URI uri() {
    String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
    return URI.create("http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port());
  }

  /**
   * Drains and stops: {@code /ready} turns 503, the listening socket closes, requests in flight finish (new ones on
   * open connections get 503), then the backend is closed. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long deadline = System.nanoTime() + settings.drainSeconds() * 1_000_000_000L;
    api.drain();
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server: {}", e.toString());
    }
    RewriteBackend b = api.backend();
    if (b != null) {
      try {
        long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
        if (!api.awaitIdle(left)) {
          LOG.warn("requests still running after serve.drain-seconds; closing the model anyway");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      b.close();
    }
  }
}
