package org.selflearn.rewriter.offline.shard;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.StreamsMetadata;
import org.selflearn.rewriter.config.ConfigKeys;
import org.selflearn.rewriter.config.RewriterConfig;
import org.selflearn.rewriter.offline.stream.ErasureRequest;
import org.selflearn.rewriter.online.index.PersonalLookup;
import org.selflearn.rewriter.online.index.PersonalMemory;
import org.selflearn.rewriter.online.index.PersonalProfile;
import org.selflearn.rewriter.online.index.PersonalStore;
import org.selflearn.rewriter.serve.PeerMemory;

/**
 * Customers' personal memories shared by several serving instances: this instance hosts the partitions Kafka
 * assigns it ({@link ProfileTopology}) and answers for every customer. A lookup asks Kafka Streams which instance owns
 * the customer's partition ({@code queryMetadataForKey}); reads this instance's store when it is the owner; else asks
 * the owner over HTTP ({@link PeerClient}); if the owner does not answer in time, the standbys (stale copies, the
 * freshest Kafka Streams has). While the group rebalances (no metadata, as after an instance died) or none of those
 * answers, any copy of the partition is read: this instance's, else any other instance's. If none answers within the
 * forward timeout, the request goes on without a memory ({@link PersonalLookup#failed}) and the reason is counted. Erasure goes through the mining job ({@code stream.erasure-topic}): its tombstone reaches
 * every instance's copy. Thread-safe.
 */
public final class ShardedPersonalStore implements PersonalStore, PeerMemory {
  private static final Serializer<String> IDS = new StringSerializer();
  private static final byte[] NO_MEMORY = PersonalProfile.EMPTY.toBytes();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final String selfName;
  private final PeerClient peers;
  private final ShardMetrics metrics;
  private final long forwardNanos;
  private final String bootstrap;
  private final RewriterConfig config;
  /** Owned bytes, bytes with standbys, and when they were counted ({@link #heldBytes}). */
  private volatile long[] held;
  /** The other instances and the partition count, as Kafka Streams last told them ({@link #refreshTopology}). */
  private volatile Topology topology = new Topology(List.of(), 0);

  private record Topology(List<HostInfo> hosts, int partitions) {}

  private ShardedPersonalStore(KafkaStreams streams, HostInfo self, PeerClient peers, ShardMetrics metrics,
      long forwardNanos, String bootstrap, RewriterConfig config) {
    this.streams = streams;
    this.self = self;
    this.selfName = self.host() + ":" + self.port();
    this.peers = peers;
    this.metrics = metrics;
    this.forwardNanos = forwardNanos;
    this.bootstrap = bootstrap;
    this.config = config;
  }

  /**
   * Joins the serving instances of {@code bootstrap}'s cluster as {@code advertised host:port}; profiles are built
   * with {@code vectors} (the model's embedder). Returns once the application is started (it may still be
   * restoring; see {@link #awaitRunning}).
   *
   * @param authorization the {@code Authorization} header value other instances require, or null
   */
  public static ShardedPersonalStore start(RewriterConfig config, String bootstrap, int port,
      Function<String, float[]> vectors, MeterRegistry registry, String authorization) {
    ShardSettings s = ShardSettings.from(config);
    HostInfo self = new HostInfo(s.advertisedHost(), port);
    ShardMetrics metrics = new ShardMetrics(registry);
    KafkaStreams streams = new KafkaStreams(ProfileTopology.build(s, vectors, metrics),
        ProfileTopology.properties(s, bootstrap, s.advertisedHost() + ":" + port));
    streams.start();
    ShardedPersonalStore store = new ShardedPersonalStore(streams, self, new PeerClient(
        Duration.ofMillis(s.forwardTimeoutMillis()), authorization), metrics, s.forwardTimeoutMillis() * 1_000_000L,
        bootstrap, config);
    io.micrometer.core.instrument.Gauge.builder("rewriter.shard.held.bytes", store, x -> x.heldBytes(false))
        .tag("copies", "owned").description("Bytes of customer memories this instance owns (keys and values)")
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder("rewriter.shard.held.bytes", store, x -> x.heldBytes(true))
        .tag("copies", "owned+standby").description("Bytes of customer memories held here, standby copies included")
        .register(registry);
    return store;
  }

  /**
   * Bytes (keys and values) of the memories this instance owns, or holds including standby copies; counted at most
   * once a minute (a scan of the local partitions), so scraping {@code /metrics} stays cheap.
   */
  public long heldBytes(boolean withStandbys) {
    long now = System.nanoTime();
    long[] held = this.held;
    if (held == null || now - held[2] > 60_000_000_000L) {
      held = new long[] {scanBytes(false), scanBytes(true), now};
      this.held = held;
    }
    return held[withStandbys ? 1 : 0];
  }

  private long scanBytes(boolean stale) {
    StoreQueryParameters<ReadOnlyKeyValueStore<byte[], byte[]>> q = StoreQueryParameters.fromNameAndType(
        ProfileTopology.STORE, QueryableStoreTypes.<byte[], byte[]>keyValueStore());
    long bytes = 0;
    try (KeyValueIterator<byte[], byte[]> it = streams.store(stale ? q.enableStaleStores() : q).all()) {
      while (it.hasNext()) {
        var kv = it.next();
        bytes += kv.key.length + kv.value.length;
      }
    } catch (StreamsException e) {
      return 0; // nothing hosted (yet)
    }
    return bytes;
  }

  /** Waits until the application runs (partitions assigned and restored); false when the time ran out first. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
          && streams.state() != KafkaStreams.State.CREATED) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** The Kafka Streams state of this instance's application ({@code RUNNING}, {@code REBALANCING}, ...). */
  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public boolean ready() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** {@code host:port}, as the other instances know this one. */
  public String self() {
    return selfName;
  }

  @Override
  public PersonalLookup lookup(String customerId, long timeoutNanos) {
    long deadline = System.nanoTime() + Math.min(timeoutNanos, forwardNanos);
    KeyQueryMetadata md = metadata(customerId);
    Set<HostInfo> askedStale = new HashSet<>();
    if (md != null) {
      List<HostInfo> order = new ArrayList<>();
      order.add(md.activeHost());
      order.addAll(md.standbyHosts());
      for (HostInfo h : order) {
        boolean stale = !h.equals(md.activeHost());
        PersonalLookup found = read(h, customerId, md.partition(), stale, deadline,
            stale ? "standby" : h.equals(self) ? "local" : "forwarded");
        if (found != null) {
          return found;
        }
        if (stale) {
          askedStale.add(h);
        }
        if (System.nanoTime() - deadline > 0) {
          metrics.lookup("none");
          return PersonalLookup.failed("shard-unreachable");
        }
      }
    }
    // the group is rebalancing (no metadata), or the copies it names did not answer: any copy of the partition, this
    // instance's first, then every other instance's (a copy being restored or a standby about to be dropped may be
    // slightly behind; without it the request would go on without a memory)
    int partition = md != null ? md.partition() : partitionOf(customerId);
    if (partition >= 0) {
      List<HostInfo> others = new ArrayList<>(List.of(self));
      others.addAll(knownHosts());
      for (HostInfo h : others) {
        if (askedStale.add(h)) {
          PersonalLookup found = read(h, customerId, partition, true, deadline, "any-copy");
          if (found != null) {
            return found;
          }
        }
        if (System.nanoTime() - deadline > 0) {
          break;
        }
      }
    }
    metrics.lookup("none");
    return PersonalLookup.failed(md == null ? "shard-no-owner" : "shard-unreachable");
  }

  /** The memory as {@code h} holds it (this instance's store or a peer's), counted as {@code from}; null if none. */
  private PersonalLookup read(HostInfo h, String customerId, int partition, boolean stale, long deadline,
      String from) {
    boolean mine = h.equals(self);
    byte[] held = mine ? local(customerId, partition, stale) : remote(h, customerId, stale, deadline);
    if (held == null) {
      return null;
    }
    metrics.lookup(from);
    return PersonalLookup.found(PersonalProfile.fromBytes(held), mine ? selfName : h.host() + ":" + h.port());
  }

  /** Kafka Streams' owner and standbys of the customer's partition, or null while it cannot tell (rebalancing). */
  private KeyQueryMetadata metadata(String customerId) {
    try {
      KeyQueryMetadata md = streams.queryMetadataForKey(ProfileTopology.STORE, customerId, IDS);
      return md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md) ? null : md;
    } catch (StreamsException | IllegalStateException e) {
      return null;
    }
  }

  /** The customer's partition as Kafka Streams' metadata names it, or -1 while it cannot tell. */
  int metadataPartition(String customerId) {
    KeyQueryMetadata md = metadata(customerId);
    return md == null ? -1 : md.partition();
  }

  /**
   * The customer's partition as the mining job's changelog has it (the default partitioner on the id's bytes), from
   * the partition count last seen in the metadata; -1 before any was seen.
   */
  int partitionOf(String customerId) {
    int n = knownPartitions();
    return n <= 0 ? -1 : Utils.toPositive(Utils.murmur2(IDS.serialize(null, customerId))) % n;
  }

  /** The other instances the metadata named when last available (it is empty during a rebalance). */
  private List<HostInfo> knownHosts() {
    refreshTopology();
    return topology.hosts();
  }

  private int knownPartitions() {
    refreshTopology();
    return topology.partitions();
  }

  private void refreshTopology() {
    try {
      List<HostInfo> hosts = new ArrayList<>();
      int partitions = 0;
      for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
        if (!m.hostInfo().equals(self)) {
          hosts.add(m.hostInfo());
        }
        for (TopicPartition tp : m.topicPartitions()) {
          partitions = Math.max(partitions, tp.partition() + 1);
        }
        for (TopicPartition tp : m.standbyTopicPartitions()) {
          partitions = Math.max(partitions, tp.partition() + 1);
        }
      }
      if (!hosts.isEmpty() && partitions > 0) {
        topology = new Topology(List.copyOf(hosts), Math.max(partitions, topology.partitions()));
      }
    } catch (StreamsException | IllegalStateException e) {
      // not running: keep what was last seen
    }
  }

  private byte[] remote(HostInfo h, String customerId, boolean stale, long deadline) {
    PeerClient.Answer a = peers.fetch(h, customerId, stale, deadline);
    return a.status() == PeerClient.Status.HELD ? a.profile() : null;
  }

  @Override
  public byte[] hostedProfile(String customerId, boolean stale) {
    KeyQueryMetadata md = metadata(customerId);
    int partition = md != null ? md.partition() : partitionOf(customerId);
    return partition < 0 ? null : local(customerId, partition, stale);
  }

  /** This instance's copy of the customer's partition, or null when it holds none ({@code stale}: standbys too). */
  private byte[] local(String customerId, int partition, boolean stale) {
    try {
      StoreQueryParameters<ReadOnlyKeyValueStore<byte[], byte[]>> q = StoreQueryParameters
          .fromNameAndType(ProfileTopology.STORE, QueryableStoreTypes.<byte[], byte[]>keyValueStore())
          .withPartition(partition);
      byte[] v = streams.store(stale ? q.enableStaleStores() : q).get(PersonalMemory.key(customerId));
      return v == null ? NO_MEMORY : v;
    } catch (StreamsException e) {
      return null; // not hosted here (any more), or still restoring
    }
  }

  /**
   * Asks the mining job to erase the customer (its tombstone then reaches every serving instance's copy); returns
   * whether a memory was held before.
   */
  @Override
  public boolean forget(String customerId) {
    PersonalProfile before = lookup(customerId, forwardNanos).profile();
    boolean held = !before.entries().isEmpty() || !before.pairs().isEmpty();
    ErasureRequest.send(bootstrap, config, customerId,
        Duration.ofSeconds(config.get(ConfigKeys.CONNECT_TIMEOUT_SECONDS)));
    return held;
  }

  @Override
  public List<PersonalProfile> sampleProfiles(int n) {
    List<PersonalProfile> out = new ArrayList<>();
    try (KeyValueIterator<byte[], byte[]> it = streams.store(StoreQueryParameters.fromNameAndType(
        ProfileTopology.STORE, QueryableStoreTypes.<byte[], byte[]>keyValueStore()).enableStaleStores()).all()) {
      while (it.hasNext() && out.size() < n) {
        out.add(PersonalProfile.fromBytes(it.next().value));
      }
    } catch (StreamsException e) {
      // nothing hosted yet: warm-up goes on without personal profiles
    }
    return out;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    peers.close();
  }
}
