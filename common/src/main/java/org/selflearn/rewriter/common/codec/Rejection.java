package org.selflearn.rewriter.common.codec;

/**
 * Why one input line was not accepted as an event.
 *
 * @param lineNumber 1-based line in the input file, or the record offset in a stream; 0 when unknown
 * @param field the JSON field at fault (dotted path, e.g. {@code response.status}), or {@code $} for the whole line
 * @param reason a human-readable reason naming the expected form
 * @param eventId the event id when it could be read, else null
 * @param raw the offending input, kept so that nothing is lost
 */
public record Rejection(long lineNumber, String field, String reason, String eventId, String raw) {

  /** {@code line 12: field 'response.status': unknown value "FAIL", expected one of [SUCCESS, ERROR, UNHANDLED]}. */
  public String describe() {
    return "line " + lineNumber + ": field '" + field + "': " + reason;
  }
}
