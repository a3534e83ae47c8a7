/**
 * Differential privacy of the global part of a model (rewrite table, global index, ranker examples drawn from other
 * customers): the only package that samples privacy noise. What it guarantees and how to choose ε is in
 * {@code docs/privacy.md}.
 *
 * <ul>
 *   <li>{@link org.selflearn.rewriter.offline.privacy.ContributionBounder}: each customer contributes at most L chains
 *       per source request and at most M source requests per publish window, chosen by a keyed hash (order-free).
 *       This is what makes a {@link org.selflearn.rewriter.offline.privacy.Sensitivity} true rather than assumed
 *       (Wilson et al., "Differentially Private SQL with Bounded User Contribution", PoPETs 2020).
 *   <li>{@link org.selflearn.rewriter.offline.privacy.NoiseSampler}: exact samplers of the discrete Laplace and the
 *       discrete Gaussian (Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS
 *       2020, Algorithms 1–3), integer and rational arithmetic only, randomness from {@code SecureRandom}; no
 *       floating-point noise, whose rounding leaks (Mironov, CCS 2012).
 *   <li>{@link org.selflearn.rewriter.offline.privacy.PartitionSelection}: which keys appear at all, by Laplace
 *       thresholding of bounded counts (Korolova et al., "Releasing search queries and clicks privately", WWW 2009;
 *       Desfontaines et al., "Differentially private partition selection", PoPETs 2022).
 *   <li>{@link org.selflearn.rewriter.offline.privacy.NoisyCounts}: the Laplace mechanism (Dwork, McSherry, Nissim
 *       and Smith, TCC 2006) on the counts of released keys, in its discrete form (Ghosh, Roughgarden and
 *       Sundararajan, STOC 2009).
 *   <li>{@link org.selflearn.rewriter.offline.privacy.PrivacyBudget}: ε and δ of one publish, their split, and their
 *       composition over publishes (basic composition; advanced composition of Dwork, Rothblum and Vadhan, FOCS
 *       2010). {@link org.selflearn.rewriter.offline.privacy.PrivacySettings} reads them from the configuration.
 * </ul>
 *
 * <p>Pure Java, no I/O: file mode and the streaming job call the same classes. Where they are called from:
 * {@code mining.RequestVotes} bounds a publish window (file mode: once, at its end), {@code mining.CustomerVotes} one
 * customer's window each time it grows (the streaming job, which holds it pruned by
 * {@link org.selflearn.rewriter.offline.privacy.ContributionBounder#prune}), and
 * {@code train.PrivateRelease} selects and noises, in the model build that file mode and the publisher share.
 */
package org.selflearn.rewriter.offline.privacy;
