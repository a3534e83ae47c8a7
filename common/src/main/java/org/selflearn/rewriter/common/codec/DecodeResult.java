package org.selflearn.rewriter.common.codec;

import org.selflearn.rewriter.common.event.InteractionEvent;

/**
 * The outcome of decoding one line: exactly one of {@code event} and {@code rejection} is non-null.
 *
 * @param event the decoded event, or null
 * @param rejection why the line was rejected, or null
 */
public record DecodeResult(InteractionEvent event, Rejection rejection) {
  static DecodeResult ok(InteractionEvent event) {
    return new DecodeResult(event, null);
  }

  static DecodeResult rejected(Rejection rejection) {
    return new DecodeResult(null, rejection);
  }

  public boolean isOk() {
    return event != null;
  }
}
