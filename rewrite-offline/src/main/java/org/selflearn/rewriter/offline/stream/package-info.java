/**
 * The streaming mining job (Kafka Streams) and what it needs: {@link
 * org.selflearn.rewriter.offline.stream.MiningTopology} builds the topology from the configuration (validate and
 * de-duplicate, sessionize and mine with the same core as the file runner, aggregate per statistic and fact key into
 * RocksDB stores, emit to compacted topics; bad events to a dead-letter topic with the reason in a header), {@link
 * org.selflearn.rewriter.offline.stream.ModelStateKeeper} keeps each customer's memory and the task's ranker sample
 * (written once per commit through {@link org.selflearn.rewriter.offline.stream.CommitHook}) and erases a customer on
 * request ({@link org.selflearn.rewriter.offline.stream.ModelState} is what the processor sees of it; the {@link
 * org.selflearn.rewriter.offline.stream.MiningScope} of statistics only keeps none, a baseline for the stream bench),
 * {@link org.selflearn.rewriter.offline.stream.ContributionBuffer} combines a task's contributions per key between two
 * commits (forwarded from the commit hook by {@link org.selflearn.rewriter.offline.stream.CommitForwarder}), {@link
 * org.selflearn.rewriter.offline.stream.StreamJob} runs it, {@link
 * org.selflearn.rewriter.offline.stream.StreamModelSource} reads back everything a model needs and {@link
 * org.selflearn.rewriter.offline.stream.KafkaModelSource} publishes model versions from it, and {@link
 * org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker} is a real single-node KRaft broker on 127.0.0.1 for tests
 * and the demo. Per session key the job keeps one {@link org.selflearn.rewriter.offline.stream.SessionRecord} (open
 * session and the event ids seen; decoded in a write-back {@link org.selflearn.rewriter.offline.stream.SessionCache}),
 * and an {@link org.selflearn.rewriter.offline.stream.ExpiryQueue} says which keys are due. With differential privacy
 * on, {@link org.selflearn.rewriter.offline.stream.VoteKeeper} keeps each customer's bounded vote window and sends the
 * changes of their votes (retraction and addition per vote key) instead of statistic contributions (ADR 11).
 */
package org.selflearn.rewriter.offline.stream;
