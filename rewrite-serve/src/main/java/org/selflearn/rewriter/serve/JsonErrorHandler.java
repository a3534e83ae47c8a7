package org.selflearn.rewriter.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers by itself (a malformed request line or headers, an ambiguous path, a request refused while
 * shutting down) in the API's JSON shape, with the status's reason phrase only: no stack, no request echo. Each is
 * counted in {@code http.server.requests} under the route {@code other} with the status's outcome
 * ({@code bad-request}, {@code uri-too-long}, {@code request-header-fields-too-large}, …).
 */
final class JsonErrorHandler extends ErrorHandler {
  private final int retryAfterSeconds;
  private final HttpMetrics metrics;

  JsonErrorHandler(int retryAfterSeconds, HttpMetrics metrics) {
    this.retryAfterSeconds = retryAfterSeconds;
    this.metrics = metrics;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true; // Jetty writes bodies only for GET, POST and HEAD by default; DELETE deserves one too
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    metrics.record("other", outcome(code), 0);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answer.JSON);
    if ("CONNECT".equals(request.getMethod())) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    if (code == HttpStatus.SERVICE_UNAVAILABLE_503) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    metrics.record("other", outcome(status), 0);
    fields.put(HttpHeader.CONTENT_TYPE, Answer.JSON);
    return ByteBuffer.wrap(body(status));
  }

  /** {@code 414} → {@code uri-too-long}: the reason phrase as a label. */
  static String outcome(int code) {
    String phrase = HttpStatus.getMessage(code);
    return phrase == null ? "status-" + code
        : phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static byte[] body(int code) {
    String phrase = HttpStatus.getMessage(code);
    return ResponseJson.error(code, null, phrase == null ? "error" : phrase.toLowerCase(java.util.Locale.ROOT));
  }
}
