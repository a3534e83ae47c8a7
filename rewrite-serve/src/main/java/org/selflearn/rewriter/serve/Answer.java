package org.selflearn.rewriter.serve;

import java.util.Map;

/**
 * One HTTP answer before it is written: status, body, extra headers and the outcome label for metrics.
 *
 * @param status HTTP status
 * @param contentType the body's media type
 * @param body the body
 * @param headers extra headers (Retry-After, WWW-Authenticate, Allow)
 * @param outcome {@code ok}, {@code bad-request}, {@code unauthorized}, {@code not-found},
 *     {@code method-not-allowed}, {@code overloaded}, {@code not-ready}, {@code error}
 */
record Answer(int status, String contentType, byte[] body, Map<String, String> headers, String outcome) {
  static final String JSON = "application/json";

  static Answer json(byte[] body) {
    return new Answer(200, JSON, body, Map.of(), "ok");
  }

  static Answer error(int status, String outcome, String field, String message) {
    return error(status, outcome, field, message, Map.of());
  }

  static Answer error(int status, String outcome, String field, String message, Map<String, String> headers) {
    return new Answer(status, JSON, ResponseJson.error(status, field, message), headers, outcome);
  }
}
