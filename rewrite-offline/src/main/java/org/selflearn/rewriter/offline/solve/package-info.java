/**
 * Solve and publish: mined statistics → absorbing chains ({@code markov}) → rewrite decisions → a versioned RocksDB
 * table published atomically ({@link org.selflearn.rewriter.offline.solve.TablePublisher}).
 */
package org.selflearn.rewriter.offline.solve;
