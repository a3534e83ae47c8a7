package org.selflearn.rewriter.serve;

/**
 * A request the API refuses, naming the offending field ({@code body} for the body as a whole): 400 unless built
 * with another status (408 for a body that arrives too slowly, 415 for a charset other than UTF-8).
 */
public final class BadRequestException extends RuntimeException {
  private final int status;
  private final String outcome;
  private final String field;

  public BadRequestException(String field, String message) {
    this(400, "bad-request", field, message);
  }

  BadRequestException(int status, String outcome, String field, String message) {
    super(message, null, false, false); // no stack trace: this is an answer, not a failure
    this.status = status;
    this.outcome = outcome;
    this.field = field;
  }

  /** The field, as a JSON path such as {@code utterance} or {@code requests[3].time}. */
  public String field() {
    return field;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The outcome label of the answer in metrics. */
  String outcome() {
    return outcome;
  }
}
