package org.selflearn.rewriter.offline.stream;

/**
 * What the mining job keeps beside the transition statistics. {@link #MODEL} is the job: everything a model version
 * needs. {@link #STATISTICS_ONLY} is the job as it was before it kept model state, and is only there to be measured
 * next to it ({@code ./rewrite bench stream}): a model cannot be published from it.
 */
public enum MiningScope {
  /** Statistics, facts, each customer's memory and the ranker sample (stores customer-memories, ranker-sample). */
  MODEL,
  /** Statistics and dead letters only: no facts, memories or sample (a baseline for the stream bench). */
  STATISTICS_ONLY
}
