package org.selflearn.rewriter.offline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.ConfigException;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

class ShardSettingsTest {
  @Test
  void servingInstancesReadTheMiningJobsMemoryChangelogUnderAnApplicationIdOfTheirOwn() {
    ShardSettings s = ShardSettings.from(RewriterConfig.defaults().with(ConfigKeys.APPLICATION_ID, "mine"));
    assertThat(s.memoriesTopic()).isEqualTo("mine-customer-memories-changelog");
    assertThat(s.applicationId()).isEqualTo("rewriter-serve").isNotEqualTo(
        RewriterConfig.defaults().get(ConfigKeys.APPLICATION_ID));
    assertThat(s.standbyReplicas()).isEqualTo(1);
  }

  @Test
  void theMiningJobsApplicationIdIsRefusedNamingTheKey() {
    RewriterConfig c = RewriterConfig.defaults().with(ConfigKeys.SHARD_APPLICATION_ID, "rewriter-mining");
    assertThatThrownBy(() -> ShardSettings.from(c)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("shard.application-id").hasMessageContaining("stream.application-id");
  }
}
