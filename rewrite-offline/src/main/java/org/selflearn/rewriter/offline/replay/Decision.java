package org.selflearn.rewriter.offline.replay;

/**
 * What a strategy did with one turn; written as one line of the decisions file (design.md).
 *
 * @param eventId the event
 * @param rewrite the rewrite, or null
 * @param source PRECOMPUTED / PERSONAL / GLOBAL (or the baseline's name), or null
 * @param score its score, or null
 * @param micros time the decision took, in microseconds
 */
public record Decision(String eventId, String rewrite, String source, Double score, long micros) {}
