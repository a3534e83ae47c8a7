package org.selflearn.rewriter.offline.solve;

import java.util.List;
import java.util.Map;
import org.selflearn.rewriter.markov.RewriteDecision;
import org.selflearn.rewriter.online.table.TableEntry;

/**
 * What solving produced.
 *
 * @param entries kept rewrites by normalised source
 * @param decisions every decision, kept or dropped, with evidence
 * @param absorption SUCCESS absorption probability by state
 * @param groups connected groups solved
 * @param largestGroup states in the largest group
 * @param seconds solve time
 */
public record SolveResult(Map<String, TableEntry> entries, List<RewriteDecision> decisions,
    Map<String, Double> absorption, int groups, int largestGroup, double seconds) {}
