package org.selflearn.rewriter.serve;

/**
 * What this serving instance holds of the customer-memory table shared by several instances (sharded serving), as
 * asked by another instance on {@code POST /internal/v1/personal}: the request the other instance received is for a
 * customer whose partition lives here.
 */
public interface PeerMemory {
  /**
   * The customer's memory in its binary form (an empty memory's bytes when none is held), or null when this instance
   * does not hold the customer's partition — as its owner, or also as a standby when {@code stale} allows one.
   */
  byte[] hostedProfile(String customerId, boolean stale);

  /** Whether this instance's share of the memories is assigned and restored ({@code /ready} says 503 until then). */
  boolean ready();
}
