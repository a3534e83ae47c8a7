package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

/**
 * Creates the job's topics when missing: input and erasures (same partition count: both are keyed by customer and read
 * by the same task), dead letters, and the compacted output topics (statistics, facts). Kafka Streams creates the stores' changelogs.
 */
public final class Topics {
  private Topics() {}

  /** Creates missing topics with {@code stream.replication-factor} (-1: the broker's default). */
  public static void ensure(Admin admin, RewriterConfig config, int partitions) {
    int rf = config.get(ConfigKeys.REPLICATION_FACTOR);
    create(admin, config, partitions, rf < 0 ? Optional.empty() : Optional.of((short) rf));
  }

  /** Creates missing topics with an explicit replication factor (tests, benchmarks, the in-process broker). */
  public static void ensure(Admin admin, RewriterConfig config, int partitions, short replication) {
    create(admin, config, partitions, Optional.of(replication));
  }

  private static void create(Admin admin, RewriterConfig config, int partitions, Optional<Short> replication) {
    long timeout = config.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS);
    try {
      Set<String> existing = admin.listTopics().names().get(timeout, TimeUnit.SECONDS);
      List<NewTopic> create = new ArrayList<>();
      Optional<Integer> p = Optional.of(partitions);
      add(create, existing, new NewTopic(config.get(ConfigKeys.INPUT_TOPIC), p, replication));
      add(create, existing, new NewTopic(config.get(ConfigKeys.DEAD_LETTER_TOPIC), p, replication));
      add(create, existing, new NewTopic(config.get(ConfigKeys.ERASURE_TOPIC), p, replication));
      for (var compacted : List.of(ConfigKeys.STATS_TOPIC, ConfigKeys.FACTS_TOPIC)) {
        add(create, existing, new NewTopic(config.get(compacted), p, replication)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      }
      if (!create.isEmpty()) {
        admin.createTopics(create).all().get(timeout, TimeUnit.SECONDS);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("cannot create the mining topics: " + cause.getMessage()
          + " (partitions " + partitions + ", replication factor " + replication.map(String::valueOf)
          .orElse("the broker's default") + ", see stream.replication-factor)", cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalArgumentException("cannot create the mining topics: no answer within " + timeout
          + " s (stream.connect-timeout-seconds)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the mining topics", e);
    }
  }

  private static void add(List<NewTopic> create, Set<String> existing, NewTopic t) {
    if (!existing.contains(t.name())) {
      create.add(t);
    }
  }
}
