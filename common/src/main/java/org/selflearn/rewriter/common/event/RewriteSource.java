package org.selflearn.rewriter.common.event;

/** Which layer of the rewriter produced a rewrite. */
public enum RewriteSource {
  /** The offline-mined, absorbing-Markov-chain table. */
  PRECOMPUTED,
  /** The customer's own memory of successful requests. */
  PERSONAL,
  /** Requests that succeed for many customers. */
  GLOBAL
}
