package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/** Creates the job's topics when missing: input, dead letters, and the compacted statistics topic. */
public final class Topics {
  private Topics() {}

  public static void ensure(Admin admin, RewriterConfig config, int partitions, short replication) {
    try {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> create = new ArrayList<>();
      add(create, existing, new NewTopic(config.get(ConfigKeys.INPUT_TOPIC), partitions, replication));
      add(create, existing, new NewTopic(config.get(ConfigKeys.DEAD_LETTER_TOPIC), partitions, replication));
      add(create, existing, new NewTopic(config.get(ConfigKeys.STATS_TOPIC), partitions, replication)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      if (!create.isEmpty()) {
        admin.createTopics(create).all().get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the mining topics: " + e.getMessage(), e);
    }
  }

  private static void add(List<NewTopic> create, Set<String> existing, NewTopic t) {
    if (!existing.contains(t.name())) {
      create.add(t);
    }
  }
}
