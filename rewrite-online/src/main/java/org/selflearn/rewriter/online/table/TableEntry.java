package org.selflearn.rewriter.online.table;

/**
 * One precomputed rewrite with its evidence.
 *
 * @param target the request to execute instead (most frequent successful wording of the target state)
 * @param confidence lower confidence bound of the target's success probability
 * @param support chains with the source→target pair
 * @param customers distinct customers behind the pair
 * @param sourceSuccess the source's own success rate
 * @param targetSuccess the target's absorption probability into SUCCESS
 */
public record TableEntry(String target, double confidence, long support, long customers, double sourceSuccess,
    double targetSuccess) {}
