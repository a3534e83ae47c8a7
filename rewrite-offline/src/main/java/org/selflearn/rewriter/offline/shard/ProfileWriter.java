package org.selflearn.rewriter.offline.shard;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.IndexBuilder;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each record of the mining job's customer-memory changelog into the profile the request path reads, stored
 * under the hashed customer id ({@link PersonalMemory#key}); a tombstone (the customer was erased) or an empty
 * memory deletes it. Unreadable bytes are skipped and counted, never fatal, and never logged with the id.
 */
final class ProfileWriter implements Processor<String, byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileWriter.class);
  private final int maxEntries;
  private final Function<String, float[]> vectors;
  private final ShardMetrics metrics;
  private KeyValueStore<byte[], byte[]> store;

  ProfileWriter(int maxEntries, Function<String, float[]> vectors, ShardMetrics metrics) {
    this.maxEntries = maxEntries;
    this.vectors = vectors;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(ProfileTopology.STORE);
  }

  @Override
  public void process(Record<String, byte[]> r) {
    if (r.key() == null) {
      metrics.skipped();
      return;
    }
    byte[] key = PersonalMemory.key(r.key());
    if (r.value() == null) {
      store.delete(key);
      metrics.erased();
      return;
    }
    CustomerMemory memory;
    try {
      memory = CustomerMemory.fromBytes(r.value());
    } catch (RuntimeException e) {
      metrics.skipped();
      LOG.warn("skipped an unreadable customer memory at offset {}: {}", r.timestamp(), e.getMessage());
      return;
    }
    if (memory.isEmpty()) {
      store.delete(key);
    } else {
      PersonalProfile p = IndexBuilder.profile(memory, maxEntries, vectors);
      store.put(key, p.toBytes());
    }
    metrics.written();
  }
}
