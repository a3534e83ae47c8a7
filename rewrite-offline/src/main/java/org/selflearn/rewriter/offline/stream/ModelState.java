package org.selflearn.rewriter.offline.stream;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.selflearn.rewriter.offline.mining.LatestValue;
import org.selflearn.rewriter.offline.mining.MinedSession;

/**
 * What a mining task keeps of each mined session beside the statistics it forwards: {@link ModelStateKeeper} (the
 * job) or {@link #NONE} (the statistics-only baseline of {@link MiningScope#STATISTICS_ONLY}). Called from the task's
 * thread only.
 */
interface ModelState {
  /** Keeps nothing. */
  ModelState NONE = new ModelState() {
    @Override
    public void init(ProcessorContext<?, ?> context) { }

    @Override
    public void accept(MinedSession s, Outputs out) { }

    @Override
    public int erase(String customer) {
      return 0;
    }

    @Override
    public void beforeCommit() { }

    @Override
    public void discard() { }
  };

  /** Attaches the task's stores (a task re-initialised forgets what it held). */
  void init(ProcessorContext<?, ?> context);

  /** Folds a mined session in and forwards its fact contributions. */
  void accept(MinedSession s, Outputs out);

  /** Deletes what is held of a customer; returns how many records went. */
  int erase(String customer);

  /** Writes what changed since the last commit into the task's stores (called just before each commit). */
  void beforeCommit();

  /** Forgets what was not written (the task dropped its uncommitted work; the stores are restored). */
  void discard();

  /** Where fact contributions go. */
  interface Outputs {
    void fact(String key, LatestValue value);
  }
}
