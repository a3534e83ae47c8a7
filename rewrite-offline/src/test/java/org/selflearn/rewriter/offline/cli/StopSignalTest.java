package org.selflearn.rewriter.offline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.junit.jupiter.api.Test;
import org.selflearn.rewriter.offline.stream.ThreadRestartPolicy;

class StopSignalTest {
  @Test
  void theShutdownHookWaitsUntilTheCommandHasClosed() throws Exception {
    StopSignal s = new StopSignal();
    CompletableFuture<Boolean> hook = CompletableFuture.supplyAsync(() -> s.requestAndAwaitClose(
        Duration.ofSeconds(30)));
    assertThat(s.awaitRequest(Duration.ofSeconds(10))).isTrue();
    Thread.sleep(200);
    assertThat(hook).as("still waiting for close()").isNotDone();
    s.closed();
    assertThat(hook.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theStreamCommandExitsNonZeroWhenTheJobGoesToError() throws Exception {
    ThreadRestartPolicy restarts = new ThreadRestartPolicy(0);
    restarts.handle(new IllegalStateException("deterministic bug"));
    assertThat(StreamCommand.watch(() -> KafkaStreams.State.ERROR, restarts, new StopSignal(), () -> { }))
        .isEqualTo(RewriteCli.INTERNAL);
    ThreadRestartPolicy missing = new ThreadRestartPolicy(0);
    missing.handle(new MissingSourceTopicException("topic gone"));
    assertThat(StreamCommand.watch(() -> KafkaStreams.State.ERROR, missing, new StopSignal(), () -> { }))
        .isEqualTo(RewriteCli.BAD_INPUT);
    StopSignal stop = new StopSignal();
    stop.requestAndAwaitClose(Duration.ZERO);
    assertThat(StreamCommand.watch(() -> KafkaStreams.State.RUNNING, new ThreadRestartPolicy(3), stop, () -> { }))
        .isZero();
  }
}
