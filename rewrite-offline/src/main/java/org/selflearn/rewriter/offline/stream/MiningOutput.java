package org.selflearn.rewriter.offline.stream;

import org.selflearn.rewriter.offline.mining.StatValue;

/**
 * What the mining processor forwards: a statistic contribution, or a rejected event's bytes for the dead-letter
 * topic. Exactly one is set. Objects pass between the processors of one task unserialised, so a contribution is
 * encoded once, by the repartition sink.
 *
 * @param contribution a statistic contribution, or null
 * @param deadLetter the rejected record's value as received, or null
 */
record MiningOutput(StatValue contribution, byte[] deadLetter) {
  static MiningOutput of(StatValue contribution) {
    return new MiningOutput(contribution, null);
  }

  static MiningOutput deadLetter(byte[] value) {
    return new MiningOutput(null, value);
  }

  boolean isDeadLetter() {
    return deadLetter != null;
  }
}
