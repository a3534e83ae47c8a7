package org.selflearn.rewriter.offline.shard;

import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.ModelStateKeeper;

/**
 * How a serving instance takes part in sharded serving, from the configuration.
 *
 * @param applicationId the serving instances' Kafka Streams application id ({@code shard.application-id})
 * @param memoriesTopic the mining job's customer-memory changelog, the source of every profile
 * @param standbyReplicas warm copies of each partition on other instances
 * @param forwardTimeoutMillis the longest wait for another instance
 * @param advertisedHost the host other instances reach this one at
 * @param sessionTimeoutMillis how long the group waits for a silent instance
 * @param stateDir where the local partitions live ({@code stream.state-dir})
 * @param maxEntries requests and pairs kept per customer ({@code online.personal-max-entries})
 * @param replicationFactor of the application's changelog topics
 */
public record ShardSettings(String applicationId, String memoriesTopic, int standbyReplicas,
    int forwardTimeoutMillis, String advertisedHost, int sessionTimeoutMillis, String stateDir, int maxEntries,
    int replicationFactor) {

  /** The settings of a configuration; the serving application id must not be the mining job's. */
  public static ShardSettings from(RewriterConfig c) {
    String mining = c.get(ConfigKeys.APPLICATION_ID);
    String serving = c.get(ConfigKeys.SHARD_APPLICATION_ID);
    if (serving.equals(mining)) {
      throw new ConfigException(ConfigKeys.SHARD_APPLICATION_ID.name(), "must differ from "
          + ConfigKeys.APPLICATION_ID.name() + " (both are '" + mining + "'): the serving instances would join the"
          + " mining job's group");
    }
    return new ShardSettings(serving, ModelStateKeeper.changelog(mining, ModelStateKeeper.MEMORIES_STORE),
        c.get(ConfigKeys.SHARD_STANDBY_REPLICAS), c.get(ConfigKeys.SHARD_FORWARD_TIMEOUT_MS),
        c.get(ConfigKeys.SHARD_ADVERTISED_HOST), c.get(ConfigKeys.SHARD_SESSION_TIMEOUT_MS),
        c.get(ConfigKeys.STATE_DIR), c.get(ConfigKeys.PERSONAL_MAX_ENTRIES), c.get(ConfigKeys.REPLICATION_FACTOR));
  }
}
