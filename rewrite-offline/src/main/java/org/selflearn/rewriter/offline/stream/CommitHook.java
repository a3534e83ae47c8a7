package org.selflearn.rewriter.offline.stream;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store that stores nothing: it lets a processor keep a write-back buffer and write it out exactly when Kafka
 * Streams commits. A task flushes every store's cache before it flushes its producer and commits the transaction
 * (Kafka Streams 4.3: {@code StreamTask.flush()} → {@code ProcessorStateManager.flushCache()} →
 * {@link CachedStateStore#flushCache()} → {@code RecordCollector.flush()}), so what {@link #beforeCommit} writes into
 * an <em>uncached</em> changelogged store lands in the same transaction as the input offsets it reflects: nothing is
 * lost by a crash, and an aborted transaction discards both. {@link #onDiscard} is called when the task drops its
 * caches (a dirty close), and the processor must also forget its buffer in {@code init}.
 *
 * <p>{@link CachedStateStore} is an internal Kafka Streams interface; the version is pinned (design.md), and
 * {@code StreamModelIT} and {@code StreamMiningIT} (killed job, restarted broker) check the result.
 */
final class CommitHook implements StateStore, CachedStateStore<Object, Object> {
  static final String NAME = "commit-hook";

  private Runnable beforeCommit = () -> { };
  private Runnable onDiscard = () -> { };
  private boolean open;

  /** What to write out before each commit (on the task's thread). */
  void beforeCommit(Runnable r) {
    this.beforeCommit = r;
  }

  /** What to forget when the task drops its caches. */
  void onDiscard(Runnable r) {
    this.onDiscard = r;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> { });
    open = true;
  }

  @Override
  public void flushCache() {
    beforeCommit.run();
  }

  @Override
  public void clearCache() {
    onDiscard.run();
  }

  @Override
  public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
    return false;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** The builder the topology registers (one hook per task; no cache, no changelog of its own). */
  static StoreBuilder<CommitHook> builder() {
    return new StoreBuilder<>() {
      @Override
      public StoreBuilder<CommitHook> withCachingEnabled() {
        return this;
      }

      @Override
      public StoreBuilder<CommitHook> withCachingDisabled() {
        return this;
      }

      @Override
      public StoreBuilder<CommitHook> withLoggingEnabled(Map<String, String> config) {
        return this;
      }

      @Override
      public StoreBuilder<CommitHook> withLoggingDisabled() {
        return this;
      }

      @Override
      public CommitHook build() {
        return new CommitHook();
      }

      @Override
      public Map<String, String> logConfig() {
        return Map.of();
      }

      @Override
      public boolean loggingEnabled() {
        return false;
      }

      @Override
      public String name() {
        return NAME;
      }
    };
  }
}
