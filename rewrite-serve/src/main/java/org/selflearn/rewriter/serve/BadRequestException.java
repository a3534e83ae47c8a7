package org.selflearn.rewriter.serve;

/** A request the API refuses (400), naming the offending field ({@code body} for the body as a whole). */
public final class BadRequestException extends RuntimeException {
  private final String field;

  public BadRequestException(String field, String message) {
    super(message, null, false, false); // no stack trace: this is an answer, not a failure
    this.field = field;
  }

  /** The field, as a JSON path such as {@code utterance} or {@code requests[3].time}. */
  public String field() {
    return field;
  }
}
