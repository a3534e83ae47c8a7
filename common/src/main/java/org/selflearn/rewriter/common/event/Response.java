package org.selflearn.rewriter.common.event;

import java.util.Objects;

/**
 * The assistant's answer to a turn.
 *
 * @param status required
 * @param text what the assistant said, may be null
 */
public record Response(ResponseStatus status, String text) {
  public Response {
    Objects.requireNonNull(status, "status");
  }
}
