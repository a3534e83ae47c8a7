package org.selflearn.rewriter.simulator;

import org.selflearn.rewriter.common.event.AppliedRewrite;

/**
 * What the assistant executes for a heard request: the simulator asks it once per turn, before the assistant acts.
 * A closed loop plugs a rewriter in here; the simulator itself knows nothing of how the rewrite is made (the
 * dependency points from the rewriter's side to the simulator, never back).
 *
 * <p>The simulated customer reacts to what was executed: a rewrite into the request they meant (its intended wording
 * or an equivalent) is served as if heard right; any other rewrite fails as a misrecognition does, and the customer
 * barges in, rephrases or gives up. The event of a rewritten turn carries the rewrite ({@code rewrite} field of log
 * format 1); {@code utterance} keeps what was heard.
 */
@FunctionalInterface
public interface RewriteHook {
  /** Executes every request as heard. */
  RewriteHook NONE = request -> null;

  /**
   * Decides what to execute.
   *
   * @param request the heard request with its context
   * @return the rewrite to execute, or null to execute the request as heard (a rewrite equal to the heard request
   *     after normalisation counts as none)
   */
  AppliedRewrite execute(HeardRequest request);
}
