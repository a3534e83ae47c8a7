package org.selflearn.rewriter.offline.stream;

import org.selflearn.rewriter.offline.mining.StatValue;
import org.selflearn.rewriter.offline.train.LatestValue;

/**
 * What the mining processor forwards, one of: a statistic contribution, a fact contribution, a customer's personal
 * memory (or its tombstone), a ranker example entering the sample (or a tombstone when it leaves), or a rejected
 * event's bytes for the dead-letter topic. Objects pass between the processors of one task unserialised, so a
 * contribution is encoded once, by the repartition sink.
 *
 * @param kind which one
 * @param stat the statistic contribution (STAT)
 * @param fact the fact contribution (FACT)
 * @param bytes the memory, example or rejected value (MEMORY, SAMPLE, DEAD_LETTER); null for a tombstone
 */
record MiningOutput(Kind kind, StatValue stat, LatestValue fact, byte[] bytes) {
  enum Kind { STAT, FACT, MEMORY, SAMPLE, DEAD_LETTER }

  static MiningOutput of(StatValue contribution) {
    return new MiningOutput(Kind.STAT, contribution, null, null);
  }

  static MiningOutput of(LatestValue fact) {
    return new MiningOutput(Kind.FACT, null, fact, null);
  }

  static MiningOutput memory(byte[] memory) {
    return new MiningOutput(Kind.MEMORY, null, null, memory);
  }

  static MiningOutput sample(byte[] example) {
    return new MiningOutput(Kind.SAMPLE, null, null, example);
  }

  static MiningOutput deadLetter(byte[] value) {
    return new MiningOutput(Kind.DEAD_LETTER, null, null, value);
  }

  boolean is(Kind k) {
    return kind == k;
  }
}
