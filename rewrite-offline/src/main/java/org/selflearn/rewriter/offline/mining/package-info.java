/**
 * The mining core, plain Java, shared by the file runner and the Kafka Streams processor so that the two modes cannot
 * drift apart: {@link org.selflearn.rewriter.offline.mining.Turn} (the compact form of an event),
 * {@link org.selflearn.rewriter.offline.mining.SessionBuffer} (per-customer sessions by inactivity gap, tolerating
 * out-of-order arrival), {@link org.selflearn.rewriter.offline.mining.RephraseDetector} (is the next turn a rephrase
 * of this one?), {@link org.selflearn.rewriter.offline.mining.SessionMiner} (labels turns defect/success, cuts
 * rephrase chains, emits the contributions of each statistic, {@link org.selflearn.rewriter.offline.mining.StatKey}
 * and {@link org.selflearn.rewriter.offline.mining.StatValue}) and
 * {@link org.selflearn.rewriter.offline.mining.MinedStats} (the aggregated statistics the solver reads).
 *
 * <p>With differential privacy on ({@code privacy.epsilon} > 0, docs/privacy.md) the file runner aggregates nothing
 * unbounded: {@link org.selflearn.rewriter.offline.mining.RequestVotes} keeps each customer's window and, at its end,
 * bounds it (at most M requests, L chains each) into one {@link org.selflearn.rewriter.offline.mining.RequestVote}
 * per kept (customer, request), the only statistics a private model is released from. The streaming job keeps the
 * same window per customer ({@link org.selflearn.rewriter.offline.mining.CustomerVotes}) and sends the changes of
 * that customer's votes whenever it grows, so the sum over customers is the same tally.
 *
 * <p>The rephrase rule and the labels are documented in the README ("How mining decides"), with measured precision
 * and recall.
 */
package org.selflearn.rewriter.offline.mining;
