/**
 * Several serving instances sharing customers' personal memories, kept where the stream keeps them (README, "Several
 * serving instances"). The mining job's customer-memory changelog is the source: {@link
 * org.selflearn.rewriter.offline.shard.ProfileTopology} is a Kafka Streams application of its own (id
 * {@code shard.application-id}) whose instances each host the partitions Kafka assigns them, turning each memory into
 * the profile the request path reads ({@link org.selflearn.rewriter.offline.shard.ProfileWriter}, the same conversion
 * as the model build), with standby replicas, restore and rebalancing as Kafka Streams provides them. {@link
 * org.selflearn.rewriter.offline.shard.ShardedPersonalStore} answers a request for any customer: from its own
 * partitions, else by asking the owner over HTTP ({@link org.selflearn.rewriter.offline.shard.PeerClient}) within the
 * request budget, else a standby; when none answers, the request goes on with the global layers.
 */
package org.selflearn.rewriter.offline.shard;
