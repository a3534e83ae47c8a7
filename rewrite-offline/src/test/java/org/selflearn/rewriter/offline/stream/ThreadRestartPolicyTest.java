package org.selflearn.rewriter.offline.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;

class ThreadRestartPolicyTest {
  @Test
  void shouldReplaceAFailingThreadAtMostNTimesThenShutTheJobDown() {
    ThreadRestartPolicy p = new ThreadRestartPolicy(2);
    IllegalStateException bug = new IllegalStateException("same bug every time");
    assertThat(p.handle(bug)).isEqualTo(REPLACE_THREAD);
    assertThat(p.handle(bug)).isEqualTo(REPLACE_THREAD);
    assertThat(p.handle(bug)).isEqualTo(SHUTDOWN_CLIENT);
    assertThat(p.failures()).isEqualTo(3);
    assertThat(p.lastFailure()).isSameAs(bug);
    assertThat(new ThreadRestartPolicy(0).handle(bug)).isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void theReplicationFactorOfInternalTopicsIsConfiguration() {
    RewriterConfig c = RewriterConfig.defaults().with(ConfigKeys.REPLICATION_FACTOR, 3);
    assertThat(MiningTopology.streamsConfig(c, "127.0.0.1:1", "/tmp/x").get("replication.factor")).isEqualTo(3);
  }
}
