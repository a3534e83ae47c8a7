package org.selflearn.rewriter.serve;

import java.nio.file.Path;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * The {@code serve.*} configuration, read once at start.
 *
 * @param bind address to listen on
 * @param port TCP port, 0 for any free one
 * @param tokenFile file holding the bearer token, or null for none
 * @param maxBodyBytes largest request body accepted
 * @param maxUtteranceChars longest utterance accepted, in code points
 * @param maxBatch most requests in one batch
 * @param maxConcurrent HTTP requests handled at once before answering 503
 * @param retryAfterSeconds the Retry-After of a 503
 * @param drainSeconds how long a stop waits for requests in flight
 * @param bodyTimeoutMillis how long a request body may take to arrive, from the end of the headers
 * @param minBodyBytesPerSecond slowest body accepted after its first second (0: no minimum)
 */
public record ServeSettings(String bind, int port, Path tokenFile, int maxBodyBytes, int maxUtteranceChars,
    int maxBatch, int maxConcurrent, int retryAfterSeconds, int drainSeconds, int bodyTimeoutMillis,
    int minBodyBytesPerSecond) {

  /** Reads the {@code serve.*} keys. */
  public static ServeSettings from(RewriterConfig c) {
    String token = c.get(ConfigKeys.SERVE_TOKEN_FILE);
    return new ServeSettings(c.get(ConfigKeys.SERVE_BIND), c.get(ConfigKeys.SERVE_PORT),
        token.equals("-") ? null : Path.of(token), c.get(ConfigKeys.SERVE_MAX_BODY_BYTES),
        c.get(ConfigKeys.SERVE_MAX_UTTERANCE_CHARS), c.get(ConfigKeys.SERVE_MAX_BATCH),
        c.get(ConfigKeys.SERVE_MAX_CONCURRENT), c.get(ConfigKeys.SERVE_RETRY_AFTER_SECONDS),
        c.get(ConfigKeys.SERVE_DRAIN_SECONDS), c.get(ConfigKeys.SERVE_BODY_TIMEOUT_MS),
        c.get(ConfigKeys.SERVE_MIN_BODY_BYTES_PER_SECOND));
  }

  /** The same settings on another port (the command line's {@code --port}). */
  public ServeSettings withPort(int newPort) {
    return new ServeSettings(bind, newPort, tokenFile, maxBodyBytes, maxUtteranceChars, maxBatch, maxConcurrent,
        retryAfterSeconds, drainSeconds, bodyTimeoutMillis, minBodyBytesPerSecond);
  }

  /** The same settings with other body limits. */
  public ServeSettings withBodyLimits(int newBodyTimeoutMillis, int newMinBodyBytesPerSecond) {
    return new ServeSettings(bind, port, tokenFile, maxBodyBytes, maxUtteranceChars, maxBatch, maxConcurrent,
        retryAfterSeconds, drainSeconds, newBodyTimeoutMillis, newMinBodyBytesPerSecond);
  }
}
