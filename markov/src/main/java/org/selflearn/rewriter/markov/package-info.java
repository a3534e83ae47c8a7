/**
 * Absorbing Markov chains of rephrase behaviour and the policy that turns them into rewrites; pure Java, no I/O.
 *
 * <p>Transient states are requests (normalised utterances, or interpretations); the two absorbing states are SUCCESS
 * and FAILURE. {@link org.selflearn.rewriter.markov.ChainBuilder} accumulates transition counts and splits the graph
 * into connected groups ({@link org.selflearn.rewriter.markov.AbsorbingChain}, CSR arrays), each solved alone for the
 * absorption probabilities B = (I − Q)<sup>−1</sup>R: exactly by dense LU with partial pivoting for small groups
 * ({@link org.selflearn.rewriter.markov.DenseLuSolver}) and by Gauss–Seidel for large ones
 * ({@link org.selflearn.rewriter.markov.GaussSeidelSolver}). See Kemeny &amp; Snell, <i>Finite Markov Chains</i> (1960),
 * ch. III, and Ponnusamy et al., "Feedback-Based Self-Learning in Large-Scale Conversational AI Agents", AAAI 2020,
 * for the use of absorption probabilities to pick rewrites.
 *
 * <p>{@link org.selflearn.rewriter.markov.RewriteSelectionPolicy} then keeps, for each source, the reachable target
 * with the best success probability, only when it passes the support, distinct-customer, gain and confidence-bound
 * gates ({@link org.selflearn.rewriter.markov.SelectionGates}).
 */
package org.selflearn.rewriter.markov;
