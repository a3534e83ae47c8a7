package org.selflearn.rewriter.common.event;

/**
 * Implicit and explicit feedback observed on a turn.
 *
 * @param bargeIn the customer interrupted the response
 * @param feedback explicit feedback, {@link Feedback#NONE} when absent
 * @param engagementMs how long the customer consumed the result, 0 when absent
 */
public record Signals(boolean bargeIn, Feedback feedback, long engagementMs) {
  /** No signal at all: what an event without a {@code signals} object means. */
  public static final Signals NONE = new Signals(false, Feedback.NONE, 0);

  public Signals {
    feedback = feedback == null ? Feedback.NONE : feedback;
  }
}
