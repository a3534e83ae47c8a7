package org.selflearn.rewriter.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers by itself (a malformed request line or headers, an ambiguous path, a request refused while
 * shutting down) in the API's JSON shape, with the status's reason phrase only: no stack, no request echo.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final int retryAfterSeconds;

  JsonErrorHandler(int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
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
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answer.JSON);
    if (code == HttpStatus.SERVICE_UNAVAILABLE_503) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Answer.JSON);
    return ByteBuffer.wrap(body(status));
  }

  private static byte[] body(int code) {
    String phrase = HttpStatus.getMessage(code);
    return ResponseJson.error(code, null, phrase == null ? "error" : phrase.toLowerCase(java.util.Locale.ROOT));
  }
}
