package org.selflearn.rewriter.offline.stream;

import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.mining.LatestValue;

/**
 * What the mining processor forwards, one of: a statistic contribution, a fact contribution, or a rejected event's
 * bytes for the dead-letter topic. Objects pass between the processors of one task unserialised, so a
 * contribution is encoded once, by the repartition sink.
 *
 * @param kind which one
 * @param stat the statistic contribution (STAT)
 * @param fact the fact contribution (FACT)
 * @param bytes the rejected value (DEAD_LETTER)
 */
record MiningOutput(Kind kind, StatValue stat, LatestValue fact, byte[] bytes) {
  enum Kind { STAT, FACT, DEAD_LETTER }

  static MiningOutput of(StatValue contribution) {
    return new MiningOutput(Kind.STAT, contribution, null, null);
  }

  static MiningOutput of(LatestValue fact) {
    return new MiningOutput(Kind.FACT, null, fact, null);
  }

  static MiningOutput deadLetter(byte[] value) {
    return new MiningOutput(Kind.DEAD_LETTER, null, null, value);
  }

  boolean is(Kind k) {
    return kind == k;
  }
}
