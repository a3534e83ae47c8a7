/**
 * The loop closed and measured: rounds of simulated traffic, each served by a model trained on every log before it,
 * with simulated customers who react to what the assistant executed.
 *
 * <p>Round 0 runs without a rewriter. Before round r (r ≥ 1) {@link org.selflearn.rewriter.offline.train.TrainJob}
 * trains a model on all logs so far (file mode); the round's days are then simulated with that model's
 * {@link org.selflearn.rewriter.online.QueryRewriter} deciding what is executed
 * ({@link org.selflearn.rewriter.offline.loop.RewriterHook}, the simulator's
 * {@link org.selflearn.rewriter.simulator.RewriteHook}). A right rewrite succeeds; a wrong one fails and the customer
 * barges in, rephrases or gives up. Rewritten turns carry the {@code rewrite} field of log format 1, so the next
 * round's mining measures the rewriter's own outcomes apart ({@code heard => rewritten} states) — the feedback-loop
 * safety the "Self-Aware Feedback-Based Self-Learning" paper (Amazon, 2022) asks for: re-mining traffic the rewriter
 * changed must not reinforce its own mistakes.
 *
 * <p>Each round is tallied ({@link org.selflearn.rewriter.offline.loop.RoundTally}): defect rate from the simulator's
 * own knowledge of which turns served the customer, rewrites scored with {@code truth} exactly as replay scores them
 * ({@link org.selflearn.rewriter.offline.replay.Outcome}), table size, per source. A harmful rewrite can be injected
 * into one round's table ({@link org.selflearn.rewriter.offline.loop.HarmfulRewrite}) to watch it being demoted.
 */
package org.selflearn.rewriter.offline.loop;
