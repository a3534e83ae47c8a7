package org.selflearn.rewriter.common.event;

/** How the assistant answered a turn: served it, said it failed, or found nothing able to serve it. */
public enum ResponseStatus {
  SUCCESS, ERROR, UNHANDLED;

  /** Whether the assistant itself reported a failure. */
  public boolean isFailure() {
    return this != SUCCESS;
  }
}
