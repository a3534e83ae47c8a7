/**
 * The streaming mining job (Kafka Streams) and what it needs: {@link
 * org.selflearn.rewriter.offline.stream.MiningTopology} builds the topology from the configuration (validate and
 * de-duplicate, sessionize and mine with the same core as the file runner, aggregate per statistic key into a RocksDB
 * store, emit to a compacted topic; bad events to a dead-letter topic with the reason in a header), {@link
 * org.selflearn.rewriter.offline.stream.StreamJob} runs it, {@link
 * org.selflearn.rewriter.offline.stream.EmbeddedKafkaBroker} is a real single-node KRaft broker on 127.0.0.1 for tests
 * and the demo, and {@link org.selflearn.rewriter.offline.stream.StatsTopicReader} materialises the output topic.
 * Per session key the job keeps one {@link org.selflearn.rewriter.offline.stream.SessionRecord} (open session and the
 * event ids seen), and an {@link org.selflearn.rewriter.offline.stream.ExpiryQueue} says which keys are due.
 */
package org.selflearn.rewriter.offline.stream;
