package org.selflearn.rewriter.common.codec;

/** Thrown inside the codec when one field is missing or malformed; carries the field path. */
final class EventFieldException extends RuntimeException {
  private final String field;

  EventFieldException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  String field() {
    return field;
  }
}
