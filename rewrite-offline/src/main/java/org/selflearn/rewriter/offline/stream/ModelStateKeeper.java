package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.ExampleSample;
import org.selflearn.rewriter.offline.train.LatestValue;
import org.selflearn.rewriter.offline.train.ModelFacts;
import org.selflearn.rewriter.offline.train.RankerExamples;
import org.selflearn.rewriter.offline.train.TrainingExample;

/**
 * The part of a task's state that a model needs beside the statistics, kept with file mode's classes: one
 * {@link CustomerMemory} per customer (store {@value #MEMORIES_STORE}, forwarded whole after each session), the
 * task's {@link ExampleSample}s (store {@value #SAMPLE_STORE}; an example entering is forwarded, one leaving is
 * forwarded as a tombstone) and the {@link ModelFacts} contributions. Erasure deletes a customer's memory, examples
 * and open sessions, and forwards tombstones. Called from the task's thread only.
 */
final class ModelStateKeeper {
  static final String MEMORIES_STORE = "customer-memories";
  static final String SAMPLE_STORE = "ranker-sample";
  private static final char POSITIVE = 'P';
  private static final char NEGATIVE = 'N';

  private final int memoryCapacity;
  private final ExampleSample positives;
  private final ExampleSample negatives;
  private KeyValueStore<String, byte[]> memories;
  private KeyValueStore<String, byte[]> samples;

  ModelStateKeeper(int memoryCapacity, int examplesPerKind) {
    this.memoryCapacity = memoryCapacity;
    this.positives = new ExampleSample(examplesPerKind);
    this.negatives = new ExampleSample(examplesPerKind);
  }

  /** Attaches the stores and reloads the sample (examples beyond the capacity leave the store). */
  void init(KeyValueStore<String, byte[]> memoryStore, KeyValueStore<String, byte[]> sampleStore) {
    this.memories = memoryStore;
    this.samples = sampleStore;
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = samples.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        TrainingExample e = TrainingExample.fromBytes(kv.value);
        ExampleSample.Offer o = sampleOf(e).offer(e);
        if (o.evicted() != null) {
          stale.add(key(o.evicted()));
        }
      }
    }
    stale.forEach(samples::delete);
  }

  /** Folds a mined session into the customer's memory, the sample and the facts; forwards what changed. */
  void accept(MinedSession s, Outputs out) {
    String customer = s.turns().get(0).customerId();
    byte[] stored = memories.get(customer);
    CustomerMemory memory = stored == null ? new CustomerMemory() : CustomerMemory.fromBytes(stored);
    memory.accept(s, memoryCapacity);
    byte[] bytes = memory.toBytes();
    memories.put(customer, bytes);
    out.memory(customer, bytes);
    ModelFacts.contributions(s, out::fact);
    RankerExamples.of(s, e -> {
      ExampleSample.Offer o = sampleOf(e).offer(e);
      if (o.kept()) {
        byte[] example = e.toBytes();
        samples.put(key(e), example);
        out.sample(key(e), example);
      }
      if (o.evicted() != null) {
        samples.delete(key(o.evicted()));
        out.sample(key(o.evicted()), null);
      }
    });
  }

  /** Deletes what the task holds of a customer; {@code sessions} is the open-sessions store (keys start with the id). */
  int erase(String customer, KeyValueStore<String, byte[]> sessions, Outputs out) {
    int deleted = 0;
    if (memories.delete(customer) != null) {
      deleted++;
    }
    out.memory(customer, null); // a tombstone even when this task held nothing: the topic may hold an older value
    for (ExampleSample sample : List.of(positives, negatives)) {
      char kind = sample == positives ? POSITIVE : NEGATIVE;
      for (long k : sample.removeCustomer(customer)) {
        String key = kind + Long.toHexString(k);
        samples.delete(key);
        out.sample(key, null);
        deleted++;
      }
    }
    List<String> open = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = sessions.prefixScan(customer + "\u0000", new StringSerializer())) {
      it.forEachRemaining(kv -> open.add(kv.key));
    }
    open.forEach(sessions::delete);
    return deleted + open.size();
  }

  private ExampleSample sampleOf(TrainingExample e) {
    return e.positive() ? positives : negatives;
  }

  /** The sample topic's key of an example: its kind and its sample key. */
  static String key(TrainingExample e) {
    return (e.positive() ? POSITIVE : NEGATIVE) + Long.toHexString(e.sampleKey());
  }

  /** Where the keeper's changes go. */
  interface Outputs {
    void memory(String customer, byte[] memoryOrNull);

    void sample(String key, byte[] exampleOrNull);

    void fact(String key, LatestValue value);
  }
}
