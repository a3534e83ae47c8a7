package org.selflearn.rewriter.online.index;

import java.util.List;

/**
 * Where customers' personal memories are read on the request path: the model directory's own store
 * ({@link PersonalMemory}, single-node), or the partitions of a stream-kept table that serving instances share
 * (sharded; supplied by the caller to {@link org.selflearn.rewriter.online.QueryRewriter#open}). Thread-safe.
 */
public interface PersonalStore extends AutoCloseable {
  /**
   * The customer's memory, within {@code timeoutNanos} for a store that may have to ask another process. Never
   * throws for an unreachable holder: it answers {@link PersonalLookup#failed}.
   */
  PersonalLookup lookup(String customerId, long timeoutNanos);

  /** Erases the customer's memory (or asks whoever keeps it to); returns whether one was held. */
  boolean forget(String customerId);

  /** Up to {@code n} memories held here, whoever they belong to (warm-up). */
  List<PersonalProfile> sampleProfiles(int n);

  @Override
  void close();
}
