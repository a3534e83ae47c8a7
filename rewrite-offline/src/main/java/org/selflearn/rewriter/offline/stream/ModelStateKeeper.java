package org.selflearn.rewriter.offline.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.selflearn.rewriter.offline.mining.MinedSession;
import org.selflearn.rewriter.offline.train.CustomerMemory;
import org.selflearn.rewriter.offline.train.ExampleSample;
import org.selflearn.rewriter.offline.train.RankerExamples;
import org.selflearn.rewriter.offline.train.TrainingExample;
import org.selflearn.rewriter.offline.train.ModelFacts;

/**
 * The part of a task's state that a model needs beside the statistics, kept with file mode's classes: one
 * {@link CustomerMemory} per customer (store {@value #MEMORIES_STORE}), the task's {@link ExampleSample}s of ranker
 * examples (store {@value #SAMPLE_STORE}) and the {@link ModelFacts} contributions (forwarded). What changed since the
 * last commit is held in memory and written to the (uncached) stores once, just before the commit
 * ({@link CommitHook}, through the processor): a customer with many sessions in a commit interval costs one serialisation and one changelog
 * record, and an example that enters and leaves the sample between two commits costs nothing. The stores' changelog
 * topics are what the publisher reads ({@link #changelog}). Erasure deletes a customer's memory and examples (the
 * processor deletes their open sessions): the changelogs get tombstones. Called from the task's thread only.
 */
public final class ModelStateKeeper implements ModelState {
  /** The customer-memory store; its changelog (keyed by customer id) is what serving instances keep ({@link #changelog}). */
  public static final String MEMORIES_STORE = "customer-memories";
  static final String SAMPLE_STORE = "ranker-sample";
  private static final char POSITIVE = 'P';
  private static final char NEGATIVE = 'N';
  private final int memoryCapacity;
  private final ExampleSample positives;
  private final ExampleSample negatives;
  /** Sample changes since the last commit: key → the example that entered, or null for one that left. */
  private final Map<String, TrainingExample> sampleChanges = new java.util.HashMap<>();
  private KeyValueStore<String, byte[]> samples;
  /** Memories changed since the last commit (written out by {@link #writeDirty}). */
  private final Map<String, CustomerMemory> dirty = new java.util.HashMap<>();
  private KeyValueStore<String, byte[]> memories;

  ModelStateKeeper(int memoryCapacity, int examplesPerKind) {
    this.memoryCapacity = memoryCapacity;
    this.positives = new ExampleSample(examplesPerKind);
    this.negatives = new ExampleSample(examplesPerKind);
  }

  /**
   * Attaches the stores, forgets anything held from before (a task re-initialised) and reloads the sample from its
   * store.
   */
  @Override
  public void init(ProcessorContext<?, ?> context) {
    this.memories = context.getStateStore(MEMORIES_STORE);
    this.samples = context.getStateStore(SAMPLE_STORE);
    discard();
  }

  /** Drops what was not written (a dirty close: the stores are restored from their changelogs) and reloads. */
  @Override
  public void discard() {
    dirty.clear();
    sampleChanges.clear();
    positives.clear();
    negatives.clear();
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = samples.all()) {
      while (it.hasNext()) {
        var kv = it.next();
        TrainingExample e = TrainingExample.fromBytes(kv.value);
        ExampleSample.Offer o = sampleOf(e).offer(e);
        if (o.evicted() != null) {
          stale.add(key(o.evicted())); // beyond a smaller ranker.examples-per-kind than the store was filled with
        }
      }
    }
    stale.forEach(samples::delete);
  }

  /** Writes what changed since the last commit into the stores (and so their changelogs). */
  @Override
  public void beforeCommit() {
    dirty.forEach((customer, memory) -> memories.put(customer, memory.toBytes()));
    dirty.clear();
    sampleChanges.forEach((key, example) -> {
      if (example == null) {
        samples.delete(key);
      } else {
        samples.put(key, example.toBytes());
      }
    });
    sampleChanges.clear();
  }

  /** Folds a mined session into the customer's memory and forwards its facts. */
  @Override
  public void accept(MinedSession s, Outputs out) {
    String customer = s.turns().get(0).customerId();
    CustomerMemory memory = dirty.get(customer);
    if (memory == null) {
      byte[] stored = memories.get(customer);
      memory = stored == null ? new CustomerMemory() : CustomerMemory.fromBytes(stored);
    }
    memory.accept(s, memoryCapacity);
    dirty.put(customer, memory);
    ModelFacts.contributions(s, out::fact);
    RankerExamples.of(s, e -> {
      ExampleSample.Offer o = sampleOf(e).offer(e);
      if (o.kept()) {
        sampleChanges.put(key(e.positive(), o.key()), e); // the key the offer computed
      }
      if (o.evicted() != null) {
        sampleChanges.put(key(o.evicted()), null);
      }
    });
  }

  /** Deletes what the task holds of a customer: their memory and their sampled ranker examples. */
  @Override
  public int erase(String customer) {
    boolean held = dirty.remove(customer) != null;
    int deleted = memories.delete(customer) != null || held ? 1 : 0;
    for (ExampleSample sample : List.of(positives, negatives)) {
      char kind = sample == positives ? POSITIVE : NEGATIVE;
      for (long k : sample.removeCustomer(customer)) {
        sampleChanges.remove(kind + Long.toHexString(k));
        samples.delete(kind + Long.toHexString(k));
        deleted++;
      }
    }
    return deleted;
  }

  private ExampleSample sampleOf(TrainingExample e) {
    return e.positive() ? positives : negatives;
  }

  /** The sample store's key of an example: its kind and its sample key. */
  static String key(TrainingExample e) {
    return key(e.positive(), e.sampleKey());
  }

  private static String key(boolean positive, long sampleKey) {
    return (positive ? POSITIVE : NEGATIVE) + Long.toHexString(sampleKey);
  }

  /** The changelog topic of one of the job's stores: {@code <application id>-<store>-changelog} (Kafka Streams' name). */
  public static String changelog(String applicationId, String store) {
    return applicationId + "-" + store + "-changelog";
  }
}
